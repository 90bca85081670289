/**
 * Here-documents at the user's shells (bash manual, 3.6.6 Here Documents): after `kubectl apply -f - <<EOF` the
 * shell reads the next lines, up to one that is only `EOF`, as the command's standard input; `<<-EOF` strips the
 * leading tabs of those lines and of the delimiter line; a delimiter with any part quoted (`<<'EOF'`, `<<"EOF"`,
 * `<<\EOF`) keeps the body literal, else it is expanded when the command runs (hereDocumentBody.ts). Bash reads
 * a body after the newline that ends the command line (parse.y gather_here_documents), so the operator may sit
 * anywhere in a list or loop, several on one line taking their bodies in turn.
 *
 * The shells see a script as text (their lines joined by newlines). {@link readHereDocuments} takes the bodies out
 * of it and folds each into its operator as one inert word (hereDocumentToken.ts), so the list grammar
 * (shellLists.ts) never sees YAML, and each simple command carries its own stdin to the pipeline that runs it.
 */
import { type HereDocument, hereDocumentToken } from './hereDocumentToken';

export type { HereDocument } from './hereDocumentToken';

/** What the shell reads of a script's here-documents. */
export type HereDocumentScan =
  /** Every body was read: `script` is the text with the bodies folded into their operators. */
  | { kind: 'read'; script: string; bodyLines: number[] }
  /**
   * The text ends inside a body (or before one): an interactive shell prompts with PS2 and reads on. `joining`:
   * its last line ends in a `\` that joins the next one.
   */
  | { kind: 'open'; delimiter: string; line: number; bodyLines: number[]; joining: boolean }
  /** `<<` with no word after it: bash's syntax error. */
  | { kind: 'error'; message: string };

interface Pending {
  /** Where its token goes in the output. */
  slot: number;
  delimiter: string;
  quoted: boolean;
  stripTabs: boolean;
  /** 0-based line of the text the operator is on. */
  line: number;
}

/** Characters that end a word outside quotes (bash's metacharacters). */
const metacharacter = /[\s;&|<>()]/;

/**
 * Reads the here-documents of `text`. `bodyLines` are the 0-based lines that belong to bodies (delimiter lines
 * included): a shell that joins a line ending in `\` to the next, or skips blank and comment lines, leaves them be.
 */
export function readHereDocuments(text: string): HereDocumentScan {
  const parts: string[] = [];
  const docs: HereDocument[] = [];
  const bodyLines: number[] = [];
  let pending: Pending[] = [];
  let quote: '"' | "'" | undefined;
  // inside `$( … )` and `$(( … ))`: a command substitution's `<<` is its own, an arithmetic `<<` a shift
  let depth = 0;
  let line = 0;
  let out = '';
  let i = 0;
  const copy = (n: number) => {
    const s = text.slice(i, i + n);
    for (const ch of s) if (ch === '\n') line++;
    out += s;
    i += n;
  };
  while (i < text.length) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      copy(1);
      continue;
    }
    if (c === '\\') {
      copy(2);
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      copy(1);
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      copy(1);
      continue;
    }
    if (c === '$' && text[i + 1] === '(') {
      depth++;
      copy(2);
      continue;
    }
    if (depth > 0) {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      copy(1);
      continue;
    }
    if (c === '#' && (i === 0 || /[\s;&|()]/.test(text[i - 1]))) {
      // a comment runs to the end of its line (bash manual, 3.1.3 Comments): a `<<` there is not an operator
      const end = text.indexOf('\n', i);
      copy((end < 0 ? text.length : end) - i);
      continue;
    }
    if (text.startsWith('<<<', i)) {
      // a here-string, which these shells do not run: parseLine refuses its `<`
      copy(3);
      continue;
    }
    if (c === '<' && text[i + 1] === '<') {
      const operator = readOperator(text, i + 2);
      if ('message' in operator) return { kind: 'error', message: operator.message };
      parts.push(out);
      out = '';
      pending.push({ slot: parts.length, delimiter: operator.delimiter, quoted: operator.quoted, stripTabs: operator.stripTabs, line });
      parts.push('');
      i = operator.end;
      continue;
    }
    if (c === '\n' && pending.length > 0) {
      copy(1);
      for (const p of pending) {
        let body = '';
        for (;;) {
          if (i >= text.length) return { kind: 'open', delimiter: p.delimiter, line: p.line, bodyLines, joining: false };
          let raw = '';
          // unquoted, `\` newline joins the next line before tabs are stripped and the delimiter is matched
          // (bash 5.2: `a\` then `EOF` reads `aEOF`, still in the body)
          for (let joined = true; joined; ) {
            if (i >= text.length) return { kind: 'open', delimiter: p.delimiter, line: p.line, bodyLines, joining: raw !== '' };
            const end = text.indexOf('\n', i);
            raw += end < 0 ? text.slice(i) : text.slice(i, end);
            bodyLines.push(line);
            line++;
            i = end < 0 ? text.length : end + 1;
            joined = !p.quoted && /(^|[^\\])(\\\\)*\\$/.test(raw);
            if (joined) raw = raw.slice(0, -1);
          }
          const read = p.stripTabs ? raw.replace(/^\t+/, '') : raw;
          if (read === p.delimiter) break;
          body += `${read}\n`;
        }
        docs.push({ body, quoted: p.quoted, delimiter: p.delimiter });
        parts[p.slot] = hereDocumentToken(docs[docs.length - 1]);
      }
      pending = [];
      continue;
    }
    copy(1);
  }
  if (pending.length > 0) return { kind: 'open', delimiter: pending[0].delimiter, line: pending[0].line, bodyLines, joining: false };
  parts.push(out);
  return { kind: 'read', script: parts.join(''), bodyLines };
}

/**
 * The operator after `<<`: an optional `-`, blanks, then the delimiter word; its quotes are removed and make the
 * body literal (bash manual, 3.6.6: "If any part of word is quoted, the delimiter is the result of quote removal
 * on word, and the lines in the here-document are not expanded").
 */
function readOperator(text: string, from: number): { delimiter: string; quoted: boolean; stripTabs: boolean; end: number } | { message: string } {
  let i = from;
  const stripTabs = text[i] === '-';
  if (stripTabs) i++;
  while (text[i] === ' ' || text[i] === '\t') i++;
  let delimiter = '';
  let quoted = false;
  let quote: string | undefined;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else delimiter += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      quoted = true;
    } else if (c === '\\' && i + 1 < text.length) {
      delimiter += text[++i];
      quoted = true;
    } else if (metacharacter.test(c)) break;
    else delimiter += c;
  }
  if (!delimiter && !quoted) {
    // bash: syntax error near unexpected token `newline' (or the operator that follows)
    const token = i >= text.length || text[i] === '\n' ? 'newline' : (/^(;;|&&|\|\||<<|>>|[;&|<>()])/.exec(text.slice(i))?.[0] ?? 'newline');
    return { message: `svcsim: syntax error near unexpected token \`${token}'\n` };
  }
  return { delimiter, quoted, stripTabs, end: i };
}

/**
 * The input ended inside here-documents: as bash does, each open body ends there, with its warning (bash
 * make_here_document: "here-document at line N delimited by end-of-file (wanted `EOF')"). Returns the text
 * completed with the missing delimiter lines, and for each the 0-based line its operator is on.
 */
export function endHereDocuments(text: string): { text: string; warnings: Array<{ line: number; delimiter: string }> } {
  const warnings: Array<{ line: number; delimiter: string }> = [];
  let completed = text;
  for (let scan = readHereDocuments(completed); scan.kind === 'open'; scan = readHereDocuments(completed)) {
    warnings.push({ line: scan.line, delimiter: scan.delimiter });
    // a delimiter with a newline in it can never be matched by one line: stop there
    if (scan.delimiter.includes('\n') || warnings.length > 64) break;
    // a last line ending in `\` joins nothing: bash drops the backslash (an empty line joined to it)
    completed += `${scan.joining ? '\n' : ''}\n${scan.delimiter}`;
  }
  return { text: completed, warnings };
}

/** bash's warning for a here-document the input ended in (`line` 1-based, as bash counts its input lines). */
export function endOfFileWarning(line: number, delimiter: string): string {
  return `warning: here-document at line ${line} delimited by end-of-file (wanted \`${delimiter}')\n`;
}
