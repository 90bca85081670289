import { isValidElement } from 'react';
import { describe, expect, it } from 'vitest';
import { richText } from './richText';

describe('richText', () => {
  it('turns backticked words into <code> and keeps the text around them', () => {
    const out = richText('a `graph TD` sketch');
    expect(out[0]).toBe('a ');
    expect(isValidElement(out[1]) && out[1].type).toBe('code');
    expect(out[2]).toBe(' sketch');
  });

  it('puts the given element where its placeholder is, and leaves an unknown placeholder visible', () => {
    const out = richText('{title} (left out) {other}', { title: 'X' });
    expect(isValidElement(out[1])).toBe(true);
    expect(out.join('|')).toContain('{other}');
  });
});
