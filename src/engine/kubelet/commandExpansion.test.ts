/**
 * `$(VAR)` in a container's command and args is expanded by the kubelet before the runtime starts the process
 * (kubernetes/kubernetes pkg/kubelet/container/helpers.go `ExpandContainerCommandAndArgs`, with the variables of
 * `makeEnvironmentVariables`: the container's `env`, downward API values resolved, then the service variables);
 * an unknown `$(VAR)` stays as written and `$$(VAR)` is `$(VAR)`. Apps read their variables as the kubelet set them.
 */
import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../cli/shellSession';
import type { Container, Pod } from '../api/types';
import { Cluster } from '../cluster';

function pod(name: string, container: Omit<Container, 'name'>): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { run: name } }, spec: { containers: [{ name, ...container }] } };
}

const podName = { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } };

function cluster(): { c: Cluster; sh: ShellSession } {
  const c = new Cluster({ seed: 3 });
  const sh = new ShellSession(c);
  sh.feed('kubectl create deployment web --image=nginx --replicas=1');
  sh.feed('kubectl expose deployment web --port=80');
  sh.feed('sleep 20');
  return { c, sh };
}

describe('command and args expansion', () => {
  it('http-echo answers with -text=$(POD_NAME) resolved from the downward API, and a service variable', () => {
    const { c, sh } = cluster();
    for (const p of [
      pod('echo-a', { image: 'hashicorp/http-echo', env: [podName], args: ['-text=I am $(POD_NAME) and web is at $(WEB_SERVICE_HOST)'] }),
      pod('echo-b', { image: 'hashicorp/http-echo', args: ['-text=$(UNSET) $$(POD_NAME)'] }),
      pod('who', { image: 'traefik/whoami', env: [podName, { name: 'WHOAMI_NAME', value: 'whoami-$(POD_NAME)' }] }),
      pod('client', { image: 'registry.k8s.io/e2e-test-images/agnhost:2.39' }),
    ]) {
      const r = c.create('Pod', p);
      if (!r.ok) throw new Error(r.status.message);
    }
    sh.feed('sleep 20');
    const ip = (name: string) => c.store.get('Pod', `default/${name}`)?.status?.podIP;
    const webIP = c.store.get('Service', 'default/web')?.spec?.clusterIP;
    expect(webIP).toMatch(/^10\./);
    expect(sh.feed(`kubectl exec client -- curl -s ${ip('echo-a')}:5678`)).toContain(`I am echo-a and web is at ${webIP}\n`);
    expect(sh.feed(`kubectl exec client -- curl -s ${ip('echo-b')}:5678`)).toContain('$(UNSET) $(POD_NAME)\n');
    expect(sh.feed(`kubectl exec client -- curl -s ${ip('who')}`)).toContain('Name: whoami-who\n');
    // the spec keeps what was written
    expect(sh.feed('kubectl get pod echo-a -o jsonpath={.spec.containers[0].args[0]}')).toContain('-text=I am $(POD_NAME) and web is at $(WEB_SERVICE_HOST)');
  });

  it('a shell command gets its $(VAR) expanded before the shell runs', () => {
    const { c, sh } = cluster();
    // the readiness probe looks for the file under the pod's name; without the variable the name stays literal
    const readiness = (name: string) => ({ exec: { command: ['cat', `/tmp/ready-${name}`] }, periodSeconds: 2 });
    for (const [name, env] of [
      ['say', [podName]],
      ['literal', []],
    ] as const) {
      const r = c.create('Pod', pod(name, { image: 'busybox:1.36', env: [...env], readinessProbe: readiness(name), command: ['sh', '-c', 'touch /tmp/ready-$(POD_NAME) && sleep 3600'] }));
      if (!r.ok) throw new Error(r.status.message);
    }
    sh.feed('sleep 20');
    const ready = (name: string) => c.store.get('Pod', `default/${name}`)?.status?.conditions?.find((x) => x.type === 'Ready')?.status;
    expect([ready('say'), ready('literal')]).toEqual(['True', 'False']);
  });

  // an exec probe's command is expanded with the static `env` values only: a valueFrom variable is empty there
  // (pkg/kubelet/prober/prober.go ExpandContainerCommandOnlyStatic)
  it('an exec probe expands only static env values: a downward-API variable is empty in it', () => {
    const { c, sh } = cluster();
    const probe = (file: string) => ({ exec: { command: ['cat', file] }, periodSeconds: 2 });
    const env = [podName, { name: 'DIR', value: '/tmp' }];
    const make = (name: string, file: string, touch: string) => c.create('Pod', pod(name, { image: 'busybox:1.36', env, readinessProbe: probe(file), command: ['sh', '-c', `touch ${touch} && sleep 3600`] }));
    for (const r of [make('static', '$(DIR)/ready-static', '/tmp/ready-$(POD_NAME)'), make('downward', '$(DIR)/ready-$(POD_NAME)', '/tmp/ready-')]) if (!r.ok) throw new Error(r.status.message);
    sh.feed('sleep 20');
    const ready = (name: string) => c.store.get('Pod', `default/${name}`)?.status?.conditions?.find((x) => x.type === 'Ready')?.status;
    // `$(DIR)` expands; `$(POD_NAME)` becomes '' in the probe, so it reads /tmp/ready- (not /tmp/ready-downward)
    expect([ready('static'), ready('downward')]).toEqual(['True', 'True']);
  });
});
