/** Name and uid generation from the cluster's seeded PRNG. */
import type { Prng } from '../../shared/prng';

/**
 * The alphabet of `k8s.io/apimachinery/pkg/util/rand.String`: no vowels (no accidental words) and no
 * confusable characters (0, 1, 3 are missing).
 */
export const nameSuffixAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** `SimpleNameGenerator`: five random characters appended to generateName (trimmed so the result fits 63). */
export function generateName(base: string, rand: Prng): string {
  const maxGeneratedNameLength = 58;
  const prefix = base.length > maxGeneratedNameLength ? base.slice(0, maxGeneratedNameLength) : base;
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += nameSuffixAlphabet[rand.int(nameSuffixAlphabet.length)];
  return prefix + suffix;
}

/** Character codes of the hex digits. */
const hexCodes: readonly number[] = Object.freeze([...'0123456789abcdef'].map((c) => c.charCodeAt(0)));
/** Where the random hex digits of a uid go (`xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx`), in the order they are drawn. */
const uidDigitPositions: readonly number[] = Object.freeze([
  0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 15, 16, 17, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,
]);
/** The character codes of a uid's fixed parts (the dashes and the version digit). */
const uidTemplate: readonly number[] = Object.freeze([...'00000000-0000-4000-0000-000000000000'].map((c) => c.charCodeAt(0)));

/** A buffer for {@link newUid}: the caller's own, reused for every uid it makes. */
export function newUidBuffer(): number[] {
  return uidTemplate.slice();
}

/** A random (version 4) UUID, spelled in `codes` (a {@link newUidBuffer}; its random digits are overwritten). */
export function newUid(rand: Prng, codes: number[] = newUidBuffer()): string {
  // one string made from character codes: appending digit by digit made 32 intermediate strings
  // rand.int(4) and rand.int(16) are the top 2 and 4 bits of the next draw; the variant is drawn first
  codes[19] = hexCodes[8 + (rand.uint32() >>> 30)];
  for (let i = 0; i < uidDigitPositions.length; i++) codes[uidDigitPositions[i]] = hexCodes[rand.uint32() >>> 28];
  return String.fromCharCode.apply(null, codes);
}
