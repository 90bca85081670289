/**
 * The hashes in kube-proxy's chain names. iptables: `KUBE-SVC-` + the first 16 characters of the base32
 * (RFC 4648, A–Z2–7) encoding of sha256(servicePortName + protocol), and `KUBE-SEP-` the same over
 * servicePortName + protocol + endpoint (kubernetes/kubernetes pkg/proxy/iptables/proxier.go `portProtoHash`,
 * `servicePortEndpointChainName`). nftables uses the first 8 characters of the same encoding over its own key
 * (pkg/proxy/nftables/proxier.go `hashAndTruncate`). Pure TypeScript so the engine needs no async WebCrypto.
 */

/** SHA-256 round constants (FIPS 180-4 §4.2.2). */
const K: readonly number[] = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/**
 * SHA-256 (FIPS 180-4) with its working buffers kept between digests: kube-proxy hashes one name per Service
 * port and per endpoint, so a full sync of 10,000 endpoints digests 11,000 short strings, and allocating the
 * message and schedule buffers for each was most of that cost. One per owner (never module state).
 */
export class Sha256 {
  private buf = new Uint8Array(128);
  private readonly w = new Int32Array(64);
  /** The last digest's eight words. */
  readonly h = new Int32Array(8);

  /**
   * Digests `text` + `tail` (UTF-8) into `h`; the two are read in turn, not concatenated (kube-proxy's endpoint
   * chain names hash the Service port's key followed by each endpoint).
   */
  digest(text: string, tail = ''): Int32Array {
    let len = text.length + tail.length;
    let ascii = true;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) ascii = false;
    for (let i = 0; i < tail.length; i++) if (tail.charCodeAt(i) > 127) ascii = false;
    const bytes = ascii ? undefined : new TextEncoder().encode(text + tail);
    if (bytes) len = bytes.length;
    const end = Math.ceil((len + 9) / 64) * 64;
    if (this.buf.length < end) this.buf = new Uint8Array(end);
    const buf = this.buf;
    if (bytes) buf.set(bytes);
    else {
      for (let i = 0; i < text.length; i++) buf[i] = text.charCodeAt(i);
      for (let i = 0, at = text.length; i < tail.length; i++) buf[at + i] = tail.charCodeAt(i);
    }
    buf[len] = 0x80;
    buf.fill(0, len + 1, end - 8);
    const bits = len * 8;
    const hi = Math.floor(bits / 2 ** 32);
    buf[end - 8] = hi >>> 24;
    buf[end - 7] = (hi >>> 16) & 255;
    buf[end - 6] = (hi >>> 8) & 255;
    buf[end - 5] = hi & 255;
    buf[end - 4] = (bits >>> 24) & 255;
    buf[end - 3] = (bits >>> 16) & 255;
    buf[end - 2] = (bits >>> 8) & 255;
    buf[end - 1] = bits & 255;
    let h0 = 0x6a09e667;
    let h1 = 0xbb67ae85 | 0;
    let h2 = 0x3c6ef372;
    let h3 = 0xa54ff53a | 0;
    let h4 = 0x510e527f;
    let h5 = 0x9b05688c | 0;
    let h6 = 0x1f83d9ab;
    let h7 = 0x5be0cd19;
    const w = this.w;
    for (let off = 0; off < end; off += 64) {
      for (let i = 0; i < 16; i++) {
        const j = off + i * 4;
        w[i] = (buf[j] << 24) | (buf[j + 1] << 16) | (buf[j + 2] << 8) | buf[j + 3];
      }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15];
      const b = w[i - 2];
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let hh = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i] + w[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + hh) | 0;
  }
    const h = this.h;
    h[0] = h0;
    h[1] = h1;
    h[2] = h2;
    h[3] = h3;
    h[4] = h4;
    h[5] = h5;
    h[6] = h6;
    h[7] = h7;
    return h;
  }

  /**
   * The first `length` base32 characters of the digest of `text`, after `lead` (a chain name's `KUBE-SEP-`):
   * made as one flat string from char codes, not a string per character and a concatenation per name (a full
   * sync names 11,000 chains).
   */
  prefix(text: string, length: number, lead = '', tail = ''): string {
    const h = this.digest(text, tail);
    const end = lead.length + length;
    const codes = this.codes;
    codes.length = end;
    for (let i = 0; i < lead.length; i++) codes[i] = lead.charCodeAt(i);
    let at = lead.length;
    let acc = 0;
    let n = 0;
    for (let i = 0; at < end && i < 32; i++) {
      acc = ((acc << 8) | ((h[i >> 2] >>> (24 - (i & 3) * 8)) & 255)) & 0xfff;
      n += 8;
      while (n >= 5 && at < end) {
        codes[at++] = alphabetCodes[(acc >>> (n - 5)) & 31];
        n -= 5;
      }
    }
    return String.fromCharCode.apply(null, codes);
  }

  /** The char codes of the name being made, reused from name to name. */
  private readonly codes: number[] = [];
}

/** SHA-256 of `text` (FIPS 180-4). */
export function sha256(text: string): Uint8Array {
  const h = new Sha256().digest(text);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const v = h[i];
    out[i * 4] = v >>> 24;
    out[i * 4 + 1] = (v >>> 16) & 255;
    out[i * 4 + 2] = (v >>> 8) & 255;
    out[i * 4 + 3] = v & 255;
  }
  return out;
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const alphabetCodes: readonly number[] = Array.from(alphabet, (c) => c.charCodeAt(0));

/** RFC 4648 base32 (standard alphabet, padding dropped: callers truncate anyway). */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let n = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    n += 8;
    while (n >= 5) {
      out += alphabet[(acc >>> (n - 5)) & 31];
      n -= 5;
    }
    acc &= (1 << n) - 1;
  }
  if (n > 0) out += alphabet[(acc << (5 - n)) & 31];
  return out;
}

/** The first `length` base32 characters of sha256(text). */
export function hashPrefix(text: string, length: number, hasher: Sha256 = new Sha256()): string {
  return hasher.prefix(text, length);
}

/** `portProtoHash`: 16 characters over servicePortName + lower-case protocol. */
export function portProtoHash(servicePortName: string, protocol: string, hasher?: Sha256): string {
  return hashPrefix(servicePortName + protocol.toLowerCase(), 16, hasher);
}

/** `KUBE-SEP-` hash: servicePortName + lower-case protocol + `IP:port`. */
export function endpointHash(servicePortName: string, protocol: string, endpoint: string, hasher: Sha256 = new Sha256(), lead = ''): string {
  return hasher.prefix(servicePortName + protocol.toLowerCase(), 16, lead, endpoint);
}
