import { describe, expect, it } from 'vitest';
import type { Pod, ReplicaSet } from '../../api/types';
import type { Cluster } from '../../cluster';
import { clusterWithoutKubelets, markReady } from './testing/podLifecycle';

function rs(replicas: number, name = 'web'): ReplicaSet {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
    },
  };
}

function barePod(name: string, labels: Record<string, string>, nodeName?: string): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }] } };
}

const get = (c: Cluster, name = 'web') => c.store.get('ReplicaSet', `default/${name}`) as ReplicaSet;
const pods = (c: Cluster) => c.store.list('Pod', 'default');
const active = (c: Cluster) => pods(c).filter((p) => !p.metadata?.deletionTimestamp);
const rsEvents = (c: Cluster) =>
  c.store
    .list('Event', 'default')
    .filter((e) => e.involvedObject.kind === 'ReplicaSet')
    .map((e) => `${e.type} ${e.reason} ${e.message}`);

describe('replicaset controller', () => {
  it('creates the missing pods named <rs>-xxxxx with a controller reference, once', () => {
    const c = clusterWithoutKubelets();
    c.create('ReplicaSet', rs(3));
    const r = get(c);
    const ps = pods(c);
    expect(ps).toHaveLength(3);
    for (const p of ps) {
      expect(p.metadata?.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata?.labels).toEqual({ app: 'web' });
      expect(p.metadata?.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: r.metadata?.uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    // controller_utils.go RealPodControl: "Created pod: %v"
    expect(rsEvents(c).sort()).toEqual(ps.map((p) => `Normal SuccessfulCreate Created pod: ${p.metadata?.name}`).sort());
    expect(r.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    // resyncs create nothing more
    c.drain();
    expect(pods(c)).toHaveLength(3);
  });

  it('adopts a matching orphan instead of creating a pod', () => {
    const c = clusterWithoutKubelets();
    c.create('Pod', barePod('stray', { app: 'web' }));
    c.create('ReplicaSet', rs(2));
    const stray = c.store.get('Pod', 'default/stray');
    expect(stray?.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web', controller: true });
    expect(pods(c)).toHaveLength(2);
  });

  it('releases a pod whose labels stop matching and replaces it', () => {
    const c = clusterWithoutKubelets();
    c.create('ReplicaSet', rs(2));
    const [p] = pods(c);
    c.update('Pod', { ...p, metadata: { ...p.metadata, labels: { app: 'other' } } });
    expect(c.store.get('Pod', `default/${p.metadata?.name}`)?.metadata?.ownerReferences).toBeUndefined();
    expect(pods(c).filter((x) => x.metadata?.labels?.app === 'web')).toHaveLength(2);
    // labelled back, the orphan is adopted again and the surplus pod deleted
    const orphan = c.store.get('Pod', `default/${p.metadata?.name}`) as Pod;
    c.update('Pod', { ...orphan, metadata: { ...orphan.metadata, labels: { app: 'web' } } });
    expect(active(c)).toHaveLength(2);
  });

  it('deletes unassigned and pending pods before running ready ones', () => {
    const c = clusterWithoutKubelets();
    c.create('ReplicaSet', rs(3));
    const [a, b] = pods(c);
    markReady(c, c.store.get('Pod', `default/${a.metadata?.name}`) as Pod);
    markReady(c, c.store.get('Pod', `default/${b.metadata?.name}`) as Pod);
    const r = get(c);
    c.update('ReplicaSet', { ...r, spec: { ...r.spec!, replicas: 2 } });
    expect(active(c).map((p) => p.metadata?.name).sort()).toEqual([a.metadata?.name, b.metadata?.name].sort());
    expect(rsEvents(c).filter((e) => e.includes('SuccessfulDelete'))).toHaveLength(1);
  });

  it('counts readiness and availability in status', () => {
    const c = clusterWithoutKubelets();
    const r = rs(2);
    r.spec!.minReadySeconds = 3;
    c.create('ReplicaSet', r);
    for (const p of pods(c)) markReady(c, p);
    expect(get(c).status).toMatchObject({ replicas: 2, readyReplicas: 2 });
    expect(get(c).status?.availableReplicas).toBeUndefined();
    c.advance(3_000);
    expect(get(c).status?.availableReplicas).toBe(2);
  });

  it('does not recreate pods while the ReplicaSet is being deleted', () => {
    const c = clusterWithoutKubelets();
    c.create('ReplicaSet', rs(2));
    c.delete('ReplicaSet', 'default', 'web', { propagationPolicy: 'Foreground' });
    expect(get(c)?.metadata?.deletionTimestamp).toBeDefined();
    expect(pods(c)).toHaveLength(2);
    expect(pods(c).every((p) => p.metadata?.deletionTimestamp)).toBe(true);
    expect(rsEvents(c).filter((e) => e.includes('SuccessfulCreate'))).toHaveLength(2);
  });
});
