/**
 * Golden fixtures: the pod status the kubelet writes at each lifecycle stage (kwok-style stage fixtures).
 * Set UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
 *
 * Shapes checked against real 1.34 kind output (`kubectl get pod -o yaml`): conditions PodReadyToStartContainers,
 * Initialized, Ready, ContainersReady, PodScheduled with observedGeneration; containerStatuses with imageID
 * `docker.io/library/nginx@sha256:...`, `resources: {}`, `user.linux`; hostIPs/podIPs; qosClass; startTime.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import type { Container, Pod } from '../api/types';
import { boundPod, mustCreate, normalizeStatus, testCluster } from './testing';

interface Stage {
  event: string;
  /** Seconds since the pod was created. */
  at: number;
  phase?: string;
  status: unknown;
}

function recordStages(c: Cluster, name: string): Stage[] {
  const stages: Stage[] = [];
  const start = c.now();
  c.watch('Pod', { namespace: 'default', fieldSelector: `metadata.name=${name}` }, (e) => {
    const pod = e.object as Pod;
    stages.push({ event: e.type, at: Math.round((c.now() - start) / 100) / 10, phase: pod.status?.phase, status: normalizeStatus(pod.status) });
  });
  return stages;
}

function golden(file: string, stages: Stage[]): void {
  const path = join(__dirname, 'testdata', file);
  // timing is PRNG jitter; the fixture pins what each stage looks like and their order
  const content = `${JSON.stringify(stages.map((s) => ({ event: s.event, phase: s.phase, status: s.status })), null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, content);
  expect(content).toBe(readFileSync(path, 'utf8'));
}

describe('pod lifecycle stages (golden)', () => {
  it('nginx: admitted, running, deleted', () => {
    const c = testCluster();
    const stages = recordStages(c, 'web');
    mustCreate(c, boundPod('web', [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }]));
    c.advance(30_000);
    c.delete('Pod', 'default', 'web');
    c.advance(5_000);
    golden('nginx-lifecycle.json', stages);
    expect(stages.map((s) => s.event).at(-1)).toBe('DELETED');
    // pulled for the first time on this node: pull time + create, a few seconds
    const running = stages.find((s) => s.phase === 'Running');
    expect(running?.at).toBeGreaterThan(1);
    expect(running?.at).toBeLessThan(10);
  });

  it('busybox exiting 1 under restartPolicy Always: Error, restart, CrashLoopBackOff', () => {
    const c = testCluster();
    const stages = recordStages(c, 'crash');
    const container: Container = { name: 'crash', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] };
    mustCreate(c, boundPod('crash', [container]));
    c.advance(45_000);
    golden('busybox-crashloop.json', stages);
  });

  it('busybox finishing under restartPolicy Never: Succeeded, sandbox gone', () => {
    const c = testCluster();
    const stages = recordStages(c, 'job');
    mustCreate(c, boundPod('job', [{ name: 'job', image: 'busybox:1.36', command: ['sh', '-c', 'echo done; sleep 2'] }], { restartPolicy: 'Never' }));
    c.advance(20_000);
    golden('busybox-completed.json', stages);
    expect(stages.at(-1)?.phase).toBe('Succeeded');
  });
});
