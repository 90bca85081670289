/**
 * fmt.Sprintf, fmt.Sprint and fmt.Sprintln over template values (golang/go src/fmt/print.go `doPrintf`,
 * `printArg`, `printValue`, `badVerb`; src/fmt/format.go for padding and numbers): flags `#0+- `, width and
 * precision (also `*`), argument indexes `%[n]`, the verbs v s d q x X o O b c U e E f F g G t T p and `%%`, the
 * error forms `%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA …)`, `%!(NOVERB)`, `%!d(BADINDEX)`. Maps print as
 * `map[k:v]` with sorted keys, slices as `[a b]`, a nil inside them as `<nil>`, and `%#v` in Go syntax.
 */
import { Printer, noFlags } from './fmtPrinter';
import { type GoValue, indirectInterface, typeName } from './goValue';

/** An operand as fmt receives it through `any`: interfaces unwrapped. */
const operand = (v: GoValue): GoValue => {
  let cur = v;
  while (cur.t === 'iface') cur = indirectInterface(cur);
  return cur;
};

/** fmt.Sprint: operands separated by a space when neither side is a string. */
export function sprint(args: readonly GoValue[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((a, i) => {
    const arg = operand(a);
    const isString = arg.t === 'string';
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.f = noFlags();
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: operands separated by spaces, then a newline. */
export function sprintln(args: readonly GoValue[]): string {
  const p = new Printer();
  args.forEach((a, i) => {
    if (i > 0) p.buf += ' ';
    p.f = noFlags();
    p.printArg(operand(a), 'v');
  });
  return `${p.buf}\n`;
}

/** `parsenum`: digits from i; undefined when there are none (or too many). */
function parseNum(s: string, i: number): { n: number; ok: boolean; next: number } {
  let n = 0;
  let j = i;
  let ok = false;
  while (j < s.length && s[j] >= '0' && s[j] <= '9') {
    if (n > 1e6) return { n: 0, ok: false, next: s.length };
    n = n * 10 + (s.charCodeAt(j) - 48);
    ok = true;
    j++;
  }
  return { n, ok, next: j };
}

/** fmt.Sprintf. */
export function sprintf(format: string, rawArgs: readonly GoValue[]): string {
  const a = rawArgs.map(operand);
  const p = new Printer();
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;
  const argNumber = (i: number): { i: number; found: boolean } => {
    if (i >= format.length || format[i] !== '[') return { i, found: false };
    reordered = true;
    const close = format.indexOf(']', i + 1);
    if (close < 0 || format.length - i < 3) {
      goodArgNum = false;
      return { i: i + 1, found: false };
    }
    const num = parseNum(format, i + 1);
    if (!num.ok || num.next !== close) {
      goodArgNum = false;
      return { i: close + 1, found: false };
    }
    const index = num.n - 1;
    if (index >= 0 && index < a.length) {
      argNum = index;
      return { i: close + 1, found: true };
    }
    goodArgNum = false;
    return { i: close + 1, found: true };
  };
  const intArg = (): { n: number; ok: boolean } => {
    if (argNum >= a.length) return { n: 0, ok: false };
    const v = a[argNum++];
    const n = v.t === 'int' ? v.v : v.t === 'uint8' ? BigInt(v.v) : undefined;
    if (n === undefined || n > 1000000n || n < -1000000n) return { n: 0, ok: false };
    return { n: Number(n), ok: true };
  };
  let i = 0;
  while (i < format.length) {
    goodArgNum = true;
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      p.buf += format.slice(i);
      break;
    }
    p.buf += format.slice(i, pct);
    i = pct + 1;
    p.f = noFlags();
    const f = p.f;
    for (; i < format.length; i++) {
      const c = format[i];
      if (c === '#') f.sharp = true;
      else if (c === '0') f.zero = !f.minus;
      else if (c === '+') f.plus = true;
      else if (c === '-') {
        f.minus = true;
        f.zero = false;
      } else if (c === ' ') f.space = true;
      else break;
    }
    let r = argNumber(i);
    i = r.i;
    afterIndex = r.found;
    if (i < format.length && format[i] === '*') {
      i++;
      const w = intArg();
      f.wid = w.n;
      f.widPresent = w.ok;
      if (!w.ok) p.buf += '%!(BADWIDTH)';
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      const w = parseNum(format, i);
      f.wid = w.n;
      f.widPresent = w.ok;
      i = w.next;
      if (afterIndex && f.widPresent) goodArgNum = false;
    }
    if (i + 1 < format.length && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      r = argNumber(i);
      i = r.i;
      afterIndex = r.found;
      if (i < format.length && format[i] === '*') {
        i++;
        const pr = intArg();
        f.prec = pr.n;
        f.precPresent = pr.ok;
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!f.precPresent) p.buf += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const pr = parseNum(format, i);
        f.prec = pr.ok ? pr.n : 0;
        f.precPresent = true;
        i = pr.next;
      }
    }
    if (!afterIndex) {
      r = argNumber(i);
      i = r.i;
      afterIndex = r.found;
    }
    if (i >= format.length) {
      p.buf += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;
    if (verb === '%') p.buf += '%';
    else if (!goodArgNum) p.buf += `%!${verb}(BADINDEX)`;
    else if (argNum >= a.length) p.buf += `%!${verb}(MISSING)`;
    else {
      if (verb === 'v') {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      p.printArg(a[argNum++], verb);
    }
  }
  if (!reordered && argNum < a.length) {
    p.f = noFlags();
    p.buf += '%!(EXTRA ';
    a.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.buf += ', ';
      if (arg.t === 'invalid') p.buf += '<nil>';
      else {
        p.buf += `${typeName(arg)}=`;
        p.printArg(arg, 'v');
      }
    });
    p.buf += ')';
  }
  return p.buf;
}
