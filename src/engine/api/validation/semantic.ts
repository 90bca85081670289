/**
 * `apiequality.Semantic.DeepEqual` for JSON objects: absent, null and empty lists count as the same value,
 * which is how the apiserver's internal types compare after decoding.
 */
import { deepEqual } from '../../shared';

type Json = Record<string, unknown>;

function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.map(normalize) : undefined;
  if (v === null || typeof v !== 'object') return v === null ? undefined : v;
  const out: Json = {};
  for (const [k, x] of Object.entries(v as Json)) {
    const n = normalize(x);
    if (n !== undefined) out[k] = n;
  }
  return out;
}

/** Whether two API values are semantically equal. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  return deepEqual(normalize(a), normalize(b));
}
