/**
 * Go's `text/tabwriter` as kubectl uses it: the fork `github.com/liggitt/tabwriter` (cli-runtime
 * `pkg/printers/tabwriter.go`, minwidth 6, tabwidth 4, padding 3, pad ' ', flag RememberWidths) for tables, and
 * the standard writer with minwidth 0, padding 2 for describe (`tabbedString` in kubectl `pkg/describe`).
 *
 * Semantics reproduced from the Go source: cells are tab-terminated, so the text after the last tab of a line is
 * not part of any column; a column block is a run of consecutive lines that have a cell in that column; a block's
 * width is max(minwidth, widest cell + padding); a line with a single cell (no tab) flushes the writer. With
 * RememberWidths, column widths never shrink across flushes (what `kubectl get -w` relies on).
 */

export interface TabWriterOptions {
  minWidth: number;
  padding: number;
  /** Keep the widest width seen per column across flushes (liggitt/tabwriter RememberWidths). */
  rememberWidths?: boolean;
}

interface Cell {
  text: string;
  /** Width in runes, as Go's utf8.RuneCount. */
  width: number;
  /** Terminated by a horizontal tab (as opposed to `\v` or the end of the line). */
  htab: boolean;
}

/** Settings of cli-runtime's GetNewTabWriter, used by every `kubectl get` table. */
export const tableWriterOptions: TabWriterOptions = { minWidth: 6, padding: 3, rememberWidths: true };
/** Settings of kubectl describe's tabbedString: `tabwriter.Init(buf, 0, 8, 2, ' ', 0)`. */
export const describeWriterOptions: TabWriterOptions = { minWidth: 0, padding: 2 };

const runeCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** A streaming tab writer; formatted text goes to `sink` as lines are completed and on flush. */
export class TabWriter {
  private lines: Cell[][] = [[]];
  private cellText = '';
  private widths: number[] = [];
  private maxWidths: number[] = [];

  constructor(
    private readonly sink: (text: string) => void,
    private readonly opts: TabWriterOptions,
  ) {}

  /** Writes text; `\t` and `\v` end a cell, `\n` and `\f` end a line. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cellText += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        // A line with one cell cannot affect the formatting of later lines, so Go flushes right away.
        if (ch === '\f' || ncells === 1) this.flush();
      }
    }
    this.cellText += text.slice(start);
  }

  /** Formats and emits everything buffered. */
  flush(): void {
    if (this.cellText.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cellText = '';
    this.widths = [];
  }

  /** The remembered per-column widths (RememberWidths only). */
  rememberedWidths(): number[] {
    return [...this.maxWidths];
  }

  /** Replaces the remembered widths; `kubectl get` resets them when a new resource type starts. */
  setRememberedWidths(widths: readonly number[]): void {
    this.maxWidths = [...widths];
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cellText, width: runeCount(this.cellText), htab });
    this.cellText = '';
    return line.length;
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= this.lines[t].length - 1) continue;
      // a cell exists in this column: print the lines before the block, then size the block
      this.writeLines(line0, t);
      line0 = t;
      let width = this.opts.minWidth;
      for (; t < line1; t++) {
        const line = this.lines[t];
        if (column >= line.length - 1) break;
        const w = line[column].width + this.opts.padding;
        if (w > width) width = w;
      }
      if (this.opts.rememberWidths) width = this.remember(width);
      this.widths.push(width);
      this.format(line0, t);
      this.widths.pop();
      line0 = t;
    }
    this.writeLines(line0, line1);
  }

  private remember(width: number): number {
    const col = this.widths.length;
    if (this.maxWidths.length < col) this.maxWidths.push(...this.widths.slice(this.maxWidths.length));
    if (this.maxWidths.length === col) this.maxWidths.push(width);
    else if (this.maxWidths[col] > width) return this.maxWidths[col];
    else this.maxWidths[col] = width;
    return width;
  }

  private writeLines(line0: number, line1: number): void {
    let out = '';
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((c, j) => {
        out += c.text;
        if (j < this.widths.length) out += ' '.repeat(Math.max(0, this.widths[j] - c.width));
      });
      // the last buffered line has no newline yet
      if (i + 1 < this.lines.length) out += '\n';
    }
    if (out) this.sink(out);
  }
}

/** Formats a whole text at once with the given settings. */
export function tabify(text: string, opts: TabWriterOptions): string {
  let out = '';
  const w = new TabWriter((s) => {
    out += s;
  }, opts);
  w.write(text);
  w.flush();
  return out;
}
