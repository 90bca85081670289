import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, ReplicaSet } from '../../api/types';
import type { Cluster } from '../../cluster';
import { clusterWithoutKubelets, markReady, runPods } from '../replicaset/testing/podLifecycle';
import { computeHash } from './podTemplateHash';

const workers = ['kind-worker', 'kind-worker2', 'kind-worker3'];

function nginx(replicas = 3, extra: Partial<NonNullable<Deployment['spec']>> = {}): Deployment {
  const labels = { app: 'nginx' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx', namespace: 'default', labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      ...extra,
    },
  };
}

const deployment = (c: Cluster) => c.store.get('Deployment', 'default/nginx') as Deployment;
const replicaSets = (c: Cluster) => c.store.list('ReplicaSet', 'default');
const pods = (c: Cluster) => c.store.list('Pod', 'default');
const activePods = (c: Cluster) => pods(c).filter((p) => !p.metadata?.deletionTimestamp);
const isReady = (p: Pod) => p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;
const events = (c: Cluster, kind: string) =>
  c.store
    .list('Event', 'default')
    .filter((e) => e.involvedObject.kind === kind)
    .map((e) => `${e.reason} ${e.message}`);

function update(c: Cluster, change: (d: Deployment) => Deployment): void {
  const res = c.update('Deployment', change(deployment(c)));
  expect(res.ok).toBe(true);
}

function setImage(c: Cluster, image: string): void {
  update(c, (d) => ({ ...d, spec: { ...d.spec!, template: { ...d.spec!.template, spec: { containers: [{ name: 'nginx', image }] } } } }));
}

describe('deployment controller: the seed story', () => {
  it('creates <deployment>-<pod-template-hash> whose pods spread over the three workers', () => {
    const c = clusterWithoutKubelets();
    expect(c.create('Deployment', nginx()).ok).toBe(true);
    const d = deployment(c);
    const hash = computeHash(d.spec?.template);
    const [rs] = replicaSets(c);
    expect(rs.metadata?.name).toBe(`nginx-${hash}`);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(rs.metadata?.labels).toEqual({ app: 'nginx', 'pod-template-hash': hash });
    expect(rs.spec?.selector?.matchLabels).toEqual({ app: 'nginx', 'pod-template-hash': hash });
    expect(rs.metadata?.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'nginx', uid: d.metadata?.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(rs.metadata?.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(d.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.metadata?.generation).toBe(1);

    const ps = pods(c);
    expect(ps).toHaveLength(3);
    for (const p of ps) {
      expect(p.metadata?.name).toMatch(new RegExp(`^nginx-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata?.generateName).toBe(`nginx-${hash}-`);
      expect(p.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: rs.metadata?.name, controller: true, blockOwnerDeletion: true });
    }
    // one pod per worker, none on the tainted control plane
    expect(ps.map((p) => p.spec?.nodeName).sort()).toEqual(workers);

    // pkg/controller/deployment/sync.go: "Scaled up replica set %s from 0 to %d"; controller_utils.go: "Created pod: %v"
    expect(events(c, 'Deployment')).toEqual([`ScalingReplicaSet Scaled up replica set nginx-${hash} from 0 to 3`]);
    expect(events(c, 'ReplicaSet').sort()).toEqual(ps.map((p) => `SuccessfulCreate Created pod: ${p.metadata?.name}`).sort());
  });

  it('reports Available and NewReplicaSetAvailable once the pods are ready', () => {
    const c = clusterWithoutKubelets();
    c.create('Deployment', nginx());
    let st = deployment(c).status;
    expect(st?.conditions?.find((x) => x.type === 'Available')).toMatchObject({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
      message: 'Deployment does not have minimum availability.',
    });
    expect(st?.conditions?.find((x) => x.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    runPods(c);
    st = deployment(c).status;
    const rsName = replicaSets(c)[0].metadata?.name;
    expect(st).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(st?.unavailableReplicas).toBeUndefined();
    // deployment_util.go reasons and messages
    expect(st?.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`],
    ]);
    const rs = replicaSets(c)[0];
    expect(rs.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  it('replaces a deleted pod with a new name while the old one terminates', () => {
    const c = clusterWithoutKubelets();
    c.create('Deployment', nginx());
    runPods(c);
    const victim = pods(c)[0].metadata?.name ?? '';
    c.delete('Pod', 'default', victim);
    const gone = c.store.get('Pod', `default/${victim}`);
    expect(gone?.metadata?.deletionTimestamp).toBeDefined();
    const active = activePods(c);
    expect(active).toHaveLength(3);
    const replacement = active.find((p) => !isReady(p));
    expect(replacement?.metadata?.name).not.toBe(victim);
    expect(events(c, 'ReplicaSet')).toContain(`SuccessfulCreate Created pod: ${replacement?.metadata?.name}`);
  });

  it('orphans a pod relabelled out of the selector and replaces it', () => {
    const c = clusterWithoutKubelets();
    c.create('Deployment', nginx());
    runPods(c);
    const p = pods(c)[0];
    c.update('Pod', { ...p, metadata: { ...p.metadata, labels: { ...p.metadata?.labels, app: 'debug' } } });
    const released = c.store.get('Pod', `default/${p.metadata?.name}`);
    expect(released?.metadata?.ownerReferences).toBeUndefined();
    expect(pods(c)).toHaveLength(4);
    expect(pods(c).filter((x) => x.metadata?.labels?.app === 'nginx')).toHaveLength(3);
    expect(replicaSets(c)[0].status?.replicas).toBe(3);
  });

  it('scales up and down, deleting not-ready pods first', () => {
    const c = clusterWithoutKubelets();
    c.create('Deployment', nginx());
    runPods(c);
    const rsName = replicaSets(c)[0].metadata?.name;
    update(c, (d) => ({ ...d, spec: { ...d.spec!, replicas: 5 } }));
    expect(activePods(c)).toHaveLength(5);
    const readyBefore = activePods(c).filter(isReady).map((p) => p.metadata?.name);
    expect(readyBefore).toHaveLength(3);
    update(c, (d) => ({ ...d, spec: { ...d.spec!, replicas: 3 } }));
    // the two pods that never became ready go first (ActivePodsWithRanks: not ready < ready)
    expect(activePods(c).map((p) => p.metadata?.name).sort()).toEqual(readyBefore.sort());
    expect(events(c, 'Deployment')).toEqual([
      `ScalingReplicaSet Scaled up replica set ${rsName} from 0 to 3`,
      `ScalingReplicaSet Scaled up replica set ${rsName} from 3 to 5`,
      `ScalingReplicaSet Scaled down replica set ${rsName} from 5 to 3`,
    ]);
    expect(replicaSets(c)[0].metadata?.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('3');
    expect(events(c, 'ReplicaSet').filter((e) => e.startsWith('SuccessfulDelete'))).toHaveLength(2);
  });
});

describe('deployment controller: rollouts', () => {
  it('rolls out a new image within maxSurge and maxUnavailable', () => {
    const c = clusterWithoutKubelets();
    c.create('Deployment', nginx(4, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } } }));
    runPods(c);
    const oldRS = replicaSets(c)[0].metadata?.name;
    setImage(c, 'nginx:1.28');
    const newRS = replicaSets(c).find((rs) => rs.metadata?.name !== oldRS)?.metadata?.name;
    expect(newRS).toBeDefined();
    for (let step = 0; step < 20; step++) {
      const sizes = replicaSets(c).reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
      expect(sizes).toBeLessThanOrEqual(5); // replicas + maxSurge
      expect(activePods(c).filter(isReady).length).toBeGreaterThanOrEqual(3); // replicas - maxUnavailable
      const next = activePods(c).find((p) => p.spec?.nodeName && !isReady(p));
      const terminating = pods(c).filter((p) => p.metadata?.deletionTimestamp);
      if (!next && terminating.length === 0) break;
      if (next) markReady(c, next);
      for (const p of terminating) c.delete('Pod', 'default', p.metadata?.name ?? '', { gracePeriodSeconds: 0 });
    }
    const byName = new Map(replicaSets(c).map((rs) => [rs.metadata?.name, rs]));
    expect(byName.get(newRS)?.spec?.replicas).toBe(4);
    expect(byName.get(oldRS)?.spec?.replicas).toBe(0);
    expect(activePods(c).every((p) => p.metadata?.labels?.['pod-template-hash'] === byName.get(newRS)?.metadata?.labels?.['pod-template-hash'])).toBe(true);
    expect(byName.get(newRS)?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(deployment(c).metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(deployment(c).status?.conditions?.find((x) => x.type === 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
    // first step: surge one new pod and take one old pod down (maxSurge 1, maxUnavailable 1)
    expect(events(c, 'Deployment').slice(1, 3)).toEqual([
      `ScalingReplicaSet Scaled up replica set ${newRS} from 0 to 1`,
      `ScalingReplicaSet Scaled down replica set ${oldRS} from 4 to 3`,
    ]);
  });

  it('Recreate removes every old pod before creating the new ReplicaSet', () => {
    const c = clusterWithoutKubelets();
    c.create('Deployment', nginx(2, { strategy: { type: 'Recreate' } }));
    runPods(c);
    const oldRS = replicaSets(c)[0].metadata?.name;
    setImage(c, 'nginx:1.28');
    expect(replicaSets(c)).toHaveLength(1);
    expect(replicaSets(c)[0].spec?.replicas).toBe(0);
    expect(activePods(c)).toHaveLength(0);
    runPods(c); // the old pods finish terminating
    expect(replicaSets(c)).toHaveLength(2);
    const newRS = replicaSets(c).find((rs) => rs.metadata?.name !== oldRS);
    expect(newRS?.spec?.replicas).toBe(2);
    expect(events(c, 'Deployment').slice(1)).toEqual([
      `ScalingReplicaSet Scaled down replica set ${oldRS} from 2 to 0`,
      `ScalingReplicaSet Scaled up replica set ${newRS?.metadata?.name} from 0 to 2`,
    ]);
  });

  it('scales proportionally across ReplicaSets in the middle of a rollout', () => {
    const c = clusterWithoutKubelets();
    c.create('Deployment', nginx(10, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
    runPods(c);
    const oldRS = replicaSets(c)[0].metadata?.name;
    setImage(c, 'nginx:does-not-start');
    const size = (name: string | undefined) => replicaSets(c).find((rs) => rs.metadata?.name === name)?.spec?.replicas;
    const newRS = replicaSets(c).find((rs) => rs.metadata?.name !== oldRS)?.metadata?.name;
    expect([size(oldRS), size(newRS)]).toEqual([8, 5]); // 13 = 10 + maxSurge
    update(c, (d) => ({ ...d, spec: { ...d.spec!, replicas: 20 } }));
    // allowed 20 + 3 = 23: +10 shared 8:5 (rounded), leftovers to the largest
    expect((size(oldRS) ?? 0) + (size(newRS) ?? 0)).toBe(23);
    expect([size(oldRS), size(newRS)]).toEqual([14, 9]);
  });

  it('does not roll out while paused, and records it in Progressing', () => {
    const c = clusterWithoutKubelets();
    c.create('Deployment', nginx());
    runPods(c);
    update(c, (d) => ({ ...d, spec: { ...d.spec!, paused: true } }));
    setImage(c, 'nginx:1.28');
    expect(replicaSets(c)).toHaveLength(1);
    expect(deployment(c).status?.conditions?.find((x) => x.type === 'Progressing')).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    });
    update(c, (d) => ({ ...d, spec: { ...d.spec!, paused: false } }));
    expect(replicaSets(c)).toHaveLength(2);
  });

  it('reuses the old ReplicaSet on rollback with a new revision and a revision history', () => {
    const c = clusterWithoutKubelets();
    c.create('Deployment', nginx(1));
    runPods(c);
    const first = replicaSets(c)[0] as ReplicaSet;
    setImage(c, 'nginx:1.28');
    runPods(c);
    runPods(c);
    // what `kubectl rollout undo` does: copy the old template (without pod-template-hash) back
    const labels = { ...first.spec?.template?.metadata?.labels };
    delete labels['pod-template-hash'];
    update(c, (d) => ({ ...d, spec: { ...d.spec!, template: { ...first.spec!.template, metadata: { ...first.spec!.template!.metadata, labels } } } }));
    runPods(c);
    const reused = c.store.get('ReplicaSet', `default/${first.metadata?.name}`);
    expect(reused?.spec?.replicas).toBe(1);
    expect(reused?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(reused?.metadata?.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(deployment(c).metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(replicaSets(c)).toHaveLength(2);
  });

  it('keeps at most revisionHistoryLimit old ReplicaSets', () => {
    const c = clusterWithoutKubelets();
    c.create('Deployment', nginx(1, { revisionHistoryLimit: 1 }));
    for (const tag of ['1.25', '1.26', '1.27', '1.28']) {
      runPods(c);
      runPods(c);
      setImage(c, `nginx:${tag}`);
    }
    runPods(c);
    runPods(c);
    const revisions = replicaSets(c).map((rs) => rs.metadata?.annotations?.['deployment.kubernetes.io/revision']).sort();
    expect(revisions).toEqual(['4', '5']);
  });

  it('times out a rollout that makes no progress for progressDeadlineSeconds', () => {
    const c = clusterWithoutKubelets();
    c.create('Deployment', nginx(1, { progressDeadlineSeconds: 10 }));
    c.advance(12_000);
    const p = deployment(c).status?.conditions?.find((x) => x.type === 'Progressing');
    expect(p).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${replicaSets(c)[0].metadata?.name}" has timed out progressing.`,
    });
  });

  it('counts a pod available only after minReadySeconds', () => {
    const c = clusterWithoutKubelets();
    c.create('Deployment', nginx(1, { minReadySeconds: 5 }));
    runPods(c);
    expect(deployment(c).status?.readyReplicas).toBe(1);
    expect(deployment(c).status?.availableReplicas).toBeUndefined();
    c.advance(5_000);
    expect(deployment(c).status?.availableReplicas).toBe(1);
    expect(replicaSets(c)[0].spec?.minReadySeconds).toBe(5);
  });
});
