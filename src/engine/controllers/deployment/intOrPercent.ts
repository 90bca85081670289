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
  const r = scaledValue(v, total, roundUp);
  return r.ok ? r.value : 0;
}
