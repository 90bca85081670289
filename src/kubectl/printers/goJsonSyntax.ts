/**
 * The syntax check Go's encoding/json runs before decoding (`checkValid` with the scanner of
 * `encoding/json/scanner.go`): the first error, worded as Go words it (`invalid character 'x' looking for
 * beginning of object key string`, `unexpected end of JSON input`). The apiserver answers a malformed patch
 * with these texts. The scanner reads bytes, so the input is checked as UTF-8. Go refuses to nest deeper than
 * 10000 (`pushParseState`, "exceeded max depth"); this recursive check and the engine stop at `maxNestingDepth`.
 */
import { maxNestingDepth } from '../yamlLimits';

/** `quoteChar`: the offending byte as Go prints it. */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 92: '\\\\' };
  if (named[c]) return `'${named[c]}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  // string(byte) is the rune U+00XX: C1 controls, NBSP and the soft hyphen are not printable
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return `'\\u00${c.toString(16).padStart(2, '0')}'`;
  return `'${String.fromCharCode(c)}'`;
}

class JsonSyntaxError extends Error {}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Returns Go's syntax error message for `text`, or undefined when it is valid JSON. */
export function goJsonSyntaxError(text: string): string | undefined {
  const b = new TextEncoder().encode(text);
  let i = 0;
  const end = () => new JsonSyntaxError('unexpected end of JSON input');
  const bad = (c: number, context: string) => new JsonSyntaxError(`invalid character ${quoteChar(c)} ${context}`);
  const skip = () => {
    while (i < b.length && isSpace(b[i])) i++;
  };
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      if (i + k >= b.length) throw end();
      if (b[i + k] !== word.charCodeAt(k)) throw bad(b[i + k], `in literal ${word} (expecting '${word[k]}')`);
    }
    i += word.length;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= b.length) throw end();
      const c = b[i];
      if (c === 0x22) {
        i++;
        return;
      }
      if (c === 0x5c) {
        i++;
        if (i >= b.length) throw end();
        const e = b[i];
        if (e === 0x75) {
          for (let k = 1; k <= 4; k++) {
            if (i + k >= b.length) throw end();
            if (!/[0-9a-fA-F]/.test(String.fromCharCode(b[i + k]))) throw bad(b[i + k], 'in \\u hexadecimal character escape');
          }
          i += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(String.fromCharCode(e))) throw bad(e, 'in string escape code');
        i++;
        continue;
      }
      if (c < 0x20) throw bad(c, 'in string literal');
      i++;
    }
  };
  const number = () => {
    if (b[i] === 0x2d) {
      i++;
      if (i >= b.length) throw end();
      if (!isDigit(b[i])) throw bad(b[i], 'in numeric literal');
    }
    if (b[i] === 0x30) i++;
    else while (i < b.length && isDigit(b[i])) i++;
    if (i < b.length && b[i] === 0x2e) {
      i++;
      if (i >= b.length) throw end();
      if (!isDigit(b[i])) throw bad(b[i], 'after decimal point in numeric literal');
      while (i < b.length && isDigit(b[i])) i++;
    }
    if (i < b.length && (b[i] === 0x65 || b[i] === 0x45)) {
      i++;
      if (i < b.length && (b[i] === 0x2b || b[i] === 0x2d)) i++;
      if (i >= b.length) throw end();
      if (!isDigit(b[i])) throw bad(b[i], 'in exponent of numeric literal');
      while (i < b.length && isDigit(b[i])) i++;
    }
  };
  let depth = 0;
  const value = (): void => {
    skip();
    if (i >= b.length) throw end();
    const c = b[i];
    if ((c === 0x7b || c === 0x5b) && depth >= maxNestingDepth) throw bad(c, 'exceeded max depth');
    if (c === 0x7b) {
      depth++;
      i++;
      skip();
      if (i >= b.length) throw end();
      if (b[i] === 0x7d) {
        i++;
        depth--;
        return;
      }
      for (;;) {
        skip();
        if (i >= b.length) throw end();
        if (b[i] !== 0x22) throw bad(b[i], 'looking for beginning of object key string');
        string();
        skip();
        if (i >= b.length) throw end();
        if (b[i] !== 0x3a) throw bad(b[i], 'after object key');
        i++;
        value();
        skip();
        if (i >= b.length) throw end();
        if (b[i] === 0x2c) {
          i++;
          continue;
        }
        if (b[i] === 0x7d) {
          i++;
          depth--;
          return;
        }
        throw bad(b[i], 'after object key:value pair');
      }
    }
    if (c === 0x5b) {
      depth++;
      i++;
      skip();
      if (i >= b.length) throw end();
      if (b[i] === 0x5d) {
        i++;
        depth--;
        return;
      }
      for (;;) {
        value();
        skip();
        if (i >= b.length) throw end();
        if (b[i] === 0x2c) {
          i++;
          continue;
        }
        if (b[i] === 0x5d) {
          i++;
          depth--;
          return;
        }
        throw bad(b[i], 'after array element');
      }
    }
    if (c === 0x22) string();
    else if (c === 0x2d || isDigit(c)) number();
    else if (c === 0x74) literal('true');
    else if (c === 0x66) literal('false');
    else if (c === 0x6e) literal('null');
    else throw bad(c, 'looking for beginning of value');
  };
  try {
    value();
    skip();
    if (i < b.length) throw bad(b[i], 'after top-level value');
    return undefined;
  } catch (e) {
    if (e instanceof JsonSyntaxError) return e.message;
    throw e;
  }
}
