/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32).
 * Every random choice in the simulation comes from one instance owned by the cluster, so the same seed and
 * the same commands always give the same IPs, names and delays, in Node and in the browser.
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [min, max] (both inclusive). */
  between(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /**
   * The next raw 32-bit output. `int(2 ** k)` is exactly its top k bits (`>>> (32 - k)`), one call instead
   * of three for code that draws many small powers of two (uids).
   */
  uint32(): number;
  /** The generator's internal state, so a cluster can be snapshotted and resumed. */
  state(): [number, number, number, number];
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Creates a generator from a seed, or resumes one from a saved state. */
export function createPrng(seed: number, state?: [number, number, number, number]): Prng {
  let a: number;
  let b: number;
  let c: number;
  let d: number;
  if (state) {
    [a, b, c, d] = state;
  } else {
    const sm = splitmix32(seed);
    a = sm();
    b = sm();
    c = sm();
    d = sm();
  }
  const nextU32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  // warm up so that close seeds diverge
  for (let i = 0; i < 12; i++) nextU32();
  const next = () => nextU32() / 4294967296;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    between: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    uint32: nextU32,
    state: () => [a, b, c, d],
  };
}
