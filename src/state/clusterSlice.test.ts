import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { WireObject } from '../protocol/objects';
import { diff, node, pod } from '../graph/testing';
import { type ClusterSlice, createClusterSlice } from './clusterSlice';

/** What the engine posts: a reset (the replay's init) or a change, with the engine's resource version. */
const engineDiff = (objects: WireObject[], time: number, reset = true) => ({ ...diff(objects, [], [], reset), resourceVersion: 7, time });

describe('a stand-in cluster (a share link’s first graph)', () => {
  it('is drawn at once; the engine’s diffs wait, then replace it together', () => {
    const store = create<ClusterSlice>()(createClusterSlice);
    const release = store.getState().standIn([node('kind-worker'), pod('from-link', 'kind-worker')], 1000);
    expect(release).toBeDefined();
    expect(store.getState().topology.nodes.map((n) => n.id)).toContain('pod:default/from-link');
    expect(store.getState().mirror.time).toBe(1000);
    // the replay: a reset, then a change; neither is drawn yet
    store.getState().applyDiffs([engineDiff([node('kind-worker')], 2000)]);
    store.getState().applyDiffs([engineDiff([pod('replayed', 'kind-worker')], 3000, false)]);
    expect(store.getState().topology.nodes.map((n) => n.id)).toContain('pod:default/from-link');
    release?.();
    const ids = store.getState().topology.nodes.map((n) => n.id);
    expect(ids).toContain('pod:default/replayed');
    expect(ids).not.toContain('pod:default/from-link');
    expect(store.getState().mirror.resourceVersion).toBe(7);
    // released once: later diffs go straight in
    store.getState().applyDiffs([engineDiff([pod('later', 'kind-worker')], 4000, false)]);
    expect(store.getState().topology.nodes.map((n) => n.id)).toContain('pod:default/later');
  });

  it('draws nothing from objects that make no graph', () => {
    const store = create<ClusterSlice>()(createClusterSlice);
    // owner references that are not a list: the graph model cannot read them (a link's check refuses them first)
    const broken = { ...pod('p', 'n'), metadata: { ...pod('p', 'n').metadata, ownerReferences: 5 } } as unknown as WireObject;
    expect(store.getState().standIn([broken], 1)).toBeUndefined();
    expect(store.getState().mirror.objects.size).toBe(0);
    // and holds nothing back
    store.getState().applyDiffs([engineDiff([node('kind-worker')], 2)]);
    expect(store.getState().mirror.objects.size).toBe(1);
  });
});
