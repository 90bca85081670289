/**
 * `apiequality.Semantic.DeepEqual` for JSON objects: absent, null and empty lists count as the same value,
 * which is how the apiserver's internal types compare after decoding.
 */
type Json = Record<string, unknown>;

/** Absent, null and the empty list are one value. */
function absent(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}

/** Whether two API values are semantically equal (compared in place: nothing is copied). */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const noA = absent(a);
  const noB = absent(b);
  if (noA || noB) return noA && noB;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!semanticEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Json;
  const bo = b as Json;
  let na = 0;
  for (const k of Object.keys(ao)) {
    if (absent(ao[k])) continue;
    na++;
    if (!semanticEqual(ao[k], bo[k])) return false;
  }
  let nb = 0;
  for (const k of Object.keys(bo)) if (!absent(bo[k])) nb++;
  return na === nb;
}
