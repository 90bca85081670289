/**
 * strconv.FormatFloat(v, fmt, prec, 64) (golang/go src/strconv/ftoa.go) for `printf`'s float verbs: 'e', 'E',
 * 'f', 'g', 'G' with the shortest digits (prec -1, JavaScript's shortest round-trip digits are the same) or a
 * precision (rounded half to even on the exact binary value, as strconv's decimal rounding does), and 'b', 'x',
 * 'X'. The sign is part of the result; fmt pads around it.
 */

/** Decimal digits d1d2…dn meaning 0.d1d2…dn × 10^dp (strconv's decimalSlice); nd 0 is zero. */
interface Digits {
  d: string;
  dp: number;
}

const bits = (v: number) => {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  return view.getBigUint64(0);
};

/** Mantissa and binary exponent of |v|: |v| = mant × 2^exp, as genericFtoa splits the bits. */
function split(v: number): { mant: bigint; exp: number } {
  const b = bits(v);
  const e = Number((b >> 52n) & 0x7ffn);
  let mant = b & ((1n << 52n) - 1n);
  let exp = e;
  if (e === 0) exp++;
  else mant |= 1n << 52n;
  return { mant, exp: exp - 1023 - 52 };
}

/** The exact decimal expansion of |v|. */
function exactDigits(v: number): Digits {
  if (v === 0) return { d: '', dp: 0 };
  const { mant, exp } = split(v);
  let s: string;
  let point: number;
  if (exp >= 0) {
    s = (mant << BigInt(exp)).toString();
    point = s.length;
  } else {
    s = (mant * 5n ** BigInt(-exp)).toString();
    point = s.length + exp;
  }
  const trimmed = s.replace(/0+$/, '');
  const lead = trimmed.length - trimmed.replace(/^0+/, '').length;
  return { d: trimmed.slice(lead), dp: point - lead };
}

/** Rounds to nd significant digits, half to even on an exact tie (strconv decimal.go `shouldRoundUp`). */
function round(x: Digits, nd: number): Digits {
  if (nd < 0) return { d: '', dp: x.dp };
  if (nd >= x.d.length) return x;
  const next = x.d.charCodeAt(nd) - 48;
  const tie = next === 5 && nd + 1 === x.d.length;
  const up = tie ? nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1 : next >= 5;
  if (!up) return { d: x.d.slice(0, nd).replace(/0+$/, ''), dp: x.dp };
  const digits = [...x.d.slice(0, nd)].map(Number);
  let i = nd - 1;
  while (i >= 0 && digits[i] === 9) i--;
  if (i < 0) return { d: '1', dp: x.dp + 1 };
  digits[i]++;
  return { d: digits.slice(0, i + 1).join(''), dp: x.dp };
}

/** The shortest digits that read back as v. */
function shortestDigits(v: number): Digits {
  if (v === 0) return { d: '', dp: 0 };
  const [m, e] = Math.abs(v).toExponential().split('e');
  const d = m.replace('.', '').replace(/0+$/, '');
  return { d, dp: Number(e) + 1 };
}

function fmtE(neg: boolean, x: Digits, prec: number, verb: string): string {
  let out = neg ? '-' : '';
  out += x.d.length ? x.d[0] : '0';
  if (prec > 0) out += `.${x.d.slice(1, prec + 1).padEnd(prec, '0')}`;
  let exp = x.d.length === 0 ? 0 : x.dp - 1;
  const sign = exp < 0 ? '-' : '+';
  exp = Math.abs(exp);
  return `${out}${verb}${sign}${exp < 10 ? `0${exp}` : exp}`;
}

function fmtF(neg: boolean, x: Digits, prec: number): string {
  let out = neg ? '-' : '';
  out += x.dp > 0 ? x.d.slice(0, x.dp).padEnd(x.dp, '0') : '0';
  if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      const j = x.dp + i;
      out += j >= 0 && j < x.d.length ? x.d[j] : '0';
    }
  }
  return out;
}

/** fmt 'b': decimal mantissa, 'p', binary exponent (`4503599627370496p-52`). */
function fmtB(neg: boolean, v: number): string {
  const { mant, exp } = split(v);
  return `${neg ? '-' : ''}${mant}p${exp >= 0 ? '+' : ''}${exp}`;
}

/** fmt 'x' / 'X': `-0x1.23abcp+20`, mantissa rounded to prec hex digits (half to even) when prec is 0..14. */
function fmtX(neg: boolean, v: number, prec: number, verb: string): string {
  let { mant, exp } = split(v);
  exp += 52;
  if (mant === 0n) exp = 0;
  mant <<= 8n;
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  const mask60 = (1n << 60n) - 1n;
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & mask60;
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const digits = verb === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = `${neg ? '-' : ''}0${verb}${(mant >> 60n) & 1n}`;
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  const n = prec < 0 ? -1 : prec;
  if ((n < 0 && mant !== 0n) || n > 0) {
    out += '.';
    for (let i = 0; n < 0 ? mant !== 0n : i < n; i++) {
      out += digits[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  }
  const e = Math.abs(exp);
  return `${out}${verb === 'X' ? 'P' : 'p'}${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
}

/** strconv.FormatFloat(v, verb, prec, 64); prec -1 is the shortest representation. */
export function formatFloat(v: number, verb: string, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  if (verb === 'b') return fmtB(neg, v);
  if (verb === 'x' || verb === 'X') return fmtX(neg, v, prec, verb);
  const shortest = prec < 0;
  let x: Digits;
  let p = prec;
  if (shortest) {
    x = shortestDigits(v);
    if (verb === 'e' || verb === 'E') p = Math.max(x.d.length - 1, 0);
    else if (verb === 'f') p = Math.max(x.d.length - x.dp, 0);
    else p = x.d.length;
  } else {
    const exact = exactDigits(v);
    if (verb === 'e' || verb === 'E') x = round(exact, prec + 1);
    else if (verb === 'f') x = round(exact, exact.dp + prec);
    else {
      if (p === 0) p = 1;
      x = round(exact, p);
    }
  }
  if (verb === 'e' || verb === 'E') return fmtE(neg, x, p, verb);
  if (verb === 'f') return fmtF(neg, x, p);
  // 'g' / 'G': %e for exponents below -4 or from the precision (6 for the shortest form) on
  let eprec = p;
  if (eprec > x.d.length && x.d.length >= x.dp) eprec = x.d.length;
  if (shortest) eprec = 6;
  const exp = x.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (p > x.d.length) p = x.d.length;
    return fmtE(neg, x, p - 1, verb === 'g' ? 'e' : 'E');
  }
  if (p > x.dp) p = x.d.length;
  return fmtF(neg, x, Math.max(p - x.dp, 0));
}
