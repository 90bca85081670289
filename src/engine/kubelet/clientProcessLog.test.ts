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
import { maxProcessSleeps } from './processScript';

function entries(c: Cluster, pod: string) {
  return c.runtime.pod('default', pod)?.containers[0]?.log() ?? [];
}

function log(c: Cluster, pod: string): string {
  return entries(c, pod)
    .map((e) => `${e.line}\n`)
    .join('');
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

  it('logs a stream: text without a newline joins the next write, and the last piece is a line at exit', () => {
    const c = new Cluster({ seed: 2 });
    expect(startLikePlayground(c)).toEqual([]);
    // `wget -qO-` prints a body as it came (this one with no newline at its end): echo ends each line
    runPod(c, 'lb', ['sh', '-c', 'for i in 1 2; do echo -n "try $i: "; wget -qO- nginx | grep -c title; done']);
    runPod(c, 'tail', ['sh', '-c', 'echo -n a; sleep 5; echo -n b; sleep 5; echo -n c']);
    c.advance(3000);
    expect(log(c, 'lb')).toBe('try 1: 1\ntry 2: 1\n');
    // what waits for its newline is shown as the log's last line meanwhile
    expect(log(c, 'tail')).toBe('a\n');
    c.advance(5000);
    expect(log(c, 'tail')).toBe('ab\n');
    c.advance(10_000);
    expect(log(c, 'tail')).toBe('abc\n');
    expect(c.store.get('Pod', 'default/tail')?.status?.phase).toBe('Succeeded');
  });

  it('runs an endless loop that sleeps round after round, until the container stops or svcsim stops running it', () => {
    const c = new Cluster({ seed: 2 });
    expect(startLikePlayground(c)).toEqual([]);
    runPod(c, 'watch', ['sh', '-c', 'echo start; while true; do wget -qO- nginx | grep -c title; sleep 2; done']);
    c.advance(30_000);
    const first = entries(c, 'watch');
    const started = first[0]?.time ?? 0;
    // a round every 2 s from the start: the wget walks the node's rules each time
    expect(first.slice(0, 4).map((e) => [e.line, e.time - started])).toEqual([
      ['start', 0],
      ['1', 0],
      ['1', 2000],
      ['1', 4000],
    ]);
    expect(first.length).toBeGreaterThan(10);
    expect(c.now() - (first.at(-1)?.time ?? 0)).toBeLessThan(2000);
    // one more round each 2 s, for hours of virtual time, and then svcsim stops following it (the process runs on)
    c.advance(maxProcessSleeps * 2000);
    const last = entries(c, 'watch').at(-1);
    expect(last?.line).toBe('1');
    expect(last && last.time - started).toBe(maxProcessSleeps * 2000);
    expect(c.store.get('Pod', 'default/watch')?.status?.phase).toBe('Running');
    expect(c.log.recent().some((e) => e.message.includes(`stopped following the process of container watch in default/watch after ${maxProcessSleeps} sleeps`))).toBe(true);
    // a deleted pod's loop stops with its container: no round runs for it again
    runPod(c, 'gone', ['sh', '-c', 'while true; do echo tick; sleep 1; done']);
    c.advance(5000);
    const view = c.runtime.pod('default', 'gone');
    const logged = () => view?.containers[0]?.log()?.length ?? 0;
    expect(c.delete('Pod', 'default', 'gone', { gracePeriodSeconds: 0 }).ok).toBe(true);
    const count = logged();
    expect(count).toBeGreaterThan(3);
    c.advance(10_000);
    expect(logged()).toBe(count);
  });

  it("curlimages/curl runs curl with the pod's args: its entrypoint puts curl in front of what is not a command", () => {
    const c = new Cluster({ seed: 2 });
    expect(startLikePlayground(c)).toEqual([]);
    const curlPod = (name: string, args?: string[]) =>
      expect(c.create('Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { restartPolicy: 'Never', containers: [{ name, image: 'curlimages/curl:8.10.1', args }] } }).ok).toBe(true);
    curlPod('full', ['curl', '-s', 'nginx']);
    curlPod('short', ['-s', 'nginx']);
    curlPod('none');
    c.advance(30_000);
    for (const pod of ['full', 'short']) {
      expect(log(c, pod)).toContain('<title>Welcome to nginx!</title>');
      expect(c.store.get('Pod', `default/${pod}`)?.status?.phase).toBe('Succeeded');
    }
    // CMD ["curl"] alone: no URL, exit status 2 (curl's CURLE_FAILED_INIT is 2)
    expect(log(c, 'none')).toBe("curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    expect(c.store.get('Pod', 'default/none')?.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
  });
});
