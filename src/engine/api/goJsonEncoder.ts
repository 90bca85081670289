/**
 * JSON as Go's `encoding/json` writes it: object keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped as
 * `\u003c`-style sequences (HTML-safe escaping is on by default), no insignificant whitespace. kubectl's
 * last-applied-configuration annotation and v1.34 field-error values are produced this way.
 */

const hex = (c: number) => c.toString(16).padStart(4, '0');

/** A Go-encoded JSON string literal. */
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
    // Go 1.22+ (Kubernetes 1.34 is built with Go 1.24) writes \b and \f short
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += `\\u${hex(c)}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * Go's float64 formatting in encoding/json: shortest decimal, exponent form below 1e-6 and from 1e21 with
 * `e-7` / `e+21` exponents, which is exactly what JavaScript prints.
 */
function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  const abs = Math.abs(n);
  return abs !== 0 && (abs < 1e-6 || abs >= 1e21) ? n.toExponential() : String(n);
}

/** Encodes a JSON-shaped value the way `json.Marshal` would (undefined members are skipped, as omitempty would). */
export function goJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number') return goJsonNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : goJson(x))).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort(byteOrder);
    return `{${keys.map((k) => `${goJsonString(k)}:${goJson(o[k])}`).join(',')}}`;
  }
  return 'null';
}

/** Go compares strings byte-wise (UTF-8); for the BMP this is code-unit order except around surrogates. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
