/**
 * The main thread's copy of the cluster, rebuilt from diffs. Unchanged objects keep their identity, so
 * memoized React Flow nodes for them do not re-render when something else changes.
 */
import type { ClusterDiff, WireLogEntry } from '../protocol/messages';
import { type WireObject, keyOfWire } from '../protocol/objects';

export interface ClusterMirror {
  objects: Readonly<Record<string, WireObject>>;
  resourceVersion: number;
  /** Virtual time, ms since the epoch. */
  time: number;
  /** The most recent cluster log entries (bounded). */
  log: readonly WireLogEntry[];
}

const logCapacity = 1000;

export const emptyMirror: ClusterMirror = { objects: {}, resourceVersion: 0, time: 0, log: [] };

/** Applies a batch of diffs in order; returns the same mirror when nothing changed. */
export function applyDiffs(mirror: ClusterMirror, diffs: readonly ClusterDiff[]): ClusterMirror {
  if (diffs.length === 0) return mirror;
  let objects: Record<string, WireObject> | undefined;
  let log = mirror.log;
  let time = mirror.time;
  let rv = mirror.resourceVersion;
  for (const d of diffs) {
    if (d.reset) {
      objects = {};
      log = [];
    }
    if (d.upserted.length || d.removed.length) {
      objects ??= { ...mirror.objects };
      for (const o of d.upserted) objects[keyOfWire(o)] = o;
      for (const k of d.removed) delete objects[k];
    }
    if (d.log.length) log = [...log, ...d.log].slice(-logCapacity);
    time = d.time;
    rv = Math.max(d.reset ? 0 : rv, d.resourceVersion);
  }
  return { objects: objects ?? mirror.objects, resourceVersion: rv, time, log };
}

/** All mirrored objects of one kind, in key order. */
export function objectsOfKind(mirror: ClusterMirror, kind: string): WireObject[] {
  const prefix = `${kind}/`;
  return Object.keys(mirror.objects)
    .filter((k) => k.startsWith(prefix))
    .sort()
    .map((k) => mirror.objects[k]);
}
