import { describe, expect, it } from 'vitest';
import type { Deployment, Pod } from '../../api/types';
import type { Cluster } from '../../cluster';
import { clusterWithoutKubelets, runPods } from '../replicaset/testing/podLifecycle';

function nginx(): Deployment {
  const labels = { app: 'nginx' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx', namespace: 'default' },
    spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
  };
}

const count = (c: Cluster) => ({
  deployments: c.store.list('Deployment', 'default').length,
  replicaSets: c.store.list('ReplicaSet', 'default').length,
  pods: c.store.list('Pod', 'default').length,
});

describe('garbage collector', () => {
  it('background: deleting a Deployment removes its ReplicaSets, then its pods gracefully', () => {
    const c = clusterWithoutKubelets();
    c.create('Deployment', nginx());
    runPods(c);
    c.delete('Deployment', 'default', 'nginx');
    expect(count(c)).toEqual({ deployments: 0, replicaSets: 0, pods: 2 });
    // pods get a graceful deletion like any delete
    expect(c.store.list('Pod', 'default').every((p) => p.metadata?.deletionGracePeriodSeconds === 30)).toBe(true);
    runPods(c);
    expect(count(c)).toEqual({ deployments: 0, replicaSets: 0, pods: 0 });
  });

  it('foreground: the owner waits, with the foregroundDeletion finalizer, until its dependents are gone', () => {
    const c = clusterWithoutKubelets();
    c.create('Deployment', nginx());
    runPods(c);
    c.delete('Deployment', 'default', 'nginx', { propagationPolicy: 'Foreground' });
    const d = c.store.get('Deployment', 'default/nginx');
    expect(d?.metadata?.finalizers).toEqual(['foregroundDeletion']);
    expect(d?.metadata?.deletionTimestamp).toBeDefined();
    const [rs] = c.store.list('ReplicaSet', 'default');
    // the ReplicaSet has pods of its own, so it is deleted in the foreground too
    expect(rs.metadata?.finalizers).toEqual(['foregroundDeletion']);
    expect(count(c).pods).toBe(2);
    runPods(c);
    expect(count(c)).toEqual({ deployments: 0, replicaSets: 0, pods: 0 });
  });

  it('orphan: dependents lose the reference and stay', () => {
    const c = clusterWithoutKubelets();
    c.create('Deployment', nginx());
    runPods(c);
    c.delete('Deployment', 'default', 'nginx', { propagationPolicy: 'Orphan' });
    expect(count(c)).toEqual({ deployments: 0, replicaSets: 1, pods: 2 });
    const [rs] = c.store.list('ReplicaSet', 'default');
    expect(rs.metadata?.ownerReferences).toBeUndefined();
    expect(c.store.list('Pod', 'default').every((p) => p.metadata?.ownerReferences?.[0]?.uid === rs.metadata?.uid)).toBe(true);
  });

  it('deletes an object created with a reference to an owner that does not exist', () => {
    const c = clusterWithoutKubelets();
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'dangling',
        namespace: 'default',
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'gone', uid: '00000000-0000-4000-8000-000000000000' }],
      },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    };
    c.create('Pod', pod);
    // already bound by the scheduler, so it is deleted gracefully
    expect(c.store.get('Pod', 'default/dangling')?.metadata?.deletionTimestamp).toBeDefined();
    runPods(c);
    expect(c.store.get('Pod', 'default/dangling')).toBeUndefined();
  });

  it('keeps a dependent that still has another live owner, dropping the dangling reference', () => {
    const c = clusterWithoutKubelets();
    const owner = c.create('Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'owner', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    const other = c.create('Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'other', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    if (!owner.ok || !other.ok) throw new Error('setup');
    const ref = (p: Pod) => ({ apiVersion: 'v1', kind: 'Pod', name: p.metadata?.name ?? '', uid: p.metadata?.uid ?? '' });
    c.create('Pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'dep', namespace: 'default', ownerReferences: [ref(owner.value), ref(other.value)] },
      spec: { containers: [{ name: 'c', image: 'x' }] },
    });
    c.delete('Pod', 'default', 'owner', { gracePeriodSeconds: 0 });
    runPods(c);
    const dep = c.store.get('Pod', 'default/dep');
    expect(dep?.metadata?.deletionTimestamp).toBeUndefined();
    expect(dep?.metadata?.ownerReferences?.map((r) => r.name)).toEqual(['other']);
  });
});
