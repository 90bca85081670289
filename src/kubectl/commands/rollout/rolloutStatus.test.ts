/** rollout status (kubectl pkg/polymorphichelpers/rollout_status.go, pkg/cmd/rollout/rollout_status.go v0.34.1). */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../engine';
import type { Deployment } from '../../../engine/api/types';
import { splitCommandLine } from '../../commandLine';
import { runKubectl } from '../../kubectl';
import { deploymentStatus, maxForegroundWaitMs } from './rolloutStatus';

const d = (spec: Partial<Deployment['spec']>, status: Deployment['status'], generation = 1): Deployment =>
  ({ metadata: { name: 'web', generation }, spec: { replicas: 3, ...spec }, status }) as Deployment;

describe('deploymentStatus', () => {
  it('walks through the DeploymentStatusViewer messages', () => {
    expect(deploymentStatus(d({}, { observedGeneration: 1 }, 2), 0)).toEqual({ text: 'Waiting for deployment spec update to be observed...\n', done: false });
    expect(deploymentStatus(d({}, { observedGeneration: 1, updatedReplicas: 1 }), 0)).toEqual({
      text: 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
      done: false,
    });
    expect(deploymentStatus(d({}, { observedGeneration: 1, updatedReplicas: 3, replicas: 4 }), 0)).toEqual({
      text: 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n',
      done: false,
    });
    expect(deploymentStatus(d({}, { observedGeneration: 1, updatedReplicas: 3, replicas: 3, availableReplicas: 2 }), 0)).toEqual({
      text: 'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n',
      done: false,
    });
    expect(deploymentStatus(d({}, { observedGeneration: 1, updatedReplicas: 3, replicas: 3, availableReplicas: 3 }), 0)).toEqual({
      text: 'deployment "web" successfully rolled out\n',
      done: true,
    });
    expect(deploymentStatus(d({}, { observedGeneration: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] }), 0)).toEqual({
      error: 'deployment "web" exceeded its progress deadline',
    });
    expect(deploymentStatus(d({}, { observedGeneration: 1 }), 2)).toEqual({ error: 'desired revision (2) is different from the running revision (0)' });
  });
});

describe('rollout status', () => {
  it('keeps watching as a stream when the rollout cannot finish in the foreground', () => {
    const cluster = createCluster({ seed: 2 });
    const ctx = { cluster };
    const run = (line: string) => runKubectl(ctx, splitCommandLine(line));
    run('create deployment web --image=nginx:1.27 --replicas=2');
    run('rollout status deployment/web');
    run('rollout pause deployment/web');
    run('set image deployment/web nginx=nginx:1.28');
    const start = cluster.now();
    const r = run('rollout status deployment/web');
    expect(cluster.now() - start).toBe(maxForegroundWaitMs);
    expect(r.stdout).toBe('Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...\n');
    const chunks: string[] = [];
    let ended = false;
    r.watch?.subscribe(
      (c) => chunks.push(c.stdout ?? ''),
      () => {
        ended = true;
      },
    );
    run('rollout resume deployment/web');
    expect(ended).toBe(false);
    cluster.advance(60_000);
    expect(chunks.at(-1)).toBe('deployment "web" successfully rolled out\n');
    // kubectl returns once the rollout is done: the host's prompt comes back
    expect(ended).toBe(true);
    const seen = chunks.length;
    run('rollout restart deployment/web');
    cluster.advance(60_000);
    expect(chunks).toHaveLength(seen);
  });
});
