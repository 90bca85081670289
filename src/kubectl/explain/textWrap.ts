/**
 * The two ways `kubectl explain` wraps descriptions, which differ on purpose-free details that show in the output
 * (where a line breaks, whether a blank line keeps its indentation), so each is reproduced as is:
 *
 * - {@link wordWrap}: the plaintext template's `wrap` (kubernetes/kubectl v0.34.0 pkg/explain/v2/funcs.go →
 *   pkg/util/term/term_writer.go → github.com/mitchellh/go-wordwrap v1.0.1 WrapString), with its `indent`.
 * - {@link wrapLines}: the openapiv2 printer's Formatter (kubernetes/kubectl v0.34.0 pkg/explain/formatter.go).
 */

/** Go's unicode.IsSpace. */
function isSpace(c: string): boolean {
  switch (c) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case '\u0085':
    case '\u00a0':
    case '\u1680':
    case '\u2028':
    case '\u2029':
    case '\u202f':
    case '\u205f':
    case '\u3000':
      return true;
    default:
      return c >= '\u2000' && c <= '\u200a';
  }
}

const nbsp = '\u00a0';

/**
 * go-wordwrap's WrapString: breaks at white space so no line passes `lim` characters (runes), keeps the line
 * breaks it is given, and never breaks a word (a word of `lim` or more stays whole on its own line).
 */
export function wordWrap(lim: number, s: string): string {
  let out = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  for (const c of s) {
    if (c === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > lim) current = 0;
        else {
          current += spaceLen;
          out += space;
        }
        space = '';
        spaceLen = 0;
      } else {
        current += spaceLen + wordLen;
        out += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      out += c;
      current = 0;
    } else if (isSpace(c) && c !== nbsp) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += c;
      spaceLen++;
    } else {
      word += c;
      wordLen++;
      if (current + wordLen + spaceLen > lim && wordLen < lim) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) out += space;
  } else out += space + word;
  return out;
}

/** The template's `indent`: `amount` spaces before the text and after every line break in it. */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.replaceAll('\n', `\n${pad}`);
}

const bullet = /^(\d+\.?|-|\*)\s/;
const utf8 = new TextEncoder();

function shouldStartNewLine(lastWord: string, str: string): boolean {
  // preserve line breaks ending in :
  if (lastWord.endsWith(':')) return true;
  // preserve code blocks
  if (str.startsWith('    ')) return true;
  const t = str.trim();
  // preserve empty lines, and lines that look like they start lists
  return t.length === 0 || bullet.test(t);
}

/** Go's strings.Fields. */
function fields(s: string): string[] {
  const out: string[] = [];
  let w = '';
  for (const c of s) {
    if (isSpace(c)) {
      if (w) out.push(w);
      w = '';
    } else w += c;
  }
  if (w) out.push(w);
  return out;
}

/** formatter.go's wrapString: the lines of `str` re-flowed to `wrap` columns, as the openapiv2 printer wraps. */
export function wrapLines(str: string, wrap: number): string[] {
  const wrapped: string[] = [];
  let line: string[] = [];
  // Go's len: bytes, not characters
  const lineLen = (words: string[]) => utf8.encode(words.join(' ')).length;
  let lastWord = '';
  const flush = () => {
    if (line.length > 0) {
      lastWord = '';
      wrapped.push(line.join(' '));
      line = [];
    }
  };
  // It is always possible to add to an empty line.
  const add = (w: string) => {
    if (lineLen([...line, w]) <= wrap || line.length === 0) {
      line.push(w);
      return true;
    }
    return false;
  };
  for (const s of str.split('\n')) {
    // preserve code blocks and blockquotes as-is
    if (s.startsWith('    ')) {
      flush();
      wrapped.push(s);
      continue;
    }
    // preserve empty lines after the first line, since they can separate logical sections
    if (wrapped.length > 0 && s.trim().length === 0) {
      flush();
      wrapped.push('');
      continue;
    }
    if (shouldStartNewLine(lastWord, s)) flush();
    for (const w of fields(s)) {
      lastWord = w;
      if (!add(w)) {
        flush();
        add(w);
      }
    }
  }
  flush();
  return wrapped;
}
