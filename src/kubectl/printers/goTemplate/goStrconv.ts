/**
 * The strconv pieces text/template and fmt lean on (golang/go src/strconv/quote.go): Quote / QuoteToASCII /
 * QuoteRune (`%q`), CanBackquote (`%#q`), Unquote and UnquoteChar (template string and character constants),
 * IsPrint, and fmt's `%#U` rune description. Go strings are bytes; here they are JavaScript strings, and bytes
 * that are not UTF-8 (a `"\xff"` constant) become U+FFFD when decoded.
 */
import { fromUtf8, utf8Bytes } from './goValue';

/** The error strconv returns for bad quoting (strconv.ErrSyntax). */
export class QuoteSyntaxError extends Error {
  constructor() {
    super('invalid syntax');
  }
}

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** strconv.IsPrint / unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(r: number): boolean {
  if (r === 0x20) return true;
  if (r < 0x20 || r === 0x7f || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return false;
  return printable.test(String.fromCodePoint(r));
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** strconv's appendEscapedRune. */
function escapeRune(r: number, quote: string, asciiOnly: boolean): string {
  const ch = String.fromCodePoint(r);
  if (ch === quote || ch === '\\') return `\\${ch}`;
  if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) return ch;
  switch (ch) {
    case '\x07':
      return '\\a';
    case '\b':
      return '\\b';
    case '\f':
      return '\\f';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\v':
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return `\\x${hex(r, 2)}`;
  const valid = r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff);
  const v = valid ? r : 0xfffd;
  return v < 0x10000 ? `\\u${hex(v, 4)}` : `\\U${hex(v, 8)}`;
}

function quoteWith(s: string, quote: string, asciiOnly: boolean): string {
  let out = quote;
  for (const ch of s) out += escapeRune(ch.codePointAt(0) ?? 0, quote, asciiOnly);
  return out + quote;
}

/** strconv.Quote. */
export const quote = (s: string): string => quoteWith(s, '"', false);
/** strconv.QuoteToASCII (`%+q`). */
export const quoteToASCII = (s: string): string => quoteWith(s, '"', true);

/** strconv.QuoteRune / QuoteRuneToASCII (`%q` and `%+q` of an integer). */
export function quoteRune(r: number, asciiOnly = false): string {
  const valid = r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff);
  return `'${escapeRune(valid ? r : 0xfffd, "'", asciiOnly)}'`;
}

/** strconv.CanBackquote: one line, no control characters but tab, no backquote, no BOM. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0) ?? 0;
    if (r === 0xfeff || (r >= 0xd800 && r <= 0xdfff)) return false;
    if ((r < 0x20 && r !== 9) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}

/** fmt's `%#U`, as the lexer reports a bad character: `U+007D '}'`. */
export function describeRune(r: number): string {
  const u = `U+${r.toString(16).toUpperCase().padStart(4, '0')}`;
  return isPrint(r) ? `${u} '${String.fromCodePoint(r)}'` : u;
}

const simpleEscapes: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/**
 * strconv.UnquoteChar over the code points of `s` from `i`: the bytes of the first (possibly escaped) character
 * and where the rest starts.
 */
export function unquoteChar(s: string, i: number, q: string): { bytes: number[]; value: number; next: number } {
  const c = s.codePointAt(i);
  if (c === undefined) throw new QuoteSyntaxError();
  const ch = String.fromCodePoint(c);
  if (ch === q && (q === "'" || q === '"')) throw new QuoteSyntaxError();
  if (ch !== '\\') return { bytes: [...utf8Bytes(ch)], value: c, next: i + ch.length };
  const e = s[i + 1];
  if (e === undefined) throw new QuoteSyntaxError();
  let j = i + 2;
  if (e in simpleEscapes) return { bytes: [simpleEscapes[e]], value: simpleEscapes[e], next: j };
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const digits = s.slice(j, j + n);
    if (digits.length < n || !/^[0-9a-fA-F]+$/.test(digits)) throw new QuoteSyntaxError();
    const v = Number.parseInt(digits, 16);
    j += n;
    if (e === 'x') return { bytes: [v], value: v, next: j };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new QuoteSyntaxError();
    return { bytes: [...utf8Bytes(String.fromCodePoint(v))], value: v, next: j };
  }
  if (e >= '0' && e <= '7') {
    const digits = s.slice(j, j + 2);
    if (!/^[0-7]{2}$/.test(digits)) throw new QuoteSyntaxError();
    const v = Number.parseInt(e + digits, 8);
    if (v > 255) throw new QuoteSyntaxError();
    return { bytes: [v], value: v, next: j + 2 };
  }
  if (e === "'" || e === '"') {
    if (e !== q) throw new QuoteSyntaxError();
    return { bytes: [e.charCodeAt(0)], value: e.charCodeAt(0), next: j };
  }
  throw new QuoteSyntaxError();
}

/** strconv.Unquote of a `"…"` or `` `…` `` literal (the lexer has found its end). */
export function unquote(s: string): string {
  if (s.length < 2 || s[0] !== s[s.length - 1]) throw new QuoteSyntaxError();
  const q = s[0];
  const body = s.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new QuoteSyntaxError();
    return body.replaceAll('\r', '');
  }
  if (q !== '"') throw new QuoteSyntaxError();
  const bytes: number[] = [];
  let i = 0;
  while (i < body.length) {
    if (body[i] === '\n') throw new QuoteSyntaxError();
    const r = unquoteChar(body, i, q);
    bytes.push(...r.bytes);
    i = r.next;
  }
  return fromUtf8(Uint8Array.from(bytes));
}
