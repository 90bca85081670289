/**
 * Probes end to end on the simulated kubelet: kuard's /ready and /healthy debug probes, a probe on a port
 * the app does not listen on, and the exec liveness demo from the Kubernetes docs
 * (tasks/configure-pod-container/configure-liveness-readiness-startup-probes).
 */
import { describe, expect, it } from 'vitest';
import type { Container } from '../api/types';
import { boundPod, getPod, mustCreate, podEvents, readyStatus, testCluster } from './testing';

const kuard = (extra: Partial<Container> = {}): Container => ({
  name: 'kuard',
  image: 'gcr.io/kuar-demo/kuard-amd64:blue',
  ports: [{ name: 'http', containerPort: 8080 }],
  ...extra,
});

describe('readiness probe', () => {
  it('flipping kuard /ready makes the pod not ready after failureThreshold periods, then ready again', () => {
    const c = testCluster();
    mustCreate(c, boundPod('alpaca', [kuard({ readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 10, failureThreshold: 3 } })]));
    expect(c.runUntil(() => readyStatus(getPod(c, 'alpaca')) === 'True', 30_000)).toBe(true);
    c.advance(5_000);
    expect(c.simulation.setAppHealth('default', 'alpaca', 'ready', false)).toBe(true);
    const flipped = c.now();
    expect(c.runUntil(() => readyStatus(getPod(c, 'alpaca')) === 'False', 60_000)).toBe(true);
    const notReadyAfter = c.now() - flipped;
    // three failures 10 s apart: the third one lands 20-30 s after the flip
    expect(notReadyAfter).toBeGreaterThanOrEqual(20_000);
    expect(notReadyAfter).toBeLessThanOrEqual(30_000);
    const pod = getPod(c, 'alpaca');
    const ready = pod?.status?.conditions?.find((x) => x.type === 'Ready');
    expect(ready?.reason).toBe('ContainersNotReady');
    expect(ready?.message).toBe('containers with unready status: [kuard]');
    expect(pod?.status?.phase).toBe('Running');
    expect(pod?.status?.containerStatuses?.[0]?.ready).toBe(false);
    // kuard's failing debug probe answers 500 (kuard pkg/debugprobe)
    expect(podEvents(c, 'alpaca')).toContain('Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 500');
    c.simulation.setAppHealth('default', 'alpaca', 'ready', true);
    expect(c.runUntil(() => readyStatus(getPod(c, 'alpaca')) === 'True', 11_000)).toBe(true);
  });

  it('a probe on a port the app does not listen on fails with the dial error and never gets ready', () => {
    const c = testCluster();
    // kubectl run --port=8000: kuard still listens on 8080
    mustCreate(c, boundPod('alpaca', [kuard({ ports: [{ containerPort: 8000 }], readinessProbe: { httpGet: { path: '/ready', port: 8000 } } })]));
    c.advance(40_000);
    const pod = getPod(c, 'alpaca');
    const ip = pod?.status?.podIP;
    expect(ip).toBe('10.244.4.2');
    expect(readyStatus(pod)).toBe('False');
    expect(podEvents(c, 'alpaca')).toContain(
      `Unhealthy: Readiness probe failed: Get "http://${ip}:8000/ready": dial tcp ${ip}:8000: connect: connection refused`,
    );
  });

  it('a path the app does not serve gets 404', () => {
    const c = testCluster();
    mustCreate(c, boundPod('web', [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/healthz', port: 80 } } }]));
    c.advance(40_000);
    expect(readyStatus(getPod(c, 'web'))).toBe('False');
    expect(podEvents(c, 'web')).toContain('Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 404');
  });
});

describe('liveness probe', () => {
  it('restarts kuard once /healthy fails: Unhealthy, Killing, restartCount 1, lastState terminated', () => {
    const c = testCluster();
    mustCreate(c, boundPod('alpaca', [kuard({ livenessProbe: { httpGet: { path: '/healthy', port: 8080 }, periodSeconds: 10, failureThreshold: 3 } })]));
    c.advance(15_000);
    c.simulation.setAppHealth('default', 'alpaca', 'healthy', false);
    expect(c.runUntil(() => getPod(c, 'alpaca')?.status?.containerStatuses?.[0]?.restartCount === 1, 60_000)).toBe(true);
    const cs = getPod(c, 'alpaca')?.status?.containerStatuses?.[0];
    expect(cs?.state?.running).toBeDefined();
    expect(cs?.lastState?.terminated?.exitCode).toBe(143);
    expect(cs?.lastState?.terminated?.reason).toBe('Error');
    const events = podEvents(c, 'alpaca');
    expect(events).toContain('Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500');
    // kuberuntime_manager.go computePodActions: "Container %s failed liveness probe" + ", will be restarted"
    expect(events).toContain('Killing: Container kuard failed liveness probe, will be restarted');
    // the new process starts healthy: no further restarts
    c.advance(120_000);
    expect(getPod(c, 'alpaca')?.status?.containerStatuses?.[0]?.restartCount).toBe(1);
  });

  it('the docs exec demo: cat /tmp/healthy fails 30 s after start and the container is restarted', () => {
    const c = testCluster();
    mustCreate(
      c,
      boundPod('liveness-exec', [
        {
          name: 'liveness',
          image: 'registry.k8s.io/busybox:1.27.2',
          args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
          livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
        },
      ]),
    );
    c.advance(25_000);
    expect(getPod(c, 'liveness-exec')?.status?.containerStatuses?.[0]?.restartCount).toBe(0);
    expect(c.runUntil(() => getPod(c, 'liveness-exec')?.status?.containerStatuses?.[0]?.restartCount === 1, 60_000)).toBe(true);
    const events = podEvents(c, 'liveness-exec');
    expect(events.some((e) => e.startsWith('Unhealthy: Liveness probe failed: cat:'))).toBe(true);
    expect(events).toContain('Killing: Container liveness failed liveness probe, will be restarted');
  });
});

describe('startup probe', () => {
  it('keeps the container unstarted and unready until it passes', () => {
    const c = testCluster();
    mustCreate(
      c,
      boundPod('slow', [kuard({ startupProbe: { httpGet: { path: '/healthy', port: 8080 }, initialDelaySeconds: 20, periodSeconds: 5 } })]),
    );
    c.advance(15_000);
    const cs = getPod(c, 'slow')?.status?.containerStatuses?.[0];
    expect(cs?.state?.running).toBeDefined();
    expect(cs?.started).toBe(false);
    expect(cs?.ready).toBe(false);
    c.advance(15_000);
    expect(getPod(c, 'slow')?.status?.containerStatuses?.[0]?.started).toBe(true);
    expect(readyStatus(getPod(c, 'slow'))).toBe('True');
  });
});
