/**
 * What a command reads from a here-document (bash manual, 3.6.6 Here Documents): with a quoted delimiter the
 * body as it was typed; else "all lines of the here-document are subjected to parameter expansion, command
 * substitution, and arithmetic expansion, the character sequence \newline is ignored, and '\' must be used to
 * quote the characters '\', '$', and '`'". Quotes are ordinary characters there: `'$HOME'` in a body expands.
 * A `\` newline was already joined when the body was read (hereDocuments.ts), as bash joins it there.
 *
 * The expansions are the ones the user's shells run on a line (src/kubectl/shellWords.ts): `$NAME`, `${NAME}`,
 * `$?` and `$(command)`. Arithmetic `$((…))`, backquotes and `${NAME:-word}`-style operators stay as typed.
 */
import { closingParen } from '../shellWords';
import type { HereDocument } from './hereDocumentToken';

/** The body's text as the command's stdin; `expand` is the shell's expansion of one `$…` (its variables, `$?`, `$(…)`). */
export function hereDocumentInput(doc: HereDocument, expand: (text: string) => string): string {
  if (doc.quoted) return doc.body;
  const body = doc.body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    const next = body[i + 1];
    if (c === '\\' && next !== undefined && '$`\\'.includes(next)) {
      out += next;
      i++;
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    if (next === '(' && body[i + 2] !== '(') {
      const end = closingParen(body, i + 2);
      out += expand(body.slice(i, end + 1));
      i = end;
      continue;
    }
    const name = /^(\{[A-Za-z_][A-Za-z0-9_]*\}|\{\?\}|[A-Za-z_][A-Za-z0-9_]*|\?)/.exec(body.slice(i + 1));
    if (!name) {
      out += c;
      continue;
    }
    out += expand(`$${name[0]}`);
    i += name[0].length;
  }
  return out;
}
