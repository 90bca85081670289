/**
 * The syntax error Go's encoding/json reports for text that is not JSON (its scanner, `encoding/json/scanner.go`):
 * `invalid character 'x' looking for beginning of value`, `unexpected end of JSON input`, … The apiserver
 * quotes it where it unmarshals text itself, as ValidateSecret does with a `.dockerconfigjson`. Undefined when
 * the text is valid JSON.
 */

/** `quoteChar`: the offending byte as the scanner prints it. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

class SyntaxFail {
  constructor(readonly message: string) {}
}

const eof = new SyntaxFail('unexpected end of JSON input');

export function goJsonSyntaxError(text: string): string | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const peek = (): string => {
    if (i >= text.length) throw eof;
    return text[i];
  };
  const bad = (context: string): never => {
    throw new SyntaxFail(`invalid character ${quoteChar(text[i])} ${context}`);
  };
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (peek() !== word[k]) bad(`in literal ${word} (expecting ${quoteChar(word[k])})`);
    }
    i++;
  };
  const digits = () => {
    while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
  };
  const number = () => {
    if (text[i] === '-') {
      i++;
      const c = peek();
      if (c < '0' || c > '9') bad('in numeric literal');
    }
    if (text[i] === '0') i++;
    else digits();
    if (i < text.length && text[i] === '.') {
      i++;
      const c = peek();
      if (c < '0' || c > '9') bad('after decimal point in numeric literal');
      digits();
    }
    if (i < text.length && (text[i] === 'e' || text[i] === 'E')) {
      i++;
      if (peek() === '+' || peek() === '-') i++;
      const c = peek();
      if (c < '0' || c > '9') bad('in exponent of numeric literal');
      digits();
    }
  };
  const string = () => {
    i++;
    for (;;) {
      const c = peek();
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        const e = peek();
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            if (!/[0-9a-fA-F]/.test(peek())) bad('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(e)) bad('in string escape code');
        i++;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) bad('in string literal');
      i++;
    }
  };
  const value = (): void => {
    ws();
    const c = peek();
    if (c === '{') {
      i++;
      ws();
      if (peek() === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (peek() !== '"') bad('looking for beginning of object key string');
        string();
        ws();
        if (peek() !== ':') bad('after object key');
        i++;
        value();
        ws();
        if (peek() === ',') {
          i++;
          continue;
        }
        if (peek() === '}') {
          i++;
          return;
        }
        bad('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (peek() === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (peek() === ',') {
          i++;
          continue;
        }
        if (peek() === ']') {
          i++;
          return;
        }
        bad('after array element');
      }
    }
    if (c === '"') string();
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else bad('looking for beginning of value');
  };
  try {
    value();
    ws();
    if (i < text.length) bad('after top-level value');
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxFail) return e.message;
    throw e;
  }
}

/** `json.Unmarshal(text, &map[string]interface{}{})`'s error: syntax first, then a top level that is not an object. */
export function goJsonObjectError(text: string): string | undefined {
  const syntax = goJsonSyntaxError(text);
  if (syntax) return syntax;
  const v: unknown = JSON.parse(text);
  if (v === null || (typeof v === 'object' && !Array.isArray(v))) return undefined;
  const kind = Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v;
  return `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
}
