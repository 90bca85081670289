/**
 * The cluster mirror slice: what the worker's diffs say the cluster is, and the topology graph kept from the
 * same diffs. Both are updated in proportion to each batch (never rebuilt from the whole mirror), so the main
 * thread's cost per cluster change follows the change, not the cluster's size.
 */
import type { StateCreator } from 'zustand';
import { TopologyGraph, type TopologyView } from '../graph/topologyGraph';
import type { ClusterDiff } from '../protocol/messages';
import { type ClusterMirror, applyDiffs, emptyMirror } from './clusterMirror';

export interface ClusterSlice {
  mirror: ClusterMirror;
  /** The canvas's nodes and edges; unchanged elements keep their objects from one batch to the next. */
  topology: TopologyView;
  applyDiffs(diffs: readonly ClusterDiff[]): void;
}

export const createClusterSlice: StateCreator<ClusterSlice, [], [], ClusterSlice> = (set) => {
  // one graph per store (not per module): two stores, as in tests, never share one
  const graph = new TopologyGraph();
  return {
    mirror: emptyMirror(),
    topology: graph.view,
    applyDiffs: (diffs) =>
      set((s) => {
        const start = performance.now();
        const next = { mirror: applyDiffs(s.mirror, diffs), topology: graph.apply(diffs) };
        // what this layer costs per batch, apart from React Flow's rendering (bench/ui reads `svcsim:model`)
        performance.measure('svcsim:model', { start, end: performance.now() });
        return next;
      }),
  };
};
