/**
 * A small `resource.Quantity` (k8s.io/apimachinery `pkg/api/resource`): parsing `100m`, `128Mi`, `2`, `1e3`,
 * adding, and printing in canonical form the way `Quantity.String()` does (binary suffixes stay binary when the
 * value divides exactly, decimal values use the largest exact SI suffix). Values are kept in nano-units as
 * BigInt so sums are exact.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** Value × 10^9. */
  nanos: bigint;
  format: QuantityFormat;
}

const binary: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const decimalExp: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const nano = 1_000_000_000n;

/** Parses a quantity string; undefined when malformed. */
export function parseQuantity(s: string): Quantity | undefined {
  const m = /^([+-]?)([0-9]*\.?[0-9]*)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$/.exec(s.trim());
  if (!m || m[2] === '' || m[2] === '.') return undefined;
  const [intPart, frac = ''] = m[2].split('.');
  const digits = BigInt((intPart || '0') + frac);
  const scale = frac.length;
  const suffix = m[3] ?? '';
  let format: QuantityFormat = 'DecimalSI';
  let exp10 = -scale;
  let mult = 1n;
  if (suffix in binary) {
    mult = binary[suffix];
    format = 'BinarySI';
  } else if (/^[eE]/.test(suffix)) {
    exp10 += Number(suffix.slice(1));
    format = 'DecimalExponent';
  } else exp10 += decimalExp[suffix];
  // value*1e9 = digits * mult * 10^(exp10+9), rounded up like Quantity does for sub-nano precision
  const e = exp10 + 9;
  let nanos = digits * mult;
  if (e >= 0) nanos *= 10n ** BigInt(e);
  else {
    const div = 10n ** BigInt(-e);
    nanos = (nanos + div - 1n) / div;
  }
  return { nanos: m[1] === '-' ? -nanos : nanos, format };
}

/** Adds two quantities; the result keeps the left operand's format (or the right's when the left is zero). */
export function addQuantity(a: Quantity | undefined, b: Quantity): Quantity {
  if (!a) return { ...b };
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

/** `Quantity.String()` in canonical form. */
export function formatQuantity(q: Quantity | undefined): string {
  if (!q || q.nanos === 0n) return '0';
  const neg = q.nanos < 0n;
  const abs = neg ? -q.nanos : q.nanos;
  const sign = neg ? '-' : '';
  if (q.format === 'BinarySI' && abs % nano === 0n) {
    const v = abs / nano;
    if (v >= 1024n) {
      for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
        if (v % binary[suffix] === 0n) return `${sign}${v / binary[suffix]}${suffix}`;
      }
      return `${sign}${v}`;
    }
  }
  // decimal: the largest exponent (multiple of 3) that leaves an integer mantissa
  for (const [suffix, exp] of [['E', 18], ['P', 15], ['T', 12], ['G', 9], ['M', 6], ['k', 3], ['', 0], ['m', -3], ['u', -6], ['n', -9]] as const) {
    const unit = exp + 9 >= 0 ? 10n ** BigInt(exp + 9) : 1n;
    if (abs % unit === 0n) return `${sign}${abs / unit}${suffix}`;
  }
  return `${sign}${abs}n`;
}

/** MilliValue (rounded up). */
export function milliValue(q: Quantity | undefined): bigint {
  if (!q) return 0n;
  const div = 1_000_000n;
  return q.nanos >= 0n ? (q.nanos + div - 1n) / div : q.nanos / div;
}

/** Value (rounded up). */
export function quantityValue(q: Quantity | undefined): bigint {
  if (!q) return 0n;
  return q.nanos >= 0n ? (q.nanos + nano - 1n) / nano : q.nanos / nano;
}
