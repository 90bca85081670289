/**
 * The label selector lexer of apimachinery `pkg/labels/selector.go`: identifiers run until whitespace or one of
 * `= ! ( ) , > <`; operator symbols are read greedily (`!=`, `==`); `in` and `notin` are keywords.
 * Like the Go lexer (which reads bytes and uses 0 as its end marker), a NUL where a token may start ends the
 * input, and a NUL inside a token just ends that token.
 */

export enum Tok {
  Error,
  EndOfString,
  ClosedPar,
  Comma,
  DoesNotExist,
  DoubleEquals,
  Equals,
  GreaterThan,
  Identifier,
  In,
  LessThan,
  NotEquals,
  NotIn,
  OpenPar,
}

export interface Token {
  tok: Tok;
  lit: string;
}

const keywords = new Map<string, Tok>([
  [')', Tok.ClosedPar],
  [',', Tok.Comma],
  ['!', Tok.DoesNotExist],
  ['==', Tok.DoubleEquals],
  ['=', Tok.Equals],
  ['>', Tok.GreaterThan],
  ['in', Tok.In],
  ['<', Tok.LessThan],
  ['!=', Tok.NotEquals],
  ['notin', Tok.NotIn],
  ['(', Tok.OpenPar],
]);

const isWhitespace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/** `= ! ( ) , > <` */
const isSpecialSymbol = (c: number) => c === 0x3d || c === 0x21 || c === 0x28 || c === 0x29 || c === 0x2c || c === 0x3e || c === 0x3c;

/** Splits a selector into tokens, ending with one EndOfString token. */
export function lexSelector(s: string): Token[] {
  let pos = 0;
  // Go's Lexer.read returns 0 past the end (without advancing) and for a NUL byte.
  const read = (): number => (pos < s.length ? s.charCodeAt(pos++) : 0);
  const unread = () => {
    pos--;
  };

  const scanIdOrKeyword = (): Token => {
    const start = pos;
    for (;;) {
      const c = read();
      if (c === 0) break;
      if (isSpecialSymbol(c) || isWhitespace(c)) {
        unread();
        break;
      }
    }
    // a NUL ends the identifier and is consumed, as in Go
    const end = pos > start && s.charCodeAt(pos - 1) === 0 ? pos - 1 : pos;
    const lit = s.slice(start, end);
    return { tok: keywords.get(lit) ?? Tok.Identifier, lit };
  };

  const scanSpecialSymbol = (): Token => {
    let buffer = '';
    let last: Token | undefined;
    for (;;) {
      const c = read();
      if (c === 0) break;
      if (!isSpecialSymbol(c)) {
        unread();
        break;
      }
      buffer += String.fromCharCode(c);
      const tok = keywords.get(buffer);
      if (tok !== undefined) last = { tok, lit: buffer };
      else if (last) {
        unread();
        break;
      }
    }
    return last ?? { tok: Tok.Error, lit: `error expected: keyword found '${buffer}'` };
  };

  const out: Token[] = [];
  for (;;) {
    let c = read();
    while (isWhitespace(c)) c = read();
    let t: Token;
    if (c === 0) t = { tok: Tok.EndOfString, lit: '' };
    else {
      unread();
      t = isSpecialSymbol(c) ? scanSpecialSymbol() : scanIdOrKeyword();
    }
    out.push(t);
    if (t.tok === Tok.EndOfString) return out;
  }
}
