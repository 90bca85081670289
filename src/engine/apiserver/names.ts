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

/** A random (version 4) UUID. */
export function newUid(rand: Prng): string {
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += rand.int(16).toString(16);
    return s;
  };
  const variant = (8 + rand.int(4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
