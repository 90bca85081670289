/**
 * The cluster mirror slice: what the worker's diffs say the cluster is, and the topology graph kept from the
 * same diffs. Both are updated in proportion to each batch (never rebuilt from the whole mirror), so the main
 * thread's cost per cluster change follows the change, not the cluster's size.
 */
import type { StateCreator } from 'zustand';
import { TopologyGraph, type TopologyView, hiddenNamespaces } from '../graph/topologyGraph';
import type { ClusterDiff } from '../protocol/messages';
import type { WireObject } from '../protocol/objects';
import { type ClusterMirror, applyDiffs, emptyMirror } from './clusterMirror';

export interface ClusterSlice {
  mirror: ClusterMirror;
  /** The canvas's nodes and edges; unchanged elements keep their objects from one batch to the next. */
  topology: TopologyView;
  applyDiffs(diffs: readonly ClusterDiff[]): void;
  /**
   * Draws `objects` as the cluster until `release` is called — a share link's first graph while the engine that
   * replays its commands loads. The engine's diffs meanwhile are kept and applied together on release (they begin
   * with the replay's reset), so the canvas goes from the stand-in to the same cluster without drawing the ones
   * in between. Returns undefined, drawing nothing, when the objects do not make a graph.
   */
  standIn(objects: readonly WireObject[], time: number): (() => void) | undefined;
  /** The mirrored objects outside the namespaces the canvas hides, and the cluster's time (a link's first graph). */
  drawnObjects(): { objects: WireObject[]; time: number };
}

/** A diff that replaces the mirror with `objects` (resource version 0: no engine wrote them). */
export function resetDiff(objects: readonly WireObject[], time: number): ClusterDiff {
  const changes: ClusterDiff['changes'] = {};
  for (const o of objects) {
    const kind = changes[o.kind] ?? { added: [], updated: [], removed: [] };
    kind.added.push(o);
    changes[o.kind] = kind;
  }
  return { type: 'diff', resourceVersion: 0, time, reset: true, changes, log: [] };
}

export const createClusterSlice: StateCreator<ClusterSlice, [], [], ClusterSlice> = (set, get) => {
  // one graph per store (not per module): two stores, as in tests, never share one
  const graph = new TopologyGraph();
  /** The engine's diffs kept while a stand-in is drawn. */
  let held: ClusterDiff[] | undefined;
  const apply = (diffs: readonly ClusterDiff[]) =>
    set((s) => {
      const start = performance.now();
      const next = { mirror: applyDiffs(s.mirror, diffs), topology: graph.apply(diffs) };
      // what this layer costs per batch, apart from React Flow's rendering (bench/ui reads `svcsim:model`)
      performance.measure('svcsim:model', { start, end: performance.now() });
      return next;
    });
  return {
    mirror: emptyMirror(),
    topology: graph.view,
    applyDiffs: (diffs) => {
      if (held) held.push(...diffs);
      else apply(diffs);
    },
    standIn: (objects, time) => {
      const diff = resetDiff(objects, time);
      // a link's objects passed its check; a graph they still do not make is not drawn (the engine's will be)
      try {
        new TopologyGraph().apply([diff]);
      } catch {
        return undefined;
      }
      apply([diff]);
      const kept: ClusterDiff[] = [];
      held = kept;
      return () => {
        if (held !== kept) return;
        held = undefined;
        if (kept.length) apply(kept);
      };
    },
    drawnObjects: () => {
      const { mirror } = get();
      const objects = [...mirror.objects.all()].filter((o) => !hiddenNamespaces.has(o.metadata.namespace ?? ''));
      return { objects, time: mirror.time };
    },
  };
};
