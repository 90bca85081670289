/**
 * Ephemeral containers: the `pods/ephemeralcontainers` subresource (pkg/registry/core/pod/strategy.go
 * `podEphemeralContainersStrategy`, pkg/apis/core/validation `validateEphemeralContainers` and
 * `ValidatePodEphemeralContainersUpdate`) and the kubelet running one (kuberuntime_manager.go: started once in
 * the running sandbox, never restarted, reported in `status.ephemeralContainerStatuses`, not in Ready).
 */
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import type { Pod } from '../api/types';
import { boundPod, getPod, mustCreate, podEvents, readyStatus, testCluster } from './testing';

const web = { name: 'web', image: 'nginx:1.27' };

function addEphemeral(c: Cluster, pod: string, container: Record<string, unknown>) {
  return c.patch('Pod', 'default', pod, 'strategic', { spec: { ephemeralContainers: [container] } }, { subresource: 'ephemeralcontainers' });
}

function runningPod(c: Cluster, name = 'web-0'): Pod {
  mustCreate(c, boundPod(name, [web]));
  c.advance(30_000);
  const pod = getPod(c, name);
  expect(readyStatus(pod)).toBe('True');
  return pod as Pod;
}

describe('the ephemeralcontainers subresource', () => {
  it('adds a defaulted ephemeral container and bumps the generation; nothing else of the request is taken', () => {
    const c = testCluster();
    const before = runningPod(c);
    const r = c.patch(
      'Pod',
      'default',
      'web-0',
      'strategic',
      { metadata: { labels: { extra: 'x' } }, spec: { activeDeadlineSeconds: 5, ephemeralContainers: [{ name: 'debugger', image: 'busybox:1.36', targetContainerName: 'web' }] } },
      { subresource: 'ephemeralcontainers' },
    );
    expect(r.ok).toBe(true);
    const pod = getPod(c, 'web-0');
    expect(pod?.spec?.ephemeralContainers).toEqual([
      { name: 'debugger', image: 'busybox:1.36', imagePullPolicy: 'IfNotPresent', resources: {}, targetContainerName: 'web', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' },
    ]);
    expect(pod?.metadata?.labels).toEqual(before.metadata?.labels);
    expect(pod?.spec?.activeDeadlineSeconds).toBeUndefined();
    expect(pod?.metadata?.generation).toBe((before.metadata?.generation ?? 1) + 1);
  });

  it('refuses duplicate names, unknown targets and fields ephemeral containers may not have', () => {
    const c = testCluster();
    runningPod(c);
    const dup = addEphemeral(c, 'web-0', { name: 'web', image: 'busybox:1.36' });
    expect(dup.ok ? '' : dup.status.message).toBe('Pod "web-0" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "web"');
    const target = addEphemeral(c, 'web-0', { name: 'dbg', image: 'busybox:1.36', targetContainerName: 'nope' });
    expect(target.ok ? '' : target.status.message).toBe('Pod "web-0" is invalid: spec.ephemeralContainers[0].targetContainerName: Not found: "nope"');
    const ports = addEphemeral(c, 'web-0', { name: 'dbg', image: 'busybox:1.36', ports: [{ containerPort: 80 }], readinessProbe: { tcpSocket: { port: 80 } } });
    expect(ports.ok ? '' : ports.status.message).toBe(
      'Pod "web-0" is invalid: [spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container, spec.ephemeralContainers[0].readinessProbe: Forbidden: cannot be set for an Ephemeral Container]',
    );
  });

  it('refuses removing or changing an existing ephemeral container', () => {
    const c = testCluster();
    runningPod(c);
    expect(addEphemeral(c, 'web-0', { name: 'dbg', image: 'busybox:1.36' }).ok).toBe(true);
    const removed = c.patch('Pod', 'default', 'web-0', 'merge', { spec: { ephemeralContainers: [] } }, { subresource: 'ephemeralcontainers' });
    expect(removed.ok ? '' : removed.status.message).toBe('Pod "web-0" is invalid: spec.ephemeralContainers: Forbidden: existing ephemeral containers "dbg" may not be removed\n');
    const changed = addEphemeral(c, 'web-0', { name: 'dbg', image: 'busybox:1.37' });
    expect(changed.ok ? '' : changed.status.message).toContain('spec.ephemeralContainers: Forbidden: existing ephemeral containers "dbg" may not be changed\n');
    expect(changed.ok ? '' : changed.status.message).toContain('- \t\tImage:   "busybox:1.36",\n+ \t\tImage:   "busybox:1.37",');
  });

  it('is refused on create, and for kinds that have no such subresource', () => {
    const c = testCluster();
    const r = c.create('Pod', boundPod('p', [web], { ephemeralContainers: [{ name: 'dbg', image: 'busybox:1.36' }] }));
    expect(r.ok ? '' : r.status.message).toBe('Pod "p" is invalid: spec.ephemeralContainers: Forbidden: cannot be set on create');
    const svc = c.patch('Service', 'default', 'kubernetes', 'strategic', {}, { subresource: 'ephemeralcontainers' });
    expect(svc.ok ? '' : svc.status.message).toBe('the server could not find the requested resource');
  });
});

describe('the kubelet and an ephemeral container', () => {
  it('pulls, creates and starts it once; its status is separate and Ready is unaffected', () => {
    const c = testCluster();
    runningPod(c);
    expect(addEphemeral(c, 'web-0', { name: 'dbg', image: 'busybox:1.36', command: ['sleep', '5'] }).ok).toBe(true);
    c.advance(20_000);
    let pod = getPod(c, 'web-0');
    const s = pod?.status?.ephemeralContainerStatuses?.[0];
    expect(s?.name).toBe('dbg');
    expect(s?.ready).toBe(false);
    expect(s?.started).toBeUndefined();
    expect(s?.restartCount).toBe(0);
    expect(readyStatus(pod)).toBe('True');
    expect(pod?.status?.containerStatuses?.map((x) => x.name)).toEqual(['web']);
    const events = podEvents(c, 'web-0').filter((e) => /dbg|busybox/.test(e));
    expect(events).toEqual([
      expect.stringMatching(/^Pulling: Pulling image "busybox:1.36"$/),
      expect.stringMatching(/^Pulled: Successfully pulled image "busybox:1.36"/),
      'Created: Created container: dbg',
      'Started: Started container dbg',
    ]);
    const started = c.list('Event', { namespace: 'default' });
    const paths = started.ok ? started.value.items.filter((e) => e.reason === 'Started' && e.involvedObject.name === 'web-0').map((e) => e.involvedObject.fieldPath) : [];
    expect(paths).toContain('spec.ephemeralContainers{dbg}');
    // `sleep 5` exits 0: terminated, Completed, and never started again
    c.advance(60_000);
    pod = getPod(c, 'web-0');
    const done = pod?.status?.ephemeralContainerStatuses?.[0];
    expect(done?.state?.terminated?.reason).toBe('Completed');
    expect(done?.restartCount).toBe(0);
    expect(pod?.status?.phase).toBe('Running');
    expect(readyStatus(pod)).toBe('True');
  });

  it('runs in the pod network: its resolv.conf and DNS tools are the pod`s', () => {
    const c = testCluster();
    runningPod(c);
    expect(addEphemeral(c, 'web-0', { name: 'dbg', image: 'busybox:1.36', command: ['sleep', '3600'] }).ok).toBe(true);
    c.advance(20_000);
    const out = c.simulation.dnsTool?.('default', 'web-0', 'dbg', ['nslookup', 'kubernetes']);
    expect(out?.stdout ?? '').toContain('Name:\tkubernetes.default.svc.cluster.local');
  });

  it('is stopped with the pod', () => {
    const c = testCluster();
    runningPod(c);
    expect(addEphemeral(c, 'web-0', { name: 'dbg', image: 'busybox:1.36', command: ['sleep', '3600'] }).ok).toBe(true);
    c.advance(20_000);
    expect(c.delete('Pod', 'default', 'web-0').ok).toBe(true);
    c.advance(60_000);
    expect(getPod(c, 'web-0')).toBeUndefined();
  });
});
