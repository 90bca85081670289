/**
 * A template number constant as parse.newNumber reads it (golang/go src/text/template/parse/node.go): character
 * constants, complex `1+2i` and imaginary `2i`, and Go-syntax integers and floats through strconv.ParseUint,
 * ParseInt and ParseFloat with base 0 (`0x1F`, `0o17`, `017`, `0b101`, `1_000`, `1e3`, `0x1p-2`), recording every
 * type the value fits, with Go's errors (`integer overflow: "089"`, `illegal number syntax: …`).
 */
import { quote, unquoteChar } from './goStrconv';

export interface NumberValue {
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
  complex: { re: number; im: number };
}

const maxInt64 = (1n << 63n) - 1n;
const minInt64 = -(1n << 63n);
const maxUint64 = (1n << 64n) - 1n;

/** strconv's underscoreOK: `_` only between digits, or after a base prefix. */
function underscoreOK(text: string): boolean {
  let s = text;
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  let saw = '^';
  let i = 0;
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/** The magnitude of an unsigned base-0 literal, or undefined when it is not one. */
function parseUnsigned(s: string): bigint | undefined {
  let base = 10;
  let digits = s;
  if (s[0] === '0' && s.length > 1) {
    const p = s[1].toLowerCase();
    if (p === 'x' || p === 'o' || p === 'b') {
      base = p === 'x' ? 16 : p === 'o' ? 8 : 2;
      digits = s.slice(2);
    } else {
      base = 8;
      digits = s.slice(1);
    }
  }
  if (s.includes('_') && !underscoreOK(s)) return undefined;
  digits = digits.replaceAll('_', '');
  if (digits === '') return undefined;
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return undefined;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  return BigInt(prefix + digits);
}

/** strconv.ParseUint(s, 0, 64). */
function parseUint(s: string): bigint | undefined {
  const n = parseUnsigned(s);
  return n !== undefined && n <= maxUint64 ? n : undefined;
}

/** strconv.ParseInt(s, 0, 64). */
function parseInt64(s: string): bigint | undefined {
  const neg = s[0] === '-';
  const body = s[0] === '+' || s[0] === '-' ? s.slice(1) : s;
  const n = parseUnsigned(body);
  if (n === undefined) return undefined;
  const v = neg ? -n : n;
  return v >= minInt64 && v <= maxInt64 ? v : undefined;
}

/** strconv.ParseFloat(s, 64) for Go float syntax (decimal, or hex with a `p` exponent). */
export function parseFloat64(s: string): number | undefined {
  if (s.includes('_') && !underscoreOK(s)) return undefined;
  const t = s.replaceAll('_', '');
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(t);
  if (m) {
    const [, sign, int, frac = '', exp] = m;
    if (int + frac === '') return undefined;
    const mant = BigInt(`0x${int}${frac}` === '0x' ? '0' : `0x${int}${frac}`);
    const v = Number(mant) * 2 ** (Number(exp) - 4 * frac.length);
    if (!Number.isFinite(v)) return undefined;
    return sign === '-' ? -v : v;
  }
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

const fitsInt64 = (f: number) => Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63;
const fitsUint64 = (f: number) => Number.isInteger(f) && f >= 0 && f < 2 ** 64;

function simplifyComplex(n: NumberValue): void {
  n.isFloat = n.complex.im === 0;
  if (!n.isFloat) return;
  n.float64 = n.complex.re;
  n.isInt = fitsInt64(n.float64);
  if (n.isInt) n.int64 = BigInt(n.float64);
  n.isUint = fitsUint64(n.float64);
  if (n.isUint) n.uint64 = BigInt(n.float64);
}

/** newNumber: the constant's value(s), or the error text parse reports. */
export function parseNumber(text: string, kind: 'charConstant' | 'complex' | 'number'): NumberValue | { error: string } {
  const n: NumberValue = { isInt: false, isUint: false, isFloat: false, isComplex: false, int64: 0n, uint64: 0n, float64: 0, complex: { re: 0, im: 0 } };
  if (kind === 'charConstant') {
    let r: { value: number; next: number };
    try {
      r = unquoteChar(text, 1, text[0]);
    } catch {
      return { error: 'invalid syntax' };
    }
    if (text.slice(r.next) !== "'") return { error: `malformed character constant: ${text}` };
    n.int64 = BigInt(r.value);
    n.uint64 = BigInt(r.value);
    n.float64 = r.value;
    n.isInt = n.isUint = n.isFloat = true;
    return n;
  }
  if (kind === 'complex') {
    const m = /^(.+?)([+-][^+-]*)i$/.exec(text);
    const re = m ? parseFloat64(m[1]) : undefined;
    const im = m ? parseFloat64(m[2]) : undefined;
    if (re === undefined || im === undefined) return { error: `expected integer` };
    n.isComplex = true;
    n.complex = { re, im };
    simplifyComplex(n);
    return n;
  }
  if (text.endsWith('i')) {
    const f = parseFloat64(text.slice(0, -1));
    if (f !== undefined) {
      n.isComplex = true;
      n.complex = { re: 0, im: f };
      simplifyComplex(n);
      return n;
    }
  }
  const u = parseUint(text);
  if (u !== undefined) {
    n.isUint = true;
    n.uint64 = u;
  }
  const i = parseInt64(text);
  if (i !== undefined) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true;
      n.uint64 = u ?? 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseFloat64(text);
    if (f !== undefined) {
      if (!/[.eEpP]/.test(text)) return { error: `integer overflow: ${quote(text)}` };
      n.isFloat = true;
      n.float64 = f;
      if (!n.isInt && fitsInt64(f)) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (!n.isUint && fitsUint64(f)) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) return { error: `illegal number syntax: ${quote(text)}` };
  return n;
}
