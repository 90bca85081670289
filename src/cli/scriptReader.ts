/**
 * How `svcsim shell` reads its input into commands, as bash reads a script from stdin: a line ending in `\`
 * continues on the next; a compound command (`for … do` … `done`) or a here-document (`<<EOF` … `EOF`) left open
 * reads on, the further lines shown after PS2 (`> `); blank lines and `# comments` are skipped, except inside a
 * here-document's body, which keeps its lines as they are. At the end of the input a body still open ends there
 * with bash's warning (make_here_document: `bash: line 4: warning: here-document at line 3 delimited by
 * end-of-file (wanted `EOF')`), and its command runs with what the body has, as bash runs it.
 */
import { endHereDocuments, endOfFileWarning, readHereDocuments } from '../kubectl/shell/hereDocuments';
import { scriptOf } from '../kubectl/shell/shellLists';

/** A whole command read: its lines as typed (for the transcript), its text to run, and svcsim's warnings first. */
export interface ReadCommand {
  lines: string[];
  text: string;
  warnings: string;
}

export class ScriptReader {
  private pending: string[] = [];
  /** How many lines were read (bash's line number in its input), and the number of the first pending one. */
  private lineNumber = 0;
  private pendingStart = 0;

  /**
   * Reads one line; the command once it is whole, else undefined (read on). `attached`: a shell in a container
   * takes the lines (`kubectl exec -it`), which reads its own syntax: only `\` continues a line for it.
   */
  read(line: string, attached: boolean): ReadCommand | undefined {
    this.lineNumber++;
    const body = !attached && this.pending.length > 0 && readHereDocuments(this.pending.join('\n')).kind === 'open';
    const continued = !body && this.pending[this.pending.length - 1]?.endsWith('\\');
    // blank lines and comments are skipped, also inside a compound command (not after a `\`, which they end)
    if (!continued && !body && /^\s*(#|$)/.test(line)) return undefined;
    if (this.pending.length === 0) this.pendingStart = this.lineNumber;
    this.pending.push(line);
    if ((line.endsWith('\\') && !body) || (!attached && scriptOf(this.text()).kind === 'open')) return undefined;
    return this.take('');
  }

  /** The end of the input: what is still pending, its open here-documents ended with bash's warning. */
  end(attached: boolean): ReadCommand | undefined {
    if (this.pending.length === 0) return undefined;
    const lines = this.pending;
    let warnings = '';
    if (!attached) {
      const ended = endHereDocuments(this.pending.join('\n'));
      for (const w of ended.warnings) warnings += `svcsim: line ${this.lineNumber}: ${endOfFileWarning(this.pendingStart + w.line, w.delimiter)}`;
      this.pending = ended.text.split('\n');
    }
    return { ...this.take(warnings), lines };
  }

  private take(warnings: string): ReadCommand {
    const read = { lines: this.pending, text: this.text(), warnings };
    this.pending = [];
    return read;
  }

  /**
   * The lines pending as one script: a `\` at a line's end joins it to the next, other lines stay lines (and so
   * do a here-document's, which keeps its backslashes for its own reading).
   */
  private text(): string {
    const scan = readHereDocuments(this.pending.join('\n'));
    const body = new Set(scan.kind === 'error' ? [] : scan.bodyLines);
    return this.pending.map((l, i) => (l.endsWith('\\') && !body.has(i) ? `${l.slice(0, -1)} ` : `${l}\n`)).join('').trim();
  }
}
