/**
 * JSON values as Go's strategic merge patch code sees them after `util/json.Unmarshal`: maps, slices, strings,
 * int64 (integral numbers), float64, bool and nil. These helpers give the Go type identity (`reflect.TypeOf`),
 * `%v` formatting (used for sorting by merge key and in error texts) and interface equality.
 */

export type JsonMap = Record<string, unknown>;

/** An error the patch code returns; `kind` says how the apiserver turns it into a Status. */
export class PatchError extends Error {
  constructor(
    message: string,
    /** `badRequest` (400), `invalid` (422 generic), `internal` (a plain Go error: 500 with reason Unknown). */
    readonly kind: 'badRequest' | 'invalid' | 'internal' = 'internal',
  ) {
    super(message);
  }
}

export const isMap = (v: unknown): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

export type GoKind = 'map' | 'slice' | 'string' | 'int64' | 'float64' | 'bool' | 'nil';

/** The dynamic Go type of a decoded JSON value (util/json turns integral numbers into int64). */
export function goKind(v: unknown): GoKind {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(v) ? 'int64' : 'float64';
    case 'boolean':
      return 'bool';
    default:
      return 'map';
  }
}

const typeNames: Record<GoKind, string> = {
  map: 'map[string]interface {}',
  slice: '[]interface {}',
  string: 'string',
  int64: 'int64',
  float64: 'float64',
  bool: 'bool',
  nil: '<nil>',
};

/** `reflect.TypeOf(v).String()`, as printed by `mergepatch.ErrBadArgType`. */
export function goTypeName(v: unknown): string {
  return typeNames[goKind(v)];
}

/** Go `==` on two interface values holding scalars: same dynamic type and value. */
export function goScalarEqual(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return goKind(a) === goKind(b) && a === b;
}

/** `reflect.DeepEqual` on decoded JSON. */
export function deepEqualJson(a: unknown, b: unknown): boolean {
  if (goKind(a) !== goKind(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqualJson(x, bb[i]));
  }
  if (isMap(a)) {
    const bm = b as JsonMap;
    const ka = Object.keys(a);
    return ka.length === Object.keys(bm).length && ka.every((k) => Object.hasOwn(bm, k) && deepEqualJson(a[k], bm[k]));
  }
  return goScalarEqual(a, b);
}

/** Byte-wise string order, as Go compares strings. */
export function goLess(a: string, b: string): boolean {
  return a < b;
}

/** Deep copy that drops `undefined` members (they do not exist in JSON). */
export function cloneValue<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(cloneValue) as T;
  const out: JsonMap = {};
  for (const [k, x] of Object.entries(v as JsonMap)) if (x !== undefined) out[k] = cloneValue(x);
  return out as T;
}
