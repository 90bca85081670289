import { describe, expect, it } from 'vitest';
import { showControls } from './visibleControls';

describe('showControls', () => {
  it('keeps printable text, newlines and tabs as they are', () => {
    expect(showControls('NAME\tREADY\nweb-1\t1/1\n')).toBe('NAME\tREADY\nweb-1\t1/1\n');
    expect(showControls('naïve ☸ 日本')).toBe('naïve ☸ 日本');
  });

  it('shows ESC, so CSI/SGR/OSC sequences are inert text', () => {
    expect(showControls('\x1b[2J\x1b[31mred\x1b[0m')).toBe('^[[2J^[[31mred^[[0m');
    expect(showControls('\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07')).toBe('^[]8;;https://evil.example/^Gclick^[]8;;^G');
  });

  it('shows every other C0 control and DEL in caret notation', () => {
    expect(showControls('\x00\x07\x08\x0b\x0c\x1f\x7f')).toBe('^@^G^H^K^L^_^?');
  });

  it('shows a lone carriage return but keeps CR LF as a line break', () => {
    expect(showControls('progress 10%\rprogress 90%\r\ndone')).toBe('progress 10%^Mprogress 90%\ndone');
  });

  it('shows C1 controls (8-bit CSI and OSC) as M-^ notation', () => {
    expect(showControls('\x9b2J\x9d0;title\x9c\x80\x9f')).toBe('M-^[2JM-^]0;titleM-^\\M-^@M-^_');
  });

  it('never lets a control character through', () => {
    let all = '';
    for (let c = 0; c < 0xa0; c++) all += String.fromCharCode(c);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none are left
    expect(showControls(all)).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });
});
