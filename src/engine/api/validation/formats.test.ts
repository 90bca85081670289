/**
 * IPv4 parsing behind `validateIP` (`IsValidIP`, k8s.io/apimachinery/pkg/util/validation): leading zeros
 * parse and are reported by the caller as their own error. The one-pass parser must accept and reject
 * exactly what "four dot-separated parts of 1–3 digits, each ≤ 255" does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIP } from './formats';

/** The rule written the plain way: split on dots, test each part. */
function reference(s: string) {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  let leadingZeros = false;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    if (p.length > 1 && p.startsWith('0')) leadingZeros = true;
    bytes.push(v);
  }
  return { family: 'IPv4', canonical: bytes.join('.'), leadingZeros, bytes };
}

describe('parseIP (IPv4)', () => {
  it('agrees with split-and-test on dotted text', () => {
    const piece = fc.oneof(fc.integer({ min: 0, max: 999 }).map(String), fc.constantFrom('', '0', '00', '007', '256', '1000', 'a', ' 1', '٣', '-1', '+1'));
    const text = fc.oneof(
      fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join('.')),
      fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9', '.', 'x', ':') }),
    );
    fc.assert(
      fc.property(text, (s) => {
        const got = parseIP(s);
        const want = reference(s);
        // text that is not a dotted quad may still be IPv6 (':'): only compare what the IPv4 rule decides
        if (s.includes(':')) return;
        expect(got).toEqual(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps leading zeros apart and canonicalises', () => {
    expect(parseIP('010.001.0.255')).toEqual({ family: 'IPv4', canonical: '10.1.0.255', leadingZeros: true, bytes: [10, 1, 0, 255] });
    expect(parseIP('1.2.3.256')).toBeUndefined();
    expect(parseIP('1.2.3.4.')).toBeUndefined();
    expect(parseIP('1.2.3')).toBeUndefined();
    expect(parseIP('1.2.3.0004')).toBeUndefined();
  });
});
