/**
 * `intstr.GetScaledValueFromIntOrPercent` (k8s.io/apimachinery/pkg/util/intstr): an int is taken as is; a
 * string must be a percentage (`"25%"`) of `total`, rounded up (maxSurge) or down (maxUnavailable).
 */

export type ScaledValue = { ok: true; value: number } | { ok: false; error: string };

/** Scales an IntOrString against `total`. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): ScaledValue {
  if (v === undefined) return { ok: false, error: 'nil value for IntOrString' };
  if (typeof v === 'number') return { ok: true, value: Math.trunc(v) };
  if (!v.endsWith('%')) return { ok: false, error: 'invalid value for IntOrString: invalid type: string is not a percentage' };
  const digits = v.slice(0, -1);
  if (!/^[+-]?\d+$/.test(digits)) return { ok: false, error: `invalid value for IntOrString: invalid value "${v}"` };
  const pct = Number(digits);
  const exact = (pct * total) / 100;
  return { ok: true, value: roundUp ? Math.ceil(exact) : Math.floor(exact) };
}

/** Like {@link scaledValue}, with errors read as 0 (what the deployment helpers do with `_` errors). */
export function scaledOrZero(v: number | string | undefined, total: number, roundUp: boolean): number {
  // every rolling-update step asks for maxSurge and maxUnavailable: ints and plain percentages without the result object
  if (typeof v === 'number') return Math.trunc(v);
  const pct = typeof v === 'string' ? plainPercent(v) : undefined;
  if (pct !== undefined) {
    const exact = (pct * total) / 100;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  }
  const r = scaledValue(v, total, roundUp);
  return r.ok ? r.value : 0;
}

/** The number of `"<digits>%"` (no sign, at most 9 digits), or undefined for anything else. */
function plainPercent(v: string): number | undefined {
  const n = v.length - 1;
  if (n < 1 || n > 9 || v.charCodeAt(n) !== 37) return undefined;
  let pct = 0;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    pct = pct * 10 + c;
  }
  return pct;
}
