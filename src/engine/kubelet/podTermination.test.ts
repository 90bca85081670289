/**
 * Graceful deletion and restarts: SIGTERM handling per app within the grace period, the terminal status the
 * kubelet writes before it deletes the pod with grace period 0, and crash-loop back-off timing
 * (kuberuntime_manager.go doBackOff with flowcontrol.Backoff: 10 s doubling to 5 m).
 */
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import type { Pod } from '../api/types';
import { boundPod, getPod, mustCreate, podEvents, testCluster } from './testing';

/** Deletes a pod and returns how long until it is gone and its last state. */
function deleteAndWait(c: Cluster, name: string, gracePeriodSeconds?: number): { ms: number; last?: Pod } {
  let last: Pod | undefined;
  const w = c.watch('Pod', { namespace: 'default', fieldSelector: `metadata.name=${name}` }, (e) => {
    if (e.type === 'DELETED') last = e.object as Pod;
  });
  const start = c.now();
  c.delete('Pod', 'default', name, gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds });
  c.runUntil(() => !getPod(c, name), 120_000);
  if (w.ok) w.value.stop();
  return { ms: c.now() - start, last };
}

describe('graceful deletion', () => {
  it('nginx stops at once on SIGQUIT: Completed, phase Succeeded, then removed', () => {
    const c = testCluster();
    mustCreate(c, boundPod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    c.advance(20_000);
    const { ms, last } = deleteAndWait(c, 'web');
    expect(ms).toBeLessThan(1_000);
    expect(podEvents(c, 'web')).toContain('Killing: Stopping container nginx');
    expect(last?.status?.phase).toBe('Succeeded');
    expect(last?.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(last?.status?.conditions?.find((x) => x.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });

  it('busybox sleep as PID 1 ignores SIGTERM: killed at the end of the 30 s grace period with 137', () => {
    const c = testCluster();
    mustCreate(c, boundPod('bb', [{ name: 'bb', image: 'busybox:1.36', command: ['sleep', '3600'] }]));
    c.advance(20_000);
    const { ms, last } = deleteAndWait(c, 'bb');
    expect(ms).toBeGreaterThanOrEqual(30_000);
    expect(ms).toBeLessThan(31_000);
    expect(last?.status?.phase).toBe('Failed');
    expect(last?.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('honours a shorter --grace-period and a preStop sleep', () => {
    const c = testCluster();
    mustCreate(c, boundPod('bb', [{ name: 'bb', image: 'busybox:1.36', command: ['sleep', '3600'] }]));
    mustCreate(c, boundPod('web', [{ name: 'nginx', image: 'nginx:1.27', lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } } }]));
    c.advance(20_000);
    const bb = deleteAndWait(c, 'bb', 5);
    expect(bb.ms).toBeGreaterThanOrEqual(5_000);
    expect(bb.ms).toBeLessThan(6_000);
    const web = deleteAndWait(c, 'web');
    expect(web.ms).toBeGreaterThanOrEqual(5_000);
    expect(web.ms).toBeLessThan(6_000);
    expect(web.last?.status?.containerStatuses?.[0]?.state?.terminated?.exitCode).toBe(0);
  });

  it('a pod deleted before its container started ends Failed with ContainerStatusUnknown', () => {
    const c = testCluster();
    mustCreate(c, boundPod('slow', [{ name: 'big', image: 'nicolaka/netshoot:v0.13', command: ['sleep', '3600'] }]));
    c.advance(2_000);
    const { ms, last } = deleteAndWait(c, 'slow');
    expect(ms).toBeLessThan(1_000);
    expect(last?.status?.phase).toBe('Failed');
    expect(last?.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({
      exitCode: 137,
      reason: 'ContainerStatusUnknown',
      message: 'The container could not be located when the pod was terminated',
    });
  });
});

describe('restarts', () => {
  it('backs off 10 s, 20 s, 40 s between crash restarts', () => {
    const c = testCluster();
    mustCreate(c, boundPod('crash', [{ name: 'crash', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }]));
    const restartsAt: number[] = [];
    let seen = 0;
    const start = c.now();
    c.runUntil(() => {
      const n = getPod(c, 'crash')?.status?.containerStatuses?.[0]?.restartCount ?? 0;
      if (n > seen) {
        seen = n;
        restartsAt.push(c.now() - start);
      }
      return n >= 4;
    }, 200_000);
    const gaps = restartsAt.slice(1).map((t, i) => t - restartsAt[i]);
    // the first restart is immediate; then each waits its back-off (plus PLEG's notice delay of up to 1 s)
    expect(restartsAt[0]).toBeLessThan(5_000);
    expect(gaps[0]).toBeGreaterThanOrEqual(10_000);
    expect(gaps[0]).toBeLessThan(12_500);
    expect(gaps[1]).toBeGreaterThanOrEqual(20_000);
    expect(gaps[1]).toBeLessThan(22_500);
    expect(gaps[2]).toBeGreaterThanOrEqual(40_000);
    expect(gaps[2]).toBeLessThan(42_500);
    const events = podEvents(c, 'crash');
    expect(events.some((e) => /^BackOff: Back-off restarting failed container crash in pod crash_default\(.+\)$/.test(e))).toBe(true);
    expect(events).toContain('Pulled: Container image "busybox:1.36" already present on machine');
  });

  it('restarts a container whose image was changed in the pod spec', () => {
    const c = testCluster();
    mustCreate(c, boundPod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    c.advance(20_000);
    const pod = getPod(c, 'web');
    if (!pod?.spec) throw new Error('no pod');
    const r = c.update('Pod', { ...pod, spec: { ...pod.spec, containers: [{ ...pod.spec.containers[0], image: 'nginx:1.28' }] } });
    expect(r.ok).toBe(true);
    c.advance(30_000);
    const cs = getPod(c, 'web')?.status?.containerStatuses?.[0];
    expect(cs?.image).toBe('docker.io/library/nginx:1.28');
    expect(cs?.restartCount).toBe(1);
    expect(podEvents(c, 'web')).toContain('Killing: Container nginx definition changed, will be restarted');
  });
});
