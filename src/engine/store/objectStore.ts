/**
 * The object store: what etcd plus the apiserver's watch cache are to Kubernetes. It holds the current
 * version of every object per kind, assigns cluster-wide strictly increasing resourceVersions, keeps secondary
 * indexes up to date, and fans every change out to watchers synchronously. It never validates: admission
 * lives in the apiserver above it.
 */
import { objectKey } from '../api/resources';
import type { Kind, KindMap, KubeObject } from '../api/types';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent<K extends Kind = Kind> {
  type: WatchEventType;
  kind: K;
  /** The object after the change (for DELETED: its last state). */
  object: KindMap[K];
  /** The object before the change (MODIFIED and DELETED only). */
  oldObject?: KindMap[K];
  resourceVersion: number;
}

export type WatchHandler = (event: WatchEvent) => void;

/** An index function maps an object to the index values it should be found under. */
export type IndexFn = (obj: KubeObject) => readonly string[];

interface Index {
  fn: IndexFn;
  /** The fields `fn` reads, as key paths; unset when undeclared (then every write recomputes). */
  reads: readonly (readonly string[])[] | undefined;
  values: Map<string, Set<string>>;
  /** The keys under a value in key order, kept until that value's set changes. */
  sorted: Map<string, readonly string[]>;
}

interface Table {
  objects: Map<string, KubeObject>;
  sortedKeys: string[] | undefined;
  indexes: Map<string, Index>;
  /** Bumped by every insert, replace and remove of this kind. */
  changes: number;
}

/** How many past events the watch cache keeps for `watch` from an older resourceVersion. */
const historyCapacity = 20_000;

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.metadata?.namespace, obj.metadata?.name ?? '');
}

export class ObjectStore {
  private rv = 0;
  private tables = new Map<Kind, Table>();
  private handlers = new Map<Kind | '*', WatchHandler[]>();
  private history: WatchEvent[] = [];
  private historyStart = 0;

  /** The latest resourceVersion handed out. */
  get resourceVersion(): number {
    return this.rv;
  }

  /** Reserves the next resourceVersion (every write gets a new, larger one). */
  nextResourceVersion(): number {
    this.rv += 1;
    return this.rv;
  }

  get<K extends Kind>(kind: K, key: string): KindMap[K] | undefined {
    return this.table(kind).objects.get(key) as KindMap[K] | undefined;
  }

  /** All objects of a kind (optionally in one namespace), in storage-key order like an etcd range read. */
  list<K extends Kind>(kind: K, namespace?: string): KindMap[K][] {
    const t = this.table(kind);
    if (!t.sortedKeys) t.sortedKeys = [...t.objects.keys()].sort(byteCompare);
    const out: KindMap[K][] = [];
    if (namespace) {
      const prefix = `${namespace}/`;
      for (const k of t.sortedKeys) if (k.startsWith(prefix)) out.push(t.objects.get(k) as KindMap[K]);
    } else {
      for (const k of t.sortedKeys) out.push(t.objects.get(k) as KindMap[K]);
    }
    return out;
  }

  count(kind: Kind): number {
    return this.table(kind).objects.size;
  }

  /**
   * A number that changes whenever an object of `kind` is added, replaced or removed (and only then), so a
   * reader can tell that nothing of that kind moved since it last looked.
   */
  changesOf(kind: Kind): number {
    return this.table(kind).changes;
  }

  /**
   * Declares a secondary index; existing objects are indexed at once. `reads` lists every field `fn` looks
   * at (dotted paths such as `metadata.labels`): a write that leaves all of them the same (same value, or
   * the same shared object) cannot move the object in the index, so `fn` is not run again.
   */
  addIndex(kind: Kind, name: string, fn: IndexFn, reads?: readonly string[]): void {
    const t = this.table(kind);
    const idx: Index = { fn, reads: reads?.map((r) => r.split('.')), values: new Map(), sorted: new Map() };
    t.indexes.set(name, idx);
    for (const [key, obj] of t.objects) for (const v of fn(obj)) addTo(idx, v, key);
  }

  /** Keys of the objects found under `value` in index `name` (live set: copy before mutating the store). */
  byIndex(kind: Kind, name: string, value: string): ReadonlySet<string> {
    const idx = this.table(kind).indexes.get(name);
    if (!idx) throw new Error(`no index ${name} on ${kind}`);
    return idx.values.get(value) ?? emptySet;
  }

  /** Keys of the objects found under `value` in index `name`, in key order (do not mutate). */
  sortedKeysByIndex(kind: Kind, name: string, value: string): readonly string[] {
    const idx = this.table(kind).indexes.get(name);
    if (!idx) throw new Error(`no index ${name} on ${kind}`);
    let keys = idx.sorted.get(value);
    if (!keys) {
      const set = idx.values.get(value);
      // nothing is kept for values without objects: lookups of gone owners must not pile up
      if (!set) return noKeys;
      keys = [...set].sort(byteCompare);
      idx.sorted.set(value, keys);
    }
    return keys;
  }

  /** Objects found under `value` in index `name`, in key order. */
  listByIndex<K extends Kind>(kind: K, name: string, value: string): KindMap[K][] {
    const t = this.table(kind);
    const keys = this.sortedKeysByIndex(kind, name, value);
    const out: KindMap[K][] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = t.objects.get(keys[i]) as KindMap[K];
    return out;
  }

  /** Stores a new object whose metadata.resourceVersion is already set to `rv`. */
  insert<K extends Kind>(kind: K, obj: KindMap[K], rv: number): void {
    const t = this.table(kind);
    const key = keyOf(obj);
    t.objects.set(key, obj);
    t.sortedKeys = undefined;
    t.changes++;
    for (const idx of t.indexes.values()) for (const v of idx.fn(obj)) addTo(idx, v, key);
    this.emit({ type: 'ADDED', kind, object: obj, resourceVersion: rv });
  }

  /** Replaces the stored object with a new version (same key). */
  replace<K extends Kind>(kind: K, obj: KindMap[K], rv: number): void {
    const t = this.table(kind);
    const key = keyOf(obj);
    const old = t.objects.get(key) as KindMap[K] | undefined;
    t.objects.set(key, obj);
    t.changes++;
    if (!old) t.sortedKeys = undefined;
    for (const idx of t.indexes.values()) {
      if (old && idx.reads && sameInputs(idx.reads, old, obj)) continue;
      const before = old ? idx.fn(old) : [];
      const after = idx.fn(obj);
      if (sameValues(before, after)) continue;
      for (const v of before) removeFrom(idx, v, key);
      for (const v of after) addTo(idx, v, key);
    }
    this.emit({ type: old ? 'MODIFIED' : 'ADDED', kind, object: obj, oldObject: old, resourceVersion: rv });
  }

  /** Removes an object; `last` is its final state (with the deletion's resourceVersion). */
  remove<K extends Kind>(kind: K, key: string, last: KindMap[K], rv: number): void {
    const t = this.table(kind);
    const old = t.objects.get(key) as KindMap[K] | undefined;
    if (!old) return;
    t.objects.delete(key);
    t.sortedKeys = undefined;
    t.changes++;
    for (const idx of t.indexes.values()) for (const v of idx.fn(old)) removeFrom(idx, v, key);
    this.emit({ type: 'DELETED', kind, object: last, oldObject: old, resourceVersion: rv });
  }

  /**
   * Subscribes to changes of one kind (or every kind with '*'); returns the unsubscribe function. Handler
   * lists are replaced, never changed in place, so an emit can walk the list it started with.
   */
  subscribe(kind: Kind | '*', handler: WatchHandler): () => void {
    this.handlers.set(kind, [...(this.handlers.get(kind) ?? []), handler]);
    return () => {
      const l = this.handlers.get(kind);
      if (!l) return;
      const i = l.indexOf(handler);
      if (i >= 0) this.handlers.set(kind, [...l.slice(0, i), ...l.slice(i + 1)]);
    };
  }

  /**
   * Events after `rv` still held by the watch cache, or undefined when `rv` is older than the oldest event
   * kept (the apiserver answers that with 410 Gone).
   */
  eventsSince(rv: number): WatchEvent[] | undefined {
    if (rv >= this.rv) return [];
    const oldest = this.history[0]?.resourceVersion ?? this.rv + 1;
    if (rv < this.historyStart || rv + 1 < oldest) return undefined;
    return this.history.filter((e) => e.resourceVersion > rv);
  }

  /** The oldest resourceVersion a watch may still start from. */
  oldestWatchableVersion(): number {
    return this.historyStart;
  }

  private emit(event: WatchEvent): void {
    this.history.push(event);
    // Trim in chunks: splicing one event off the front per write would make every write O(history).
    if (this.history.length > historyCapacity * 1.5) {
      const drop = this.history.length - historyCapacity;
      this.historyStart = this.history[drop - 1].resourceVersion;
      this.history = this.history.slice(drop);
    }
    const specific = this.handlers.get(event.kind);
    if (specific) for (const h of specific) h(event);
    const all = this.handlers.get('*');
    if (all) for (const h of all) h(event);
  }

  private table(kind: Kind): Table {
    let t = this.tables.get(kind);
    if (!t) {
      t = { objects: new Map(), sortedKeys: undefined, indexes: new Map(), changes: 0 };
      this.tables.set(kind, t);
    }
    return t;
  }
}

const emptySet: ReadonlySet<string> = new Set();
const noKeys: readonly string[] = Object.freeze([]);

function addTo(idx: Index, v: string, key: string): void {
  let s = idx.values.get(v);
  if (!s) {
    s = new Set();
    idx.values.set(v, s);
  }
  if (s.has(key)) return;
  s.add(key);
  idx.sorted.delete(v);
}

function removeFrom(idx: Index, v: string, key: string): void {
  const s = idx.values.get(v);
  if (!s?.delete(key)) return;
  idx.sorted.delete(v);
  if (s.size === 0) idx.values.delete(v);
}

/** Whether every path of `reads` leads to the identical value in both objects. */
function sameInputs(reads: readonly (readonly string[])[], a: KubeObject, b: KubeObject): boolean {
  for (const path of reads) {
    let x: unknown = a;
    let y: unknown = b;
    for (const key of path) {
      x = (x as Record<string, unknown> | undefined)?.[key];
      y = (y as Record<string, unknown> | undefined)?.[key];
    }
    if (x !== y) return false;
  }
  return true;
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Byte-wise string order (Go's string comparison), not locale order. */
export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
