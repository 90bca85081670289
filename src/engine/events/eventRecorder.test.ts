import { describe, expect, it } from 'vitest';
import { createPrng } from '../../shared/prng';
import { nanosHex } from './eventRecorder';

describe('event names', () => {
  it('spell ms × 10^6 + n in hex exactly, past 2^53', () => {
    const rand = createPrng(3);
    const cases: [number, number][] = [
      [0, 0],
      [0, 7],
      [2 ** 24 - 1, 999_999],
      [2 ** 24, 0],
      [Date.UTC(2026, 0, 5, 9), 0],
      [Date.UTC(2026, 0, 5, 9), 999_999],
    ];
    for (let i = 0; i < 5000; i++) cases.push([rand.int(2 ** 43), rand.int(1_000_000)]);
    for (const [ms, n] of cases) expect(nanosHex(ms, n)).toBe((BigInt(ms) * 1_000_000n + BigInt(n)).toString(16));
  });
});
