/**
 * The main thread's copy of the cluster, kept from diffs. Applying a diff costs what changed: objects live in
 * one map per kind that is updated in place (copying a 5,000-pod map per diff is what would block the page),
 * and a new `ClusterMirror` shell per applied batch tells zustand subscribers that something moved. Unchanged
 * objects keep their identity, so memoized views of them do not re-render; `versions` says which kinds moved,
 * so a view of one kind ignores diffs of the others.
 */
import type { ClusterDiff, WireLogEntry } from '../protocol/messages';
import { type WireKind, type WireObject, keyOfWire } from '../protocol/objects';

/** The mirrored objects, by key (`Kind/namespace/name`), in one map per kind. Read-only outside this module. */
export class MirrorObjects {
  private readonly byKind = new Map<string, Map<string, WireObject>>();

  get(key: string): WireObject | undefined {
    const slash = key.indexOf('/');
    return this.byKind.get(key.slice(0, slash))?.get(key);
  }

  /** The objects of one kind, by key, in no particular order. */
  ofKind(kind: string): ReadonlyMap<string, WireObject> {
    return this.byKind.get(kind) ?? empty;
  }

  /** Every object, kind by kind. */
  *all(): IterableIterator<WireObject> {
    for (const m of this.byKind.values()) yield* m.values();
  }

  get size(): number {
    let n = 0;
    for (const m of this.byKind.values()) n += m.size;
    return n;
  }

  /** @internal */
  set(o: WireObject): void {
    let m = this.byKind.get(o.kind);
    if (!m) {
      m = new Map();
      this.byKind.set(o.kind, m);
    }
    m.set(keyOfWire(o), o);
  }

  /** @internal */
  delete(o: WireObject): void {
    this.byKind.get(o.kind)?.delete(keyOfWire(o));
  }

  /** @internal */
  clear(): void {
    this.byKind.clear();
  }
}

const empty: ReadonlyMap<string, WireObject> = new Map();

export interface ClusterMirror {
  objects: MirrorObjects;
  /** Per kind, a number that changes whenever an object of that kind did (absent: never changed). */
  versions: Readonly<Partial<Record<WireKind, number>>>;
  resourceVersion: number;
  /** Virtual time, ms since the epoch. */
  time: number;
  /** The most recent cluster log entries (bounded). */
  log: readonly WireLogEntry[];
}

const logCapacity = 1000;

/** A fresh, empty mirror (each store gets its own: the objects map is updated in place). */
export function emptyMirror(): ClusterMirror {
  return { objects: new MirrorObjects(), versions: {}, resourceVersion: 0, time: 0, log: [] };
}

/**
 * Applies a batch of diffs in order, updating `mirror.objects` in place; returns a new shell when anything
 * changed (the same mirror when the batch is empty).
 */
export function applyDiffs(mirror: ClusterMirror, diffs: readonly ClusterDiff[]): ClusterMirror {
  if (diffs.length === 0) return mirror;
  const objects = mirror.objects;
  let versions = mirror.versions;
  let log = mirror.log;
  let time = mirror.time;
  let rv = mirror.resourceVersion;
  let pendingLog: WireLogEntry[] = [];
  for (const d of diffs) {
    if (d.reset) {
      objects.clear();
      // every kind may have changed: bump them all
      versions = Object.fromEntries(Object.entries(versions).map(([k, v]) => [k, (v ?? 0) + 1]));
      log = [];
      pendingLog = [];
    }
    for (const [kind, c] of Object.entries(d.changes)) {
      if (!c || (c.added.length === 0 && c.updated.length === 0 && c.removed.length === 0)) continue;
      for (const o of c.removed) objects.delete(o);
      for (const o of c.added) objects.set(o);
      for (const [, to] of c.updated) objects.set(to);
      if (versions === mirror.versions) versions = { ...versions };
      (versions as Record<string, number>)[kind] = ((versions as Record<string, number>)[kind] ?? 0) + 1;
    }
    if (d.log.length) pendingLog.push(...d.log);
    time = d.time;
    rv = Math.max(d.reset ? 0 : rv, d.resourceVersion);
  }
  if (pendingLog.length) log = [...log, ...pendingLog].slice(-logCapacity);
  return { objects, versions, resourceVersion: rv, time, log };
}

/** All mirrored objects of one kind, in key order. */
export function objectsOfKind(mirror: ClusterMirror, kind: string): WireObject[] {
  const m = mirror.objects.ofKind(kind);
  return [...m.keys()].sort().map((k) => m.get(k) as WireObject);
}
