/**
 * Bad values as the 1.34 apiserver prints them. Since apimachinery v0.34 (kubernetes PR #132314 "Nicer value
 * rendering in API errors") a field error whose value is not a plain string, int, float or bool is rendered
 * with `json.Marshal`: `spec.template.metadata.labels: Invalid value: {"app":"x"}: ...`,
 * `spec.clusterIPs[0]: Invalid value: ["None"]: may not change once set`. Go's encoder sorts map keys,
 * keeps struct fields in declaration order and escapes `<`, `>` and `&`.
 */
import { GoLiteral } from '../fieldErrors';

/** Go's JSON string escaping (HTML-safe by default). */
function goJsonString(s: string): string {
  return JSON.stringify(s)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A map (Go `map[string]...`): keys sorted, as encoding/json writes them. */
function goJson(v: unknown, sortKeys: boolean): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => goJson(x, sortKeys)).join(',')}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${goJsonString(k)}:${goJson(x, sortKeys)}`).join(',')}}`;
}

/** A Go map or slice value as a field error prints it (`{"app":"x"}`, `["10.96.0.10"]`). */
export function jsonValue(v: unknown): GoLiteral {
  return new GoLiteral(goJson(v, true));
}

/**
 * A Go struct value: fields in the given declaration order (by their JSON names), empty ones left out as
 * `omitempty` does. Nested maps are sorted like any map.
 */
export function jsonStruct(v: Record<string, unknown> | undefined, order: readonly string[]): GoLiteral {
  if (v === undefined || v === null) return new GoLiteral('null');
  const parts: string[] = [];
  for (const k of order) {
    const x = v[k];
    if (x === undefined || x === null || (Array.isArray(x) && x.length === 0)) continue;
    if (typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 0) continue;
    parts.push(`${goJsonString(k)}:${goJson(x, true)}`);
  }
  return new GoLiteral(`{${parts.join(',')}}`);
}

/** Field order of `metav1.LabelSelector`. */
export const labelSelectorOrder = ['matchLabels', 'matchExpressions'] as const;
