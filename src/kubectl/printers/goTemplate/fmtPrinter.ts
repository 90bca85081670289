/**
 * fmt's printer state (golang/go src/fmt/print.go `pp`, src/fmt/format.go `fmt`): flags, width and precision,
 * padding, and how each kind of value prints under a verb, with `%!verb(type=value)` for a verb that does not fit
 * the value. goPrintf.ts drives it as Sprint, Sprintln and Sprintf do.
 */
import { formatFloat } from './goFloat';
import { canBackquote, quote, quoteRune, quoteToASCII, isPrint } from './goStrconv';
import { type GoValue, fromJson, invalid, sortedKeys, typeName, utf8Bytes } from './goValue';

export interface Flags {
  wid: number;
  widPresent: boolean;
  prec: number;
  precPresent: boolean;
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
}

export const noFlags = (): Flags => ({ wid: 0, widPresent: false, prec: 0, precPresent: false, minus: false, plus: false, sharp: false, space: false, zero: false, plusV: false, sharpV: false });

/** A printer's state: its buffer, flags, and the argument being printed (for `%!verb(type=value)`). */
export class Printer {
  buf = '';
  f: Flags = noFlags();
  arg: GoValue = invalid;
  argIsTop = false;

  private padding(n: number): string {
    return n > 0 ? (this.f.zero ? '0' : ' ').repeat(n) : '';
  }

  pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.f.wid - [...s].length;
    this.buf += this.f.minus ? s + this.padding(width) : this.padding(width) + s;
  }

  /** printArg: a top-level operand (nil is the untyped nil). */
  printArg(arg: GoValue, verb: string): void {
    this.arg = arg;
    this.argIsTop = true;
    if (arg.t === 'invalid') {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeName(arg));
      return;
    }
    if (verb === 'p') {
      this.fmtPointer(arg, verb);
      return;
    }
    this.printValue(arg, verb, 0);
  }

  printValue(v: GoValue, verb: string, depth: number): void {
    if (depth > 0) {
      this.arg = v;
      this.argIsTop = false;
    }
    switch (v.t) {
      case 'invalid':
        if (depth === 0) this.buf += '<invalid reflect.Value>';
        else if (verb === 'v') this.buf += '<nil>';
        else this.badVerb(verb);
        return;
      case 'bool':
        if (verb === 't' || verb === 'v') this.pad(v.v ? 'true' : 'false');
        else this.badVerb(verb);
        return;
      case 'int':
        this.fmtInteger(v.v, true, verb);
        return;
      case 'uint8':
        this.fmtInteger(BigInt(v.v), false, verb);
        return;
      case 'float64':
        this.fmtFloat(v.v, verb);
        return;
      case 'complex128':
        this.fmtComplex(v.re, v.im, verb);
        return;
      case 'string':
        this.fmtString(v.v, verb);
        return;
      case 'iface':
        if (v.v.t === 'invalid') this.buf += this.f.sharpV ? 'interface {}(nil)' : '<nil>';
        else this.printValue(v.v, verb, depth + 1);
        return;
      case 'map': {
        this.buf += this.f.sharpV ? 'map[string]interface {}{' : 'map[';
        sortedKeys(v.v).forEach((k, i) => {
          if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
          this.printValue({ t: 'string', v: k }, verb, depth + 1);
          this.buf += ':';
          this.printValue({ t: 'iface', v: fromJson(v.v[k]) }, verb, depth + 1);
        });
        this.buf += this.f.sharpV ? '}' : ']';
        return;
      }
      case 'slice':
        this.buf += this.f.sharpV ? '[]interface {}{' : '[';
        v.v.forEach((x, i) => {
          if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
          this.printValue({ t: 'iface', v: fromJson(x) }, verb, depth + 1);
        });
        this.buf += this.f.sharpV ? '}' : ']';
        return;
      case 'missing':
        this.buf += '{}';
        return;
    }
  }

  /** `%!verb(type=value)`: the operand printed with %v, flags kept. */
  badVerb(verb: string): void {
    this.buf += `%!${verb}(`;
    const a = this.arg;
    if (a.t === 'invalid') this.buf += '<nil>';
    else {
      this.buf += `${typeName(a)}=`;
      if (this.argIsTop) this.printArg(a, 'v');
      else this.printValue(a, 'v', 0);
    }
    this.buf += ')';
  }

  fmtPointer(v: GoValue, verb: string): void {
    // fmt prints a map's or slice's address; svcsim has none to show, so a fixed one stands in
    if (v.t === 'map' || v.t === 'slice') this.pad(this.f.sharp ? 'c000010000' : '0xc000010000');
    else this.badVerb(verb);
  }

  fmtInteger(n: bigint, signed: boolean, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV && !signed) {
          const sharp = this.f.sharp;
          this.f.sharp = true;
          this.integer(n, 16, verb, false);
          this.f.sharp = sharp;
          return;
        }
        this.integer(n, 10, verb, false);
        return;
      case 'd':
        this.integer(n, 10, verb, false);
        return;
      case 'b':
        this.integer(n, 2, verb, false);
        return;
      case 'o':
      case 'O':
        this.integer(n, 8, verb, false);
        return;
      case 'x':
        this.integer(n, 16, verb, false);
        return;
      case 'X':
        this.integer(n, 16, verb, true);
        return;
      case 'c':
        this.pad(String.fromCodePoint(validRune(n) ? Number(n) : 0xfffd));
        return;
      case 'q':
        this.pad(quoteRune(validRune(n) ? Number(n) : 0xfffd, this.f.plus));
        return;
      case 'U':
        this.unicode(n, signed);
        return;
      default:
        this.badVerb(verb);
    }
  }

  /** fmt.fmtInteger: precision as minimum digits, zero padding, `#` prefixes, sign. */
  private integer(n: bigint, base: number, verb: string, upper: boolean): void {
    const negative = n < 0n;
    const u = negative ? -n : n;
    let prec = 0;
    if (this.f.precPresent) {
      prec = this.f.prec;
      if (prec === 0 && u === 0n) {
        const zero = this.f.zero;
        this.f.zero = false;
        this.buf += this.padding(this.f.wid);
        this.f.zero = zero;
        return;
      }
    } else if (this.f.zero && this.f.widPresent) {
      prec = this.f.wid;
      if (negative || this.f.plus || this.f.space) prec--;
    }
    let digits = u.toString(base);
    if (upper) digits = digits.toUpperCase();
    digits = digits.padStart(prec, '0');
    if (this.f.sharp) {
      if (base === 2) digits = `0b${digits}`;
      else if (base === 8 && digits[0] !== '0') digits = `0${digits}`;
      else if (base === 16) digits = `0${upper ? 'X' : 'x'}${digits}`;
    }
    if (verb === 'O') digits = `0o${digits}`;
    if (negative) digits = `-${digits}`;
    else if (this.f.plus) digits = `+${digits}`;
    else if (this.f.space) digits = ` ${digits}`;
    const zero = this.f.zero;
    this.f.zero = false;
    this.pad(digits);
    this.f.zero = zero;
  }

  /** fmt.fmtUnicode: `U+0041`, with `#` also the character. */
  private unicode(n: bigint, signed: boolean): void {
    const u = signed && n < 0n ? n + (1n << 64n) : n;
    let s = `U+${u.toString(16).toUpperCase().padStart(this.f.precPresent && this.f.prec > 4 ? this.f.prec : 4, '0')}`;
    if (this.f.sharp && u <= 0x10ffffn && isPrint(Number(u))) s += ` '${String.fromCodePoint(Number(u))}'`;
    const zero = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = zero;
  }

  fmtFloat(v: number, verb: string): void {
    switch (verb) {
      case 'v':
        this.float(v, 'g', -1);
        return;
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        this.float(v, verb, -1);
        return;
      case 'f':
      case 'e':
      case 'E':
        this.float(v, verb, 6);
        return;
      case 'F':
        this.float(v, 'f', 6);
        return;
      default:
        this.badVerb(verb);
    }
  }

  /** fmt.fmtFloat: sign handling, `#` keeping the point and trailing zeros, zero padding after the sign. */
  private float(v: number, verb: string, defaultPrec: number): void {
    const prec = this.f.precPresent ? this.f.prec : defaultPrec;
    let num = formatFloat(v, verb, prec);
    num = num[0] === '-' || num[0] === '+' ? num : `+${num}`;
    if (this.f.space && num[0] === '+' && !this.f.plus) num = ` ${num.slice(1)}`;
    if (num[1] === 'I' || num[1] === 'N') {
      const zero = this.f.zero;
      this.f.zero = false;
      if (num[1] === 'N' && !this.f.space && !this.f.plus) num = num.slice(1);
      this.pad(num);
      this.f.zero = zero;
      return;
    }
    if (this.f.sharp && verb !== 'b') num = sharpFloat(num, verb, prec);
    if (this.f.plus || num[0] !== '+') {
      if (this.f.zero && this.f.widPresent && this.f.wid > num.length) {
        this.buf += num[0] + this.padding(this.f.wid - num.length) + num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  fmtComplex(re: number, im: number, verb: string): void {
    if (!'vbgGxXfFeE'.includes(verb)) {
      this.badVerb(verb);
      return;
    }
    const plus = this.f.plus;
    this.buf += '(';
    this.fmtFloat(re, verb);
    this.f.plus = true;
    this.fmtFloat(im, verb);
    this.buf += 'i)';
    this.f.plus = plus;
  }

  fmtString(s: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(s);
        else this.fmtS(s);
        return;
      case 's':
        this.fmtS(s);
        return;
      case 'x':
      case 'X':
        this.fmtSx(s, verb === 'X');
        return;
      case 'q':
        this.fmtQ(s);
        return;
      default:
        this.badVerb(verb);
    }
  }

  private truncate(s: string): string {
    return this.f.precPresent ? [...s].slice(0, this.f.prec).join('') : s;
  }

  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  private fmtQ(s: string): void {
    const t = this.truncate(s);
    if (this.f.sharp && canBackquote(t)) this.pad(`\`${t}\``);
    else this.pad(this.f.plus ? quoteToASCII(t) : quote(t));
  }

  /** fmt.fmtSbx: hex of the bytes, `#` and space flags, padded as a whole. */
  private fmtSx(s: string, upper: boolean): void {
    let bytes = [...utf8Bytes(s)];
    if (this.f.precPresent && this.f.prec < bytes.length) bytes = bytes.slice(0, this.f.prec);
    if (bytes.length === 0) {
      if (this.f.widPresent) this.buf += this.padding(this.f.wid);
      return;
    }
    const x = upper ? 'X' : 'x';
    const hexes = bytes.map((b) => {
      const h = b.toString(16).padStart(2, '0');
      return upper ? h.toUpperCase() : h;
    });
    const body = this.f.space ? hexes.map((h) => (this.f.sharp ? `0${x}${h}` : h)).join(' ') : `${this.f.sharp ? `0${x}` : ''}${hexes.join('')}`;
    const width = body.length;
    if (this.f.widPresent && this.f.wid > width && !this.f.minus) this.buf += this.padding(this.f.wid - width);
    this.buf += body;
    if (this.f.widPresent && this.f.wid > width && this.f.minus) this.buf += this.padding(this.f.wid - width);
  }
}

const validRune = (n: bigint) => n >= 0n && n <= 0x10ffffn && !(n >= 0xd800n && n <= 0xdfffn);

/** The `#` flag on a float: always a decimal point, and %g/%v keep trailing zeros up to the precision. */
function sharpFloat(num: string, verb: string, prec: number): string {
  let digits = verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x' ? (prec === -1 ? 6 : prec) : 0;
  let body = num;
  let tail = '';
  let hasPoint = false;
  let sawNonzero = false;
  for (let i = 1; i < body.length; i++) {
    const c = body[i];
    if (c === '.') hasPoint = true;
    else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
      tail = body.slice(i);
      body = body.slice(0, i);
      break;
    } else {
      if (c !== '0') sawNonzero = true;
      if (sawNonzero) digits--;
    }
  }
  if (!hasPoint) {
    if (body.length === 2 && body[1] === '0') digits--;
    body += '.';
  }
  if (digits > 0) body += '0'.repeat(digits);
  return body + tail;
}
