/**
 * JSON patch (RFC 6902) as the apiserver applies it: with `gopkg.in/evanphx/json-patch.v4` (v4.12), quirks
 * included. `replace` of a missing object key adds it, negative array indexes count from the end, a path
 * without a leading `/` addresses the root, and `null` members read as missing. Error texts are the library's;
 * the apiserver hides them behind a generic 422 (see patch.ts).
 */
import { deepEqualJson, isMap, type JsonMap } from '../strategicpatch/values';

type Container = { kind: 'map'; v: JsonMap } | { kind: 'array'; v: unknown[] };
type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const missing = 'missing value';
const invalidIndex = 'invalid index referenced';

/** Go's JSON type names, for `json: cannot unmarshal <type> into Go value of type ...`. */
export function jsonTypeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

/** `jsonpatch.DecodePatch`: the patch must be a list of objects (null is an empty patch). */
export function decodeJsonPatch(patch: unknown): Result<(JsonMap | null)[]> {
  if (patch === null || patch === undefined) return { ok: true, value: [] };
  if (!Array.isArray(patch)) return { ok: false, error: `json: cannot unmarshal ${jsonTypeName(patch)} into Go value of type jsonpatch.Patch` };
  for (const op of patch) {
    if (op !== null && !isMap(op)) {
      return { ok: false, error: `json: cannot unmarshal ${jsonTypeName(op)} into Go value of type jsonpatch.Operation` };
    }
  }
  return { ok: true, value: patch as (JsonMap | null)[] };
}

/** RFC 6901 `~1` → `/`, then `~0` → `~` (a single left-to-right pass, as strings.NewReplacer does). */
function decodeKey(k: string): string {
  return k.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
}

/** strconv.Atoi */
function atoi(key: string): number | string {
  if (!/^[+-]?[0-9]+$/.test(key)) return `strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`;
  return Number(key);
}

function containerOf(v: unknown): Container | undefined {
  if (Array.isArray(v)) return { kind: 'array', v };
  if (isMap(v)) return { kind: 'map', v };
  return undefined;
}

function get(c: Container, key: string): Result<unknown> {
  if (c.kind === 'map') return { ok: true, value: Object.hasOwn(c.v, key) ? (c.v[key] ?? undefined) : undefined };
  const n = atoi(key);
  if (typeof n === 'string') return { ok: false, error: n };
  let idx = n;
  if (idx < 0) {
    if (idx < -c.v.length) return { ok: false, error: `Unable to access invalid index: ${idx}: ${invalidIndex}` };
    idx += c.v.length;
  }
  if (idx >= c.v.length) return { ok: false, error: `Unable to access invalid index: ${idx}: ${invalidIndex}` };
  return { ok: true, value: c.v[idx] ?? undefined };
}

function add(c: Container, key: string, val: unknown): string | undefined {
  if (c.kind === 'map') {
    c.v[key] = val;
    return undefined;
  }
  if (key === '-') {
    c.v.push(val);
    return undefined;
  }
  const n = atoi(key);
  if (typeof n === 'string') return `value was not a proper array index: '${key}': ${n}`;
  const size = c.v.length + 1;
  let idx = n;
  if (idx >= size) return `Unable to access invalid index: ${idx}: ${invalidIndex}`;
  if (idx < 0) {
    if (idx < -size) return `Unable to access invalid index: ${idx}: ${invalidIndex}`;
    idx += size;
  }
  c.v.splice(idx, 0, val);
  return undefined;
}

function set(c: Container, key: string, val: unknown): string | undefined {
  if (c.kind === 'map') {
    c.v[key] = val;
    return undefined;
  }
  const r = get(c, key);
  if (!r.ok) return r.error;
  const n = Number(key);
  c.v[n < 0 ? n + c.v.length : n] = val;
  return undefined;
}

function remove(c: Container, key: string): string | undefined {
  if (c.kind === 'map') {
    if (!Object.hasOwn(c.v, key)) return `Unable to remove nonexistent key: ${key}: ${missing}`;
    delete c.v[key];
    return undefined;
  }
  const n = atoi(key);
  if (typeof n === 'string') return n;
  let idx = n;
  if (idx >= c.v.length) return `Unable to access invalid index: ${idx}: ${invalidIndex}`;
  if (idx < 0) {
    if (idx < -c.v.length) return `Unable to access invalid index: ${idx}: ${invalidIndex}`;
    idx += c.v.length;
  }
  c.v.splice(idx, 1);
  return undefined;
}

/** `findObject`: the container holding the last path segment, and that segment decoded. */
function findObject(doc: JsonMap, path: string): [Container, string] | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let cur: Container = { kind: 'map', v: doc };
  for (const part of split.slice(1, -1)) {
    const next = get(cur, decodeKey(part));
    if (!next.ok || next.value === undefined || next.value === null) return undefined;
    const c = containerOf(next.value);
    if (!c) return undefined;
    cur = c;
  }
  return [cur, decodeKey(split[split.length - 1])];
}

function strField(op: JsonMap, name: string): string | undefined {
  const v = op[name];
  return typeof v === 'string' ? v : undefined;
}

/** Applies one operation to `doc` in place; returns the library's error text on failure. */
function applyOp(doc: JsonMap, op: JsonMap | null): string | undefined {
  const o = op ?? {};
  const kind = strField(o, 'op') ?? 'unknown';
  const path = strField(o, 'path');
  const value = o.value === undefined ? null : structuredCopy(o.value);
  switch (kind) {
    case 'add':
    case 'remove': {
      if (path === undefined) return `${kind} operation failed to decode path: ${missing}`;
      const found = findObject(doc, path);
      if (!found) return `${kind} operation does not apply: doc is missing path: "${path}": ${missing}`;
      const err = kind === 'add' ? add(found[0], found[1], value) : remove(found[0], found[1]);
      return err ? `error in ${kind} for path: '${path}': ${err}` : undefined;
    }
    case 'replace': {
      if (path === undefined) return `replace operation failed to decode path: operation missing path field: ${missing}`;
      if (path === '') {
        // v4 wraps a nil error here, so a scalar value is silently ignored; an array cannot become an object
        if (Array.isArray(value)) return 'replace operation value must be object or array';
        if (!isMap(value)) return undefined;
        for (const k of Object.keys(doc)) delete doc[k];
        Object.assign(doc, value);
        return undefined;
      }
      const found = findObject(doc, path);
      if (!found) return `replace operation does not apply: doc is missing path: ${path}: ${missing}`;
      if (!get(found[0], found[1]).ok) return `replace operation does not apply: doc is missing key: ${path}: ${missing}`;
      const err = set(found[0], found[1], value);
      return err ? `error in remove for path: '${path}': ${err}` : undefined;
    }
    case 'move':
    case 'copy': {
      const from = strField(o, 'from');
      if (from === undefined) return `${kind} operation failed to decode from: operation, missing from field: ${missing}`;
      const src = findObject(doc, from);
      if (!src) return `${kind} operation does not apply: doc is missing from path: ${from}: ${missing}`;
      const got = get(src[0], src[1]);
      if (!got.ok) return kind === 'move' ? `error in move for path: '${src[1]}': ${got.error}` : `error in copy for from: '${from}': ${got.error}`;
      let val = got.value ?? null;
      if (kind === 'move') {
        const err = remove(src[0], src[1]);
        if (err) return `error in move for path: '${src[1]}': ${err}`;
      } else {
        val = structuredCopy(val);
      }
      if (path === undefined) return kind === 'move' ? `move operation failed to decode path: operation missing path field: ${missing}` : `copy operation failed to decode path: ${missing}`;
      const dst = findObject(doc, path);
      if (!dst) return `${kind} operation does not apply: doc is missing destination path: ${path}: ${missing}`;
      const err = add(dst[0], dst[1], val);
      if (err) return kind === 'move' ? `error in move for path: '${path}': ${err}` : `error while adding value during copy: ${err}`;
      return undefined;
    }
    case 'test': {
      if (path === undefined) return `test operation failed to decode path: operation missing path field: ${missing}`;
      if (path === '') return deepEqualJson(doc, o.value) ? undefined : `testing value ${path} failed: test failed`;
      const found = findObject(doc, path);
      if (!found) return `test operation does not apply: is missing path: ${path}: ${missing}`;
      const got = get(found[0], found[1]);
      if (!got.ok) return `error in test for path: '${path}': ${got.error}`;
      if (got.value === undefined || got.value === null) return o.value === null || o.value === undefined ? undefined : `testing value ${path} failed: test failed`;
      return deepEqualJson(got.value, o.value) ? undefined : `testing value ${path} failed: test failed`;
    }
    default:
      return `Unexpected kind: ${kind}`;
  }
}

function structuredCopy<T>(v: T): T {
  return v === null || typeof v !== 'object' ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** `Patch.Apply`: applies every operation in order to a copy of `doc`. */
export function applyJsonPatch(doc: JsonMap, ops: readonly (JsonMap | null)[]): Result<JsonMap> {
  const out = structuredCopy(doc);
  for (const op of ops) {
    const err = applyOp(out, op);
    if (err) return { ok: false, error: err };
  }
  return { ok: true, value: out };
}
