/**
 * ConfigMaps and Secrets reaching a container (kubernetes/kubernetes 1.34):
 * - the environment: `pkg/kubelet/kubelet_pods.go` makeEnvironmentVariables (envFrom under its prefix, then
 *   configMapKeyRef / secretKeyRef; optional ones skipped), the managers' NotFound with the singular resource
 *   (`pkg/kubelet/configmap/configmap_manager.go`, `pkg/kubelet/secret/secret_manager.go`), and
 *   `pkg/kubelet/kuberuntime/kuberuntime_container.go` startContainer's CreateContainerConfigError with
 *   `Error: <message>`, retried by the pod worker (`pkg/kubelet/pod_workers.go`, 10 s back-off);
 * - volumes: `pkg/volume/configmap/configmap.go` and `pkg/volume/secret/secret.go` (MakePayload's messages),
 *   `MountVolume.SetUp failed for volume "x" : …` from `pkg/volume/util/operationexecutor/operation_generator.go`,
 *   refreshed at the pod's periodic sync, a subPath never.
 */
import { describe, expect, it } from 'vitest';
import { runContainerCommand } from './apps/containerCommands';
import type { Cluster } from '../cluster';
import type { ConfigMap, Container, Secret } from '../api/types';
import { boundPod, getPod, mustCreate, podEvents, testCluster } from './testing';

function configMap(c: Cluster, name: string, data: Record<string, string>): void {
  const cm: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data };
  const existing = c.get('ConfigMap', 'default', name);
  const r = existing.ok ? c.update('ConfigMap', { ...existing.value, data }) : c.create('ConfigMap', cm);
  if (!r.ok) throw new Error(r.status.message);
}

function secret(c: Cluster, name: string, stringData: Record<string, string>): void {
  const r = c.create('Secret', { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default' }, stringData } as Secret);
  if (!r.ok) throw new Error(r.status.message);
}

const state = (c: Cluster, pod: string) => getPod(c, pod)?.status?.containerStatuses?.[0]?.state;

/** What `kubectl exec POD -- ARGV` prints on stdout (and its exit code). */
function exec(c: Cluster, pod: string, ...argv: string[]): string {
  const p = getPod(c, pod);
  if (!p) throw new Error('no pod');
  const env = c.simulation.containerEnv('default', pod) ?? [];
  const r = runContainerCommand(c, p, p.spec?.containers[0].name ?? '', argv, env);
  return (r?.chunks ?? []).map((x) => x.text).join('') + (r?.exitCode ? ` (exit ${r.exitCode})` : '');
}

const app = (extra: Partial<Container>): Container => ({ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], ...extra });

describe('the environment from ConfigMaps and Secrets', () => {
  it('waits with CreateContainerConfigError until the ConfigMap exists, then starts with its values', () => {
    const c = testCluster();
    mustCreate(
      c,
      boundPod('env', [
        app({
          envFrom: [{ configMapRef: { name: 'env-config' } }, { secretRef: { name: 'creds' }, prefix: 'DB_' }],
          env: [
            { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'special', key: 'how' } } },
            { name: 'MAYBE', valueFrom: { configMapKeyRef: { name: 'special', key: 'absent', optional: true } } },
            { name: 'GREETING', value: 'level $(LEVEL) at $(LOG_LEVEL)' },
          ],
        }),
      ]),
    );
    c.advance(30_000);
    expect(state(c, 'env')).toEqual({ waiting: { reason: 'CreateContainerConfigError', message: 'configmap "env-config" not found' } });
    const failures = podEvents(c, 'env').filter((e) => e.startsWith('Failed'));
    expect(failures).toEqual(['Failed: Error: configmap "env-config" not found']);
    // repeats bump the one Event: first attempt, then every 10-15 s
    const failed = c.list('Event', { namespace: 'default' });
    expect(failed.ok && failed.value.items.find((e) => e.reason === 'Failed')?.count).toBe(3);

    configMap(c, 'env-config', { LOG_LEVEL: 'INFO', shared: 'from-configmap' });
    c.advance(15_000);
    expect(state(c, 'env')).toEqual({ waiting: { reason: 'CreateContainerConfigError', message: 'secret "creds" not found' } });
    secret(c, 'creds', { password: 's3cr3t' });
    configMap(c, 'special', { how: 'very' });
    c.advance(15_000);
    expect(state(c, 'env')?.running).toBeDefined();
    const env = c.simulation.containerEnv('default', 'env') ?? [];
    expect(env).toEqual(expect.arrayContaining(['LOG_LEVEL=INFO', 'shared=from-configmap', 'DB_password=s3cr3t', 'LEVEL=very', 'GREETING=level very at INFO']));
    expect(env.some((e) => e.startsWith('MAYBE='))).toBe(false);
  });

  it("names the missing key of a ConfigMap or Secret that exists, and skips an optional source that does not", () => {
    const c = testCluster();
    configMap(c, 'special', { how: 'very' });
    secret(c, 'creds', { user: 'admin' });
    mustCreate(c, boundPod('k1', [app({ env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'special', key: 'nope' } } }] })]));
    mustCreate(c, boundPod('k2', [app({ env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } }] })]));
    mustCreate(c, boundPod('k3', [app({ envFrom: [{ configMapRef: { name: 'ghost', optional: true } }] })]));
    c.advance(20_000);
    expect(state(c, 'k1')?.waiting?.message).toBe("couldn't find key nope in ConfigMap default/special");
    expect(state(c, 'k2')?.waiting?.message).toBe("couldn't find key password in Secret default/creds");
    expect(state(c, 'k3')?.running).toBeDefined();
  });

  it('keeps the values the container started with when the ConfigMap changes', () => {
    const c = testCluster();
    configMap(c, 'special', { how: 'very' });
    mustCreate(c, boundPod('fixed', [app({ env: [{ name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'special', key: 'how' } } }] })]));
    c.advance(20_000);
    configMap(c, 'special', { how: 'changed' });
    c.advance(120_000);
    expect(c.simulation.containerEnv('default', 'fixed')).toContain('LEVEL=very');
  });
});

describe('ConfigMap and Secret volumes', () => {
  const volumePod = () =>
    boundPod(
      'vol',
      [
        app({
          volumeMounts: [
            { name: 'config', mountPath: '/etc/config' },
            { name: 'creds', mountPath: '/etc/creds', readOnly: true },
            { name: 'one', mountPath: '/etc/one.conf', subPath: 'how' },
          ],
        }),
      ],
      {
        volumes: [
          { name: 'config', configMap: { name: 'special' } },
          { name: 'creds', secret: { secretName: 'creds', items: [{ key: 'password', path: 'db/password.txt' }] } },
          { name: 'one', configMap: { name: 'special' } },
        ],
      },
    );

  it('holds the pod in ContainerCreating with FailedMount, backing off, until each source exists', () => {
    const c = testCluster();
    mustCreate(c, volumePod());
    c.advance(40_000);
    expect(state(c, 'vol')).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(getPod(c, 'vol')?.status?.podIP).toBeUndefined();
    expect(podEvents(c, 'vol').filter((e) => e.startsWith('FailedMount'))).toEqual([
      'FailedMount: MountVolume.SetUp failed for volume "config" : configmap "special" not found',
      'FailedMount: MountVolume.SetUp failed for volume "creds" : secret "creds" not found',
      'FailedMount: MountVolume.SetUp failed for volume "one" : configmap "special" not found',
    ]);
    // attempts 0.5 s, 1 s, 2 s … apart: seven in the first 40 s (the eighth waits 32 s more)
    const events = c.list('Event', { namespace: 'default' });
    expect(events.ok && events.value.items.filter((e) => e.reason === 'FailedMount').map((e) => e.count)).toEqual([7, 7, 7]);
    configMap(c, 'special', { how: 'very' });
    secret(c, 'creds', { user: 'admin' });
    c.advance(70_000);
    expect(state(c, 'vol')?.waiting?.reason).toBe('ContainerCreating');
    expect(podEvents(c, 'vol')).toContain('FailedMount: MountVolume.SetUp failed for volume "creds" : secret references non-existent secret key: password');
  });

  it('shows the keys as files, an edit after the next periodic sync, and a subPath file as it was at the start', () => {
    const c = testCluster();
    configMap(c, 'special', { how: 'very', 'log.level': 'INFO' });
    secret(c, 'creds', { password: 's3cr3t' });
    mustCreate(c, volumePod());
    c.advance(20_000);
    expect(state(c, 'vol')?.running).toBeDefined();
    expect(exec(c, 'vol', 'cat', '/etc/config/how', '/etc/config/log.level')).toBe('veryINFO');
    expect(exec(c, 'vol', 'cat', '/etc/creds/db/password.txt')).toBe('s3cr3t');
    expect(exec(c, 'vol', 'cat', '/etc/creds/password')).toBe("cat: can't open '/etc/creds/password': No such file or directory\n (exit 1)");
    expect(exec(c, 'vol', 'cat', '/etc/one.conf')).toBe('very');
    configMap(c, 'special', { how: 'changed' });
    c.advance(1_000);
    expect(exec(c, 'vol', 'cat', '/etc/config/how')).toBe('very');
    c.advance(60_000);
    expect(exec(c, 'vol', 'cat', '/etc/config/how')).toBe('changed');
    expect(exec(c, 'vol', 'cat', '/etc/config/log.level')).toBe("cat: can't open '/etc/config/log.level': No such file or directory\n (exit 1)");
    expect(exec(c, 'vol', 'cat', '/etc/one.conf')).toBe('very');
  });

  // the docs' "Configure a Pod to Use a ConfigMap" example: `sh -c "ls /etc/config/"` logs each key, one a line
  it('lists the keys with ls, as the docs example logs them', () => {
    const c = testCluster();
    configMap(c, 'special-config', { SPECIAL_TYPE: 'charm', SPECIAL_LEVEL: 'very' });
    configMap(c, 'special', { how: 'very' });
    secret(c, 'creds', { password: 's3cr3t' });
    mustCreate(
      c,
      boundPod('ls', [app({ command: ['/bin/sh', '-c', 'ls /etc/config/'], volumeMounts: [{ name: 'config-volume', mountPath: '/etc/config' }] })], {
        volumes: [{ name: 'config-volume', configMap: { name: 'special-config' } }],
        restartPolicy: 'Never',
      }),
    );
    mustCreate(c, volumePod());
    c.advance(20_000);
    const log = (c.runtime.pod('default', 'ls')?.containers[0]?.log() ?? []).map((e) => e.line);
    expect(log).toEqual(['SPECIAL_LEVEL', 'SPECIAL_TYPE']);
    expect(getPod(c, 'ls')?.status?.phase).toBe('Succeeded');
    expect(exec(c, 'vol', 'ls', '/etc/creds')).toBe('db\n');
    expect(exec(c, 'vol', 'ls', '-1', '/etc/creds/db/')).toBe('password.txt\n');
    expect(exec(c, 'vol', 'ls', '/etc/one.conf')).toBe('/etc/one.conf\n');
  });
});

