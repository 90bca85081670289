/**
 * Just enough of `resource.Quantity` to compare and add amounts: parses `100m`, `1.5`, `128Mi`, `1e3`,
 * `2G` into an exact count of nano-units.
 */

const binarySuffixes: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
const decimalExponents: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** A quantity in nano-units (10^-9), or undefined when the text is not a quantity. */
export function parseQuantity(text: string | number | undefined): bigint | undefined {
  if (text === undefined) return undefined;
  const s = String(text).trim();
  const m = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei)|([eE][+-]?\d+)|(n|u|m|k|M|G|T|P|E)?)$/.exec(s);
  if (!m) return undefined;
  const [, sign, num, bin, exp, dec] = m;
  const [intPart, fracPart = ''] = num.split('.');
  let nanos = BigInt(intPart || '0') * 1_000_000_000n;
  const frac = `${fracPart}000000000`.slice(0, 9);
  nanos += BigInt(frac);
  if (bin) nanos *= binarySuffixes[bin];
  else {
    const e = exp ? Number(exp.slice(1)) : decimalExponents[dec ?? ''];
    if (e >= 0) nanos *= 10n ** BigInt(e);
    else nanos /= 10n ** BigInt(-e);
  }
  return sign === '-' ? -nanos : nanos;
}
