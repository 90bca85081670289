/**
 * Go's `encoding/json` output for JSON-shaped values (unstructured maps): object keys sorted byte-wise,
 * HTML-safe escaping of `<`, `>`, `&`, U+2028 and U+2029, `json.Marshal` (compact) and
 * `json.MarshalIndent(obj, "", "    ")` as cli-runtime's JSONPrinter uses (pkg/printers/json.go). The engine
 * (last-applied-configuration, v1.34 field-error values) and kubectl's printers share it.
 */

const hex4 = (c: number) => c.toString(16).padStart(4, '0');

/** A Go-encoded JSON string literal (Go 1.22+ short escapes for \b and \f). */
export function goJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += `\\u${hex4(c)}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Go's float64 encoding: shortest repr, exponent form below 1e-6 and from 1e21 (same as JavaScript). */
export function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  return String(n);
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function keysOf(o: Record<string, unknown>): string[] {
  return Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort(byteOrder);
}

/** `json.Marshal` of a JSON-shaped value. */
export function goJsonMarshal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number') return goJsonNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map((x) => goJsonMarshal(x)).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${keysOf(o)
      .map((k) => `${goJsonString(k)}:${goJsonMarshal(o[k])}`)
      .join(',')}}`;
  }
  return 'null';
}

/** `json.MarshalIndent(v, prefix, indent)`. */
export function goJsonMarshalIndent(v: unknown, indent = '    ', prefix = ''): string {
  const walk = (x: unknown, depth: number): string => {
    if (Array.isArray(x)) {
      if (x.length === 0) return '[]';
      const inner = prefix + indent.repeat(depth + 1);
      return `[\n${x.map((e) => inner + walk(e, depth + 1)).join(',\n')}\n${prefix}${indent.repeat(depth)}]`;
    }
    if (x !== null && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      const keys = keysOf(o);
      if (keys.length === 0) return '{}';
      const inner = prefix + indent.repeat(depth + 1);
      return `{\n${keys.map((k) => `${inner}${goJsonString(k)}: ${walk(o[k], depth + 1)}`).join(',\n')}\n${prefix}${indent.repeat(depth)}}`;
    }
    return goJsonMarshal(x);
  };
  return walk(v, 0);
}
