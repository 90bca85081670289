import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { WireObject } from '../protocol/objects';
import { type ClusterSlice, createClusterSlice, resetDiff } from './clusterSlice';

const node = (name: string): WireObject => ({ kind: 'Node', metadata: { name, uid: '', resourceVersion: '0' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } });
const pod = (name: string, nodeName: string): WireObject => ({
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid: '', resourceVersion: '0' },
  spec: { nodeName },
  view: { status: 'Running', ready: '1/1', podReady: true, restarts: 0 },
});
const engineDiff = (objects: WireObject[], time: number) => ({ ...resetDiff(objects, time), resourceVersion: 7 });

describe('a stand-in cluster (a share link’s first graph)', () => {
  it('is drawn at once; the engine’s diffs wait, then replace it together', () => {
    const store = create<ClusterSlice>()(createClusterSlice);
    const release = store.getState().standIn([node('kind-worker'), pod('from-link', 'kind-worker')], 1000);
    expect(release).toBeDefined();
    expect(store.getState().topology.nodes.map((n) => n.id)).toContain('pod:default/from-link');
    expect(store.getState().mirror.time).toBe(1000);
    // the replay: a reset, then a change; neither is drawn yet
    store.getState().applyDiffs([engineDiff([node('kind-worker')], 2000)]);
    store.getState().applyDiffs([{ ...engineDiff([pod('replayed', 'kind-worker')], 3000), reset: false }]);
    expect(store.getState().topology.nodes.map((n) => n.id)).toContain('pod:default/from-link');
    release?.();
    const ids = store.getState().topology.nodes.map((n) => n.id);
    expect(ids).toContain('pod:default/replayed');
    expect(ids).not.toContain('pod:default/from-link');
    expect(store.getState().mirror.resourceVersion).toBe(7);
    // released once: later diffs go straight in
    store.getState().applyDiffs([{ ...engineDiff([pod('later', 'kind-worker')], 4000), reset: false }]);
    expect(store.getState().topology.nodes.map((n) => n.id)).toContain('pod:default/later');
  });

  it('draws nothing from objects that make no graph', () => {
    const store = create<ClusterSlice>()(createClusterSlice);
    // owner references that are not a list: the graph model cannot read them (a link's check refuses them first)
    const broken = { ...pod('p', 'n'), metadata: { name: 'p', namespace: 'default', uid: '', resourceVersion: '0', ownerReferences: 5 } } as unknown as WireObject;
    expect(store.getState().standIn([broken], 1)).toBeUndefined();
    expect(store.getState().mirror.objects.size).toBe(0);
    // and holds nothing back
    store.getState().applyDiffs([engineDiff([node('kind-worker')], 2)]);
    expect(store.getState().mirror.objects.size).toBe(1);
  });
});
