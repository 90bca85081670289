/** The cluster mirror slice: what the worker's diffs say the cluster is. */
import type { StateCreator } from 'zustand';
import type { ClusterDiff } from '../protocol/messages';
import { type ClusterMirror, applyDiffs, emptyMirror } from './clusterMirror';

export interface ClusterSlice {
  mirror: ClusterMirror;
  applyDiffs(diffs: readonly ClusterDiff[]): void;
}

export const createClusterSlice: StateCreator<ClusterSlice, [], [], ClusterSlice> = (set) => ({
  mirror: emptyMirror,
  applyDiffs: (diffs) => set((s) => ({ mirror: applyDiffs(s.mirror, diffs) })),
});
