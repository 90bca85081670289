/**
 * kubectl describe's output plumbing (`pkg/describe/describe.go`): `tabbedString` runs a describer against a Go
 * tabwriter (minwidth 0, padding 2) and `PrefixWriter` indents by two spaces per level and escapes terminal
 * control characters (`printers.WriteEscaped`).
 */
import { escapeTerminal } from '../printers/humanReadablePrinter';
import { TabWriter, describeWriterOptions } from '../printers/tabWriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** Where a PrefixWriter writes: a describe tabwriter, or a plain buffer (rollout history prints raw tabs). */
export interface TextSink {
  write(text: string): void;
}

/** Writes text at an indentation level. */
export class PrefixWriter {
  constructor(private readonly w: TextSink) {}

  /** `Write(level, format, ...)`: the text is already formatted. */
  write(level: number, text: string): void {
    this.w.write(escapeTerminal('  '.repeat(level) + text));
  }

  /** `WriteLine(a...)`: the arguments joined by spaces, plus a newline. */
  writeLine(...parts: string[]): void {
    this.w.write(escapeTerminal(`${parts.join(' ')}\n`));
  }
}

/** Runs `f` against a describe tabwriter and returns the aligned text. */
export function tabbedString(f: (w: PrefixWriter) => void): string {
  let out = '';
  const tw = new TabWriter((s) => {
    out += s;
  }, describeWriterOptions);
  f(new PrefixWriter(tw));
  tw.flush();
  return out;
}

/** Runs `f` against a plain buffer (`describe.NewPrefixWriter(buf)` without a tabwriter): tabs stay tabs. */
export function untabbedString(f: (w: PrefixWriter) => void): string {
  let out = '';
  f(new PrefixWriter({ write: (s) => (out += s) }));
  return out;
}
