import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha512Hex } from './sha512';

describe('sha512Hex', () => {
  it('gives the FIPS 180-4 example digests', () => {
    // NIST CSRC "Examples with Intermediate Values", SHA-512: one block, two blocks, and the empty message
    expect(sha512Hex('abc')).toBe(
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    );
    expect(sha512Hex('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu')).toBe(
      '8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909',
    );
    expect(sha512Hex('')).toBe(
      'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
    );
  });

  it('agrees with Node at every padding boundary and on non-ASCII text', () => {
    for (const n of [1, 111, 112, 113, 127, 128, 129, 239, 240, 256, 1000]) {
      const text = 'x'.repeat(n);
      expect(sha512Hex(text)).toBe(createHash('sha512').update(text).digest('hex'));
    }
    expect(sha512Hex('Grüße ☃')).toBe(createHash('sha512').update('Grüße ☃').digest('hex'));
  });
});
