/**
 * A client image's main process runs its commands in the container as it starts (busybox nslookup and wget, echo,
 * env, cat …) and what they print is the container's log, as the container runtime captures a process's stdout
 * and stderr; their status is the process's exit code (restartPolicy Never: Completed or Error). Commands after a
 * `sleep` run at their time. The debugging pods of the Kubernetes docs ("Debugging DNS Resolution":
 * `kubectl run … --image=busybox -- nslookup kubernetes.default`, then `kubectl logs`) rely on it.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { startLikePlayground } from '../../scenario/playgroundStart';

function log(c: Cluster, pod: string): string {
  const view = c.runtime.pod('default', pod);
  return (view?.containers[0]?.log() ?? []).map((e) => `${e.line}\n`).join('');
}

function runPod(c: Cluster, name: string, args: string[]): void {
  const res = c.create('Pod', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { restartPolicy: 'Never', containers: [{ name, image: 'busybox:1.36', args }] },
  });
  expect(res.ok).toBe(true);
}

describe("a client image's main process", () => {
  it('logs what its commands print; a failed lookup fails the pod', () => {
    const c = new Cluster({ seed: 2 });
    expect(startLikePlayground(c)).toEqual([]);
    runPod(c, 'dns', ['nslookup', 'nginx.default.svc.cluster.local']);
    runPod(c, 'nope', ['nslookup', 'nope']);
    runPod(c, 'web', ['sh', '-c', 'echo from $HOSTNAME; wget -qO- nginx | grep title; sleep 5; echo later']);
    c.advance(30_000);
    const ip = c.store.get('Service', 'default/nginx')?.spec?.clusterIP;
    expect(log(c, 'dns')).toContain(`Name:\tnginx.default.svc.cluster.local\nAddress: ${ip}\n`);
    expect(c.store.get('Pod', 'default/dns')?.status?.phase).toBe('Succeeded');
    expect(log(c, 'nope')).toContain("** server can't find nope.default.svc.cluster.local: NXDOMAIN");
    expect(c.store.get('Pod', 'default/nope')?.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(log(c, 'web')).toBe('from web\n<title>Welcome to nginx!</title>\nlater\n');
  });
});
