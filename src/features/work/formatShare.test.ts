import { describe, expect, it } from 'vitest';
import { formatShare } from './formatShare';

describe('formatShare', () => {
  it('prints whole percents, never rounding up to done, and two digits for tiny shares', () => {
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(0.125)).toBe('12%');
    expect(formatShare(0.9999)).toBe('99%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0.0000123)).toBe('0.0012%');
    expect(formatShare(-1)).toBe('0%');
  });
});
