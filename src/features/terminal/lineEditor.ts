/**
 * The terminal's line editor, independent of xterm: turns key sequences into edits of one input line and
 * tells the host what to do (redraw, submit, complete, interrupt, clear, end of input). History moves with ↑/↓.
 */
export type EditorAction =
  | { type: 'redraw' }
  | { type: 'submit'; line: string }
  | { type: 'complete'; line: string }
  | { type: 'interrupt' }
  | { type: 'clear' }
  /** Ctrl+D on an empty line: end of input (a shell reading the terminal exits); elsewhere it deletes forward. */
  | { type: 'eof' };

export class LineEditor {
  buffer = '';
  cursor = 0;
  private history: string[];
  /** Position while browsing history; history.length means "the line being typed". */
  private index: number;
  private draft = '';

  constructor(history: readonly string[] = []) {
    this.history = [...history];
    this.index = this.history.length;
  }

  get entries(): readonly string[] {
    return this.history;
  }

  /** Handles raw terminal input (one key, an escape sequence, or pasted text). */
  handle(data: string): EditorAction[] {
    const actions: EditorAction[] = [];
    let i = 0;
    while (i < data.length) {
      const rest = data.slice(i);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences start with ESC by definition
      const seq = /^\x1b\[(?:[0-9;]*[A-Za-z~])/.exec(rest)?.[0] ?? /^\x1bO[A-Za-z]/.exec(rest)?.[0];
      if (seq) {
        this.escape(seq, actions);
        i += seq.length;
        continue;
      }
      const ch = data[i];
      i++;
      switch (ch) {
        case '\r':
        case '\n': {
          if (ch === '\n' && data[i - 2] === '\r') break;
          const line = this.buffer;
          if (line.trim() && this.history[this.history.length - 1] !== line) this.history.push(line);
          if (this.history.length > 500) this.history.splice(0, this.history.length - 500);
          this.index = this.history.length;
          this.buffer = '';
          this.cursor = 0;
          actions.push({ type: 'submit', line });
          break;
        }
        case '\x7f':
        case '\b':
          if (this.cursor > 0) {
            this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
            this.cursor--;
            actions.push({ type: 'redraw' });
          }
          break;
        case '\t':
          actions.push({ type: 'complete', line: this.buffer.slice(0, this.cursor) });
          break;
        case '\x03':
          this.buffer = '';
          this.cursor = 0;
          actions.push({ type: 'interrupt' });
          break;
        case '\x0c':
          actions.push({ type: 'clear' });
          break;
        case '\x04':
          // readline's delete-char-or-EOF
          if (this.buffer === '') actions.push({ type: 'eof' });
          else if (this.cursor < this.buffer.length) {
            this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
            actions.push({ type: 'redraw' });
          }
          break;
        case '\x01':
          this.cursor = 0;
          actions.push({ type: 'redraw' });
          break;
        case '\x05':
          this.cursor = this.buffer.length;
          actions.push({ type: 'redraw' });
          break;
        case '\x15':
          this.buffer = this.buffer.slice(this.cursor);
          this.cursor = 0;
          actions.push({ type: 'redraw' });
          break;
        default:
          if (ch >= ' ') {
            this.insert(ch);
            if (actions[actions.length - 1]?.type !== 'redraw') actions.push({ type: 'redraw' });
          }
      }
    }
    return actions;
  }

  /** Replaces the text from `from` to the cursor (a completion). */
  replace(from: number, text: string): void {
    this.buffer = this.buffer.slice(0, from) + text + this.buffer.slice(this.cursor);
    this.cursor = from + text.length;
  }

  private insert(text: string): void {
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
  }

  private escape(seq: string, actions: EditorAction[]): void {
    const code = seq.slice(-1);
    if (code === 'D' && this.cursor > 0) this.cursor--;
    else if (code === 'C' && this.cursor < this.buffer.length) this.cursor++;
    else if (code === 'H') this.cursor = 0;
    else if (code === 'F') this.cursor = this.buffer.length;
    else if (seq === '\x1b[3~' && this.cursor < this.buffer.length) this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
    else if (code === 'A' || code === 'B') {
      if (this.index === this.history.length) this.draft = this.buffer;
      const next = code === 'A' ? Math.max(0, this.index - 1) : Math.min(this.history.length, this.index + 1);
      if (next === this.index) return;
      this.index = next;
      this.buffer = next === this.history.length ? this.draft : this.history[next];
      this.cursor = this.buffer.length;
    } else return;
    actions.push({ type: 'redraw' });
  }
}

/** The longest prefix all candidates share (bash completes that much on Tab). */
export function commonPrefix(items: readonly string[]): string {
  if (items.length === 0) return '';
  let p = items[0];
  for (const s of items) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}
