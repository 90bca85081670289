/**
 * A here-document folded into its command as one inert word, so a simple command of a list carries its own
 * stdin through the list grammar and back to the shell that runs it (as bash keeps the body in the redirection
 * of the command it read it for). The word holds no blank, quote or operator character: statements, pipes and
 * `$…` expansion pass over it; the pipeline parser (pipeline.ts) takes it out of the stage it belongs to. It
 * stands for the whole redirection, `<<` and the delimiter word included.
 */

/** One here-document read for a command. */
export interface HereDocument {
  /** The delimiter word, its quotes removed. */
  delimiter: string;
  /** The lines read, each with its newline (leading tabs already stripped for `<<-`). */
  body: string;
  /** Part of the delimiter was quoted: the body is used as it is; else it is expanded when the command runs. */
  quoted: boolean;
}

/** Private-use characters: a user's line cannot hold them by accident. */
export const tokenStart = '\uE000';
const tokenEnd = '\uE001';

/** encodeURIComponent, and the characters it leaves that the shell's parsers would still see. */
const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function hereDocumentToken(doc: HereDocument): string {
  return `${tokenStart}${doc.quoted ? 'q' : 'u'}${encode(doc.delimiter)}:${encode(doc.body)}${tokenEnd}`;
}

/** The token starting at `from` (at its {@link tokenStart}): the document and where the token ends. */
export function readHereDocumentToken(text: string, from: number): { doc: HereDocument; end: number } | undefined {
  const end = text.indexOf(tokenEnd, from);
  const m = end < 0 ? null : /^([qu])([^:]*):(.*)$/s.exec(text.slice(from + 1, end));
  if (!m) return undefined;
  return { doc: { quoted: m[1] === 'q', delimiter: decodeURIComponent(m[2]), body: decodeURIComponent(m[3]) }, end: end + 1 };
}

/** The text with its operators as the user typed them (`<<EOF`, `<<'EOF'`), for a label: the bodies left out. */
export function withoutBodies(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const token = text[i] === tokenStart ? readHereDocumentToken(text, i) : undefined;
    if (!token) {
      out += text[i];
      continue;
    }
    out += `<<${token.doc.quoted ? `'${token.doc.delimiter}'` : token.doc.delimiter}`;
    i = token.end - 1;
  }
  return out;
}
