/** IPv4 helpers on unsigned 32-bit integers: the simulation allocates addresses by offset inside a CIDR. */

/**
 * `a.b.c.d` → unsigned integer, NaN unless exactly four dot-separated groups of 1–3 decimal digits, each ≤ 255.
 * Read char by char (no split, no regex): the packet tracer calls it for every address match of every rule.
 */
export function ipToInt(ip: string): number {
  return quadIn(ip, 0, ip.length);
}

/** `ipToInt` of `text[start, end)`. */
function quadIn(text: string, start: number, end: number): number {
  let n = 0;
  let v = 0;
  let digits = 0;
  let groups = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || v > 255 || ++groups > 3) return Number.NaN;
      n = n * 256 + v;
      v = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      v = v * 10 + (c - 48);
      digits++;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || v > 255 || groups !== 3) return Number.NaN;
  return (n * 256 + v) >>> 0;
}

export function intToIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function isIPv4(ip: string): boolean {
  return !Number.isNaN(ipToInt(ip));
}

export interface Cidr {
  /** The network address as an unsigned integer. */
  base: number;
  prefix: number;
  /** Number of addresses in the block, network and broadcast included. */
  size: number;
  text: string;
}

/** Parses `a.b.c.d/n`; returns undefined for anything else. */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const ip = ipToInt(m[1]);
  const prefix = Number(m[2]);
  if (Number.isNaN(ip) || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const base = prefix === 0 ? 0 : (ip & ~(size - 1)) >>> 0;
  return { base, prefix, size, text: `${intToIp(base)}/${prefix}` };
}

/**
 * Whether `ip` lies in `cidr` (`a.b.c.d/n`, or a bare address meaning `/32`), as `parseCidr` and `cidrContains`
 * decide it, without building either: the packet tracer asks this for every address match of every rule.
 */
export function addressInCidr(ip: string, cidr: string): boolean {
  const slash = cidr.indexOf('/');
  let prefix = 32;
  if (slash >= 0) {
    const digits = cidr.length - slash - 1;
    if (digits < 1 || digits > 2) return false;
    prefix = 0;
    for (let i = slash + 1; i < cidr.length; i++) {
      const c = cidr.charCodeAt(i);
      if (c < 48 || c > 57) return false;
      prefix = prefix * 10 + (c - 48);
    }
    if (prefix > 32) return false;
  }
  const addr = quadIn(cidr, 0, slash < 0 ? cidr.length : slash);
  const n = ipToInt(ip);
  if (Number.isNaN(addr) || Number.isNaN(n)) return false;
  if (prefix === 0) return true;
  const size = 2 ** (32 - prefix);
  const base = (addr & ~(size - 1)) >>> 0;
  return n >= base && n < base + size;
}

export function cidrContains(cidr: Cidr, ip: string): boolean {
  const n = ipToInt(ip);
  return !Number.isNaN(n) && n >= cidr.base && n < cidr.base + cidr.size;
}

/** The address at `offset` from the network address (offset 1 is the first usable address). */
export function cidrAddress(cidr: Cidr, offset: number): string {
  return intToIp((cidr.base + offset) >>> 0);
}
