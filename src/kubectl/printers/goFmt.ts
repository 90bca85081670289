/**
 * Go `fmt` renderings of unstructured values (map[string]interface{}, []interface{}, string, int64, float64,
 * bool, nil), as jsonpath and custom-columns print them: `%v` (fmt.Sprint) and `%#v` (in jsonpath error
 * messages). fmt sorts map keys.
 */

import { goQuote } from '../../shared/goQuote';

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Go's %v of a float64 (strconv 'g' with the shortest precision, exponent outside [-4, 21)). */
export function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [m, e] = n.toExponential().split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    return `${m}e${sign}${e.replace(/^[-+]/, '').padStart(2, '0')}`;
  }
  return String(n);
}

/** fmt.Sprint of an unstructured value: `map[a:1 b:[x y]]`, `<nil>`, numbers and strings as-is. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort(byteOrder);
    return `map[${keys.map((k) => `${k}:${goSprint(o[k])}`).join(' ')}]`;
  }
  return String(v);
}

/** fmt's %#v of an unstructured value inside an interface{} container. */
export function goSyntax(v: unknown, inInterface = false): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSyntax(x, true)).join(', ')}}`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort(byteOrder);
    return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSyntax(o[k], true)}`).join(', ')}}`;
  }
  return inInterface ? String(v) : String(v);
}
