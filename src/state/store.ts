/** The app's zustand store: the cluster mirror plus UI state. Components read it through module-scope selectors. */
import { create } from 'zustand';
import type { ApplyItemResult, ClusterDiff } from '../protocol/messages';
import { type ClusterMirror, applyDiffs, emptyMirror } from './clusterMirror';

export interface AppState {
  mirror: ClusterMirror;
  /** The last apply's per-document results (problems list and status line). */
  lastApply: ApplyItemResult[];
  /** A short message for the status bar (errors from commands). */
  notice: string | undefined;
  applyDiffs(diffs: readonly ClusterDiff[]): void;
  setLastApply(items: ApplyItemResult[]): void;
  setNotice(notice: string | undefined): void;
}

export const useAppStore = create<AppState>()((set) => ({
  mirror: emptyMirror,
  lastApply: [],
  notice: undefined,
  applyDiffs: (diffs) => set((s) => ({ mirror: applyDiffs(s.mirror, diffs) })),
  setLastApply: (items) => set({ lastApply: items }),
  setNotice: (notice) => set({ notice }),
}));
