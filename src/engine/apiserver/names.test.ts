import { describe, expect, it } from 'vitest';
import { createPrng, type Prng } from '../../shared/prng';
import { newUid } from './names';

/** The uid as first written: one draw per hex digit, the variant first. */
function referenceUid(rand: Prng): string {
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += rand.int(16).toString(16);
    return s;
  };
  const variant = (8 + rand.int(4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

describe('newUid', () => {
  it('draws the same uids from the same PRNG as the digit-by-digit version', () => {
    const a = createPrng(9);
    const b = createPrng(9);
    for (let i = 0; i < 2000; i++) expect(newUid(b)).toBe(referenceUid(a));
    expect(b.uint32()).toBe(a.uint32()); // and leaves the generator in the same state
  });
});
