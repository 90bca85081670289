/** rollout status (kubectl pkg/polymorphichelpers/rollout_status.go, pkg/cmd/rollout/rollout_status.go v0.34.1). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../engine';
import type { Deployment, StatefulSet } from '../../../engine/api/types';
import { splitCommandLine } from '../../commandLine';
import { runKubectl } from '../../kubectl';
import { deploymentStatus, maxForegroundWaitMs, statefulSetStatus } from './rolloutStatus';

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

const sts = (spec: Partial<NonNullable<StatefulSet['spec']>>, status: StatefulSet['status'], generation = 1): StatefulSet =>
  ({ metadata: { name: 'web', generation }, spec: { replicas: 3, updateStrategy: { type: 'RollingUpdate' }, ...spec }, status }) as StatefulSet;

// StatefulSetStatusViewer.Status in kubernetes/kubectl pkg/polymorphichelpers/rollout_status.go (v0.34.0)
describe('statefulSetStatus', () => {
  it('refuses OnDelete and waits for the spec to be observed (observedGeneration 0 counts as not observed)', () => {
    expect(statefulSetStatus(sts({ updateStrategy: { type: 'OnDelete' } }, { replicas: 3, observedGeneration: 1 }))).toEqual({
      error: 'rollout status is only available for RollingUpdate strategy type',
    });
    expect(statefulSetStatus(sts({}, { replicas: 0 }))).toEqual({ text: 'Waiting for statefulset spec update to be observed...\n', done: false });
    expect(statefulSetStatus(sts({}, { replicas: 3, observedGeneration: 1 }, 2))).toEqual({ text: 'Waiting for statefulset spec update to be observed...\n', done: false });
  });

  it('waits for ready pods, then for the partition, and is complete once the pods above it are updated', () => {
    const partitioned = { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } };
    expect(statefulSetStatus(sts(partitioned, { replicas: 3, observedGeneration: 1, readyReplicas: 1 }))).toEqual({ text: 'Waiting for 2 pods to be ready...\n', done: false });
    expect(statefulSetStatus(sts(partitioned, { replicas: 3, observedGeneration: 1, readyReplicas: 3, updatedReplicas: 1 }))).toEqual({
      text: 'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...\n',
      done: false,
    });
    expect(statefulSetStatus(sts(partitioned, { replicas: 3, observedGeneration: 1, readyReplicas: 3, updatedReplicas: 2 }))).toEqual({
      text: 'partitioned roll out complete: 2 new pods have been updated...\n',
      done: true,
    });
  });

  it('compares revisions only when there is no rollingUpdate block', () => {
    const status = { replicas: 3, observedGeneration: 1, readyReplicas: 3, currentReplicas: 1, updatedReplicas: 2, currentRevision: 'web-1', updateRevision: 'web-2' };
    expect(statefulSetStatus(sts({}, status))).toEqual({ text: 'waiting for statefulset rolling update to complete 2 pods at revision web-2...\n', done: false });
    expect(statefulSetStatus(sts({}, { ...status, currentReplicas: 3, currentRevision: 'web-2' }))).toEqual({
      text: 'statefulset rolling update complete 3 pods at revision web-2...\n',
      done: true,
    });
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

describe('rollout status statefulset', () => {
  const webYaml = readFileSync(join(__dirname, '..', '..', 'testdata', 'web-statefulset.yaml'), 'utf8');

  it('follows the pods becoming ready; the defaulted partition 0 makes it end as a partitioned roll out', () => {
    const cluster = createCluster({ seed: 2 });
    const run = (line: string) => runKubectl({ cluster, readFile: () => webYaml }, splitCommandLine(line));
    run('apply -f web.yaml');
    const r = run('rollout status statefulset/web');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Waiting for 2 pods to be ready...');
    expect(r.stdout.endsWith('\npartitioned roll out complete: 2 new pods have been updated...\n')).toBe(true);
    run('set image sts/web nginx=registry.k8s.io/nginx-slim:0.24');
    const update = run('rollout status sts/web');
    expect(update.stdout).toContain('Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...\n');
    expect(update.stdout.endsWith('partitioned roll out complete: 2 new pods have been updated...\n')).toBe(true);
  });

  it('refuses an OnDelete StatefulSet', () => {
    const cluster = createCluster({ seed: 2 });
    const onDelete = webYaml.replace('  serviceName: "nginx"\n', '  serviceName: "nginx"\n  updateStrategy:\n    type: OnDelete\n');
    const run = (line: string) => runKubectl({ cluster, readFile: () => onDelete }, splitCommandLine(line));
    run('apply -f web.yaml');
    const r = run('rollout status sts/web');
    expect(r.stderr).toBe('error: rollout status is only available for RollingUpdate strategy type\n');
    expect(r.exitCode).toBe(1);
  });
});
