/**
 * Go `fmt` renderings of unstructured values (map[string]interface{}, []interface{}, string, int64, float64,
 * bool, nil), as jsonpath, custom-columns and strategic-merge-patch errors print them: `%v` (fmt.Sprint) and
 * `%#v` (in jsonpath error messages). fmt sorts map keys.
 */

import { goQuote } from './goQuote';

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `strconv.FormatFloat(n, 'g', -1, 64)`: the shortest digits, in %e form when the decimal exponent is below -4
 * or at least 6 (golang/go src/strconv/ftoa.go `formatDigits`: "if precision was the shortest possible, use
 * precision 6 for this decision"), so 1234567.5 is `1.2345675e+06` and 999999.5 stays `999999.5`.
 */
export function formatFloatG(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return '0';
  // toExponential gives the same shortest digits and their exact exponent (no log10 rounding at 10^k).
  const [mantissa, e] = n.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

/** Go's %v of a float64: fmt's `fmtFloat` turns 'v' into 'g' with the shortest precision (golang/go src/fmt/print.go). */
export function goFloat(n: number): string {
  return formatFloatG(n);
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
