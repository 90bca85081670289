/**
 * Deterministic hex identifiers: image digests derived from the image name (the same image has the same
 * digest on every node and in every run) and container / sandbox IDs drawn from the cluster's PRNG.
 */
import type { Prng } from '../../shared/prng';

/** 64 hex characters (a sha256-sized value) derived only from `seed`. */
export function hexFromString(seed: string): string {
  // FNV-1a over the seed, then splitmix32 to stretch it to 256 bits.
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return hexWords(h);
}

/** 64 random hex characters, like a containerd container or sandbox ID. */
export function randomHex64(rand: Prng): string {
  // two draws seed a splitmix32 stream for the eight 32-bit words (cheaper than eight draws)
  return hexWords((rand.int(0x1_0000_0000) ^ Math.imul(rand.int(0x1_0000_0000), 0x9e3779b1)) >>> 0);
}

/** Eight 32-bit words of a splitmix32 stream from `seed` as 64 hex characters, one flat string (join, not +=). */
function hexWords(seed: number): string {
  let s = seed;
  const words: string[] = new Array(8);
  for (let i = 0; i < 8; i++) {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    words[i] = hex8((z ^ (z >>> 16)) >>> 0);
  }
  return words.join('');
}

function hex8(w: number): string {
  const h = w.toString(16);
  return h.length === 8 ? h : '00000000'.slice(h.length) + h;
}
