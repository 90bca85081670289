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

interface Table {
  objects: Map<string, KubeObject>;
  sortedKeys: string[] | undefined;
  indexes: Map<string, { fn: IndexFn; values: Map<string, Set<string>> }>;
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

  /** Declares a secondary index; existing objects are indexed at once. */
  addIndex(kind: Kind, name: string, fn: IndexFn): void {
    const t = this.table(kind);
    const values = new Map<string, Set<string>>();
    t.indexes.set(name, { fn, values });
    for (const [key, obj] of t.objects) for (const v of fn(obj)) addTo(values, v, key);
  }

  /** Keys of the objects found under `value` in index `name` (live set: copy before mutating the store). */
  byIndex(kind: Kind, name: string, value: string): ReadonlySet<string> {
    const idx = this.table(kind).indexes.get(name);
    if (!idx) throw new Error(`no index ${name} on ${kind}`);
    return idx.values.get(value) ?? emptySet;
  }

  /** Objects found under `value` in index `name`, in key order. */
  listByIndex<K extends Kind>(kind: K, name: string, value: string): KindMap[K][] {
    const t = this.table(kind);
    const keys = [...this.byIndex(kind, name, value)].sort(byteCompare);
    return keys.map((k) => t.objects.get(k) as KindMap[K]);
  }

  /** Stores a new object whose metadata.resourceVersion is already set to `rv`. */
  insert<K extends Kind>(kind: K, obj: KindMap[K], rv: number): void {
    const t = this.table(kind);
    const key = keyOf(obj);
    t.objects.set(key, obj);
    t.sortedKeys = undefined;
    for (const idx of t.indexes.values()) for (const v of idx.fn(obj)) addTo(idx.values, v, key);
    this.emit({ type: 'ADDED', kind, object: obj, resourceVersion: rv });
  }

  /** Replaces the stored object with a new version (same key). */
  replace<K extends Kind>(kind: K, obj: KindMap[K], rv: number): void {
    const t = this.table(kind);
    const key = keyOf(obj);
    const old = t.objects.get(key) as KindMap[K] | undefined;
    t.objects.set(key, obj);
    if (!old) t.sortedKeys = undefined;
    for (const idx of t.indexes.values()) {
      const before = old ? idx.fn(old) : [];
      const after = idx.fn(obj);
      if (sameValues(before, after)) continue;
      for (const v of before) removeFrom(idx.values, v, key);
      for (const v of after) addTo(idx.values, v, key);
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
    for (const idx of t.indexes.values()) for (const v of idx.fn(old)) removeFrom(idx.values, v, key);
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
      t = { objects: new Map(), sortedKeys: undefined, indexes: new Map() };
      this.tables.set(kind, t);
    }
    return t;
  }
}

const emptySet: ReadonlySet<string> = new Set();

function addTo(m: Map<string, Set<string>>, v: string, key: string): void {
  let s = m.get(v);
  if (!s) {
    s = new Set();
    m.set(v, s);
  }
  s.add(key);
}

function removeFrom(m: Map<string, Set<string>>, v: string, key: string): void {
  const s = m.get(v);
  if (!s) return;
  s.delete(key);
  if (s.size === 0) m.delete(v);
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
