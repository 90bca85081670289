import { describe, expect, it } from 'vitest';
import { createPrng } from './prng';

describe('Prng', () => {
  it('uint32 gives the bits int(2^k) would have drawn', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    for (let i = 0; i < 10_000; i++) {
      const k = [2, 4, 16, 32][i % 4];
      expect(b.uint32() >>> (32 - k)).toBe(a.int(2 ** k));
    }
  });
});
