/**
 * The Go values a kubectl go-template sees, as `reflect.Value`s: cli-runtime's GoTemplatePrinter
 * (pkg/printers/template.go) marshals the object to JSON and unmarshals it into `map[string]interface{}`, so data
 * is maps, `[]interface{}`, strings, float64 (every JSON number), bools and nil interfaces. Template constants
 * add `int` (and complex128), `index` of a string gives a `uint8`. An `iface` is an interface{}-typed value, as
 * MapIndex on `map[string]interface{}` and Index on `[]interface{}` return them (golang/go src/reflect/value.go);
 * text/template unwraps them where exec.go's `indirect`/`indirectInterface` do.
 */

export type GoValue =
  /** The zero reflect.Value (`IsValid() == false`): a missing map key, an untyped nil. */
  | { t: 'invalid' }
  /** A value of type interface{}; `v` invalid is the nil interface. */
  | { t: 'iface'; v: GoValue }
  | { t: 'string'; v: string }
  | { t: 'float64'; v: number }
  | { t: 'int'; v: bigint }
  | { t: 'uint8'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'complex128'; re: number; im: number }
  /** map[string]interface{} over a JSON object (entries converted on access). */
  | { t: 'map'; v: Record<string, unknown> }
  /**
   * []interface{} over a JSON array. A slice of a slice keeps what lies past its length up to its capacity in
   * `backing` (from its first element); a decoded array's capacity is as json.Unmarshal grew it.
   */
  | { t: 'slice'; v: unknown[]; backing?: unknown[] }
  /** text/template's missingVal: "no final argument" in a pipeline. */
  | { t: 'missing' };

export const invalid: GoValue = { t: 'invalid' };
export const missing: GoValue = { t: 'missing' };
export const nilIface: GoValue = { t: 'iface', v: invalid };

export const str = (v: string): GoValue => ({ t: 'string', v });
export const int = (v: number | bigint): GoValue => ({ t: 'int', v: BigInt(v) });
export const bool = (v: boolean): GoValue => ({ t: 'bool', v });

/** The Go value json.Unmarshal gives a JSON value inside an interface{} (numbers are float64). */
export function fromJson(raw: unknown): GoValue {
  if (raw === null || raw === undefined) return invalid;
  if (typeof raw === 'string') return { t: 'string', v: raw };
  if (typeof raw === 'number') return { t: 'float64', v: raw };
  if (typeof raw === 'boolean') return { t: 'bool', v: raw };
  if (Array.isArray(raw)) return { t: 'slice', v: raw };
  if (typeof raw === 'object') return { t: 'map', v: raw as Record<string, unknown> };
  return invalid;
}

/** reflect's Kind names, for the values above. */
export type Kind = 'invalid' | 'interface' | 'string' | 'float64' | 'int' | 'uint8' | 'bool' | 'complex128' | 'map' | 'slice' | 'struct';

export function kindOf(v: GoValue): Kind {
  switch (v.t) {
    case 'iface':
      return 'interface';
    case 'missing':
      return 'struct';
    default:
      return v.t;
  }
}

/** reflect.Type.String(). */
export function typeName(v: GoValue): string {
  switch (v.t) {
    case 'iface':
      return 'interface {}';
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    case 'missing':
      return 'template.missingValType';
    case 'invalid':
      return '<nil>';
    default:
      return v.t;
  }
}

/** A map's entry (MapIndex): an interface{} value, or invalid when the key is absent. */
export function mapIndex(m: Record<string, unknown>, key: string): GoValue {
  if (!Object.hasOwn(m, key) || m[key] === undefined) return invalid;
  return { t: 'iface', v: fromJson(m[key]) };
}

/** A map's keys as fmtsort orders string keys (byte-wise). */
export function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort((a, b) => compareBytes(a, b));
}

/** Go's string comparison: byte-wise over UTF-8 (code point order, which UTF-16 order is not above U+FFFF). */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/** A slice's length (Len). */
export function sliceLen(v: GoValue & { t: 'slice' }): number {
  return v.v.length;
}

/** exec.go `indirect`: through interfaces; isNil when a nil interface stops it. */
export function indirect(v: GoValue): { v: GoValue; isNil: boolean } {
  let cur = v;
  while (cur.t === 'iface') {
    if (cur.v.t === 'invalid') return { v: cur, isNil: true };
    cur = cur.v;
  }
  return { v: cur, isNil: false };
}

/** exec.go `indirectInterface`: the value inside an interface (invalid for nil), anything else as is. */
export function indirectInterface(v: GoValue): GoValue {
  return v.t === 'iface' ? v.v : v;
}

/** The dynamic value an `any` parameter receives: interfaces unwrapped, invalid for nil. */
export function toAny(v: GoValue): GoValue {
  let cur = v;
  while (cur.t === 'iface') cur = cur.v;
  return cur;
}

/** exec.go `isTrue`: truth as if/with/and/or/not see it; ok false for kinds with no truth value. */
export function isTrue(v: GoValue): { truth: boolean; ok: boolean } {
  switch (v.t) {
    case 'invalid':
      return { truth: false, ok: true };
    case 'map':
      return { truth: Object.keys(v.v).some((k) => v.v[k] !== undefined), ok: true };
    case 'slice':
      return { truth: v.v.length > 0, ok: true };
    case 'string':
      return { truth: v.v.length > 0, ok: true };
    case 'bool':
      return { truth: v.v, ok: true };
    case 'complex128':
      return { truth: v.re !== 0 || v.im !== 0, ok: true };
    case 'iface':
      return { truth: v.v.t !== 'invalid', ok: true };
    case 'int':
      return { truth: v.v !== 0n, ok: true };
    case 'uint8':
    case 'float64':
      return { truth: v.v !== 0, ok: true };
    case 'missing':
      return { truth: true, ok: true };
  }
}

/** The UTF-8 bytes of a Go string. */
export function utf8Bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** A Go string from bytes (invalid UTF-8 shows as U+FFFD, as a terminal renders it). */
export function fromUtf8(b: Uint8Array): string {
  return new TextDecoder().decode(b);
}

/** A Go string's length in bytes. */
export function byteLength(s: string): number {
  return utf8Bytes(s).length;
}
