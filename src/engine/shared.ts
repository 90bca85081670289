/** Small pure helpers the engine uses everywhere: JSON-shaped deep copy, deep equality, deep freeze, flat strings. */

/** Deep copy of a JSON-shaped value (objects, arrays, primitives); faster than structuredClone for our objects. */
export function cloneJson<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = cloneJson(v[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in v as Record<string, unknown>) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = cloneJson(x);
  }
  return out as T;
}

/**
 * `v` without members whose value is undefined, at any level, so that it serialises, compares and
 * enumerates exactly like its {@link cloneJson} copy. Nothing is changed in place: `v` itself comes back when
 * it has no such member, otherwise a copy of the objects on the way to them (the rest stays shared).
 */
export function withoutUndefined<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    let arr: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const y = withoutUndefined(v[i]);
      if (y === v[i]) continue;
      arr ??= v.slice();
      arr[i] = y;
    }
    return (arr ?? v) as T;
  }
  const o = v as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const k in o) {
    const x = o[k];
    const y = x === undefined ? undefined : withoutUndefined(x);
    if (out) {
      if (y !== undefined) out[k] = y;
      continue;
    }
    if (y === x && x !== undefined) continue;
    // the first member to drop or replace: copy the (unchanged) members before it
    out = {};
    for (const before in o) {
      if (before === k) break;
      out[before] = o[before];
    }
    if (y !== undefined) out[k] = y;
  }
  return (out ?? o) as T;
}

/** Structural equality of JSON-shaped values; key order does not matter, undefined members are ignored. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let na = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    na++;
    if (!deepEqual(ao[k], bo[k])) return false;
  }
  let nb = 0;
  for (const k in bo) if (bo[k] !== undefined) nb++;
  return na === nb;
}

/** Freezes a value and everything reachable from it (used in tests to catch mutation of stored objects). */
export function deepFreeze<T>(v: T): T {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return v;
  Object.freeze(v);
  for (const k of Object.keys(v as object)) deepFreeze((v as Record<string, unknown>)[k]);
  return v;
}

/**
 * The parts joined into one flat string. V8 keeps a string built with `+` or a template as a tree of its parts
 * (one heap object per join) for as long as it lives; `Array.prototype.join` writes one sequential string. For
 * the strings the cluster keeps by the thousands (IDs, timestamps, cache keys), the trees were an eighth of a
 * settled cluster's heap and a large share of the objects each garbage collection walks.
 */
export function flatConcat(...parts: string[]): string {
  return parts.join('');
}

