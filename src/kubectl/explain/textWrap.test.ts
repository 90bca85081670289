/**
 * The two wrappers of kubectl explain: github.com/mitchellh/go-wordwrap v1.0.1 WrapString (the plaintext
 * template's `wrap`) and kubernetes/kubectl v0.34.0 pkg/explain/formatter.go wrapString (plaintext-openapiv2).
 */
import { describe, expect, it } from 'vitest';
import { indent, wordWrap, wrapLines } from './textWrap';

describe('wordWrap (go-wordwrap WrapString)', () => {
  it('breaks at spaces, never inside a word, and keeps the line breaks it is given', () => {
    expect(wordWrap(10, 'aaa bbb ccc ddd')).toBe('aaa bbb\nccc ddd');
    // a word as long as the limit stays whole on a line of its own
    expect(wordWrap(5, 'a verylongword b')).toBe('a\nverylongword\nb');
    expect(wordWrap(76, 'first\n\n - second\n')).toBe('first\n\n - second\n');
  });

  it('indents every line, blank ones included, as the template’s indent does', () => {
    expect(indent(4, 'a\n\nb\n')).toBe('    a\n    \n    b\n    ');
  });
});

describe('wrapLines (formatter.go wrapString)', () => {
  it('re-flows lines, keeping code blocks, lists, lines after a colon, and blank lines once a line is out', () => {
    expect(wrapLines('a b c', 3)).toEqual(['a b', 'c']);
    // the first blank line comes before any line was flushed: it only ends the paragraph
    expect(wrapLines('one\ntwo\n\n    code\nlist:\n- x\n- y', 80)).toEqual(['one two', '    code', 'list:', '- x', '- y']);
    expect(wrapLines('a\n\nb\n\nc', 80)).toEqual(['a', 'b', '', 'c']);
  });
});
