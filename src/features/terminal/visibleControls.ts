/**
 * Text from the simulation (object names, annotations, logs, events, error messages) is shown, never obeyed:
 * every control character except newline and tab is rendered visibly in caret notation, so nothing in a
 * cluster object can clear the screen, recolour text, retitle the tab or make an OSC 8 hyperlink in xterm.
 * The terminal's own styling (prompt colour, cursor moves) is written by the terminal feature itself and
 * never passes through here.
 *
 * Notation as `cat -v` prints it: C0 as `^@`…`^_` (ESC is `^[`, BEL `^G`, a lone CR `^M`), DEL as `^?`,
 * C1 (U+0080–U+009F, which xterm.js also parses as controls: U+009B is CSI, U+009D is OSC) as `M-^@`…`M-^_`.
 * CR LF is kept as a line break.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this module's job
const controls = /\r\n|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

function caret(ch: string): string {
  if (ch === '\r\n') return '\n';
  const code = ch.charCodeAt(0);
  if (code === 0x7f) return '^?';
  if (code >= 0x80) return `M-^${String.fromCharCode(code - 0x80 + 0x40)}`;
  return `^${String.fromCharCode(code + 0x40)}`;
}

/** `text` with every control character but `\n` and `\t` made visible (see the module comment). */
export function showControls(text: string): string {
  return text.replace(controls, caret);
}
