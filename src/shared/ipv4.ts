/** IPv4 helpers on unsigned 32-bit integers: the simulation allocates addresses by offset inside a CIDR. */

export function ipToInt(ip: string): number {
  const parts = ip.split('.');
  if (parts.length !== 4) return Number.NaN;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return Number.NaN;
    const v = Number(p);
    if (v > 255) return Number.NaN;
    n = n * 256 + v;
  }
  return n >>> 0;
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

export function cidrContains(cidr: Cidr, ip: string): boolean {
  const n = ipToInt(ip);
  return !Number.isNaN(n) && n >= cidr.base && n < cidr.base + cidr.size;
}

/** The address at `offset` from the network address (offset 1 is the first usable address). */
export function cidrAddress(cidr: Cidr, offset: number): string {
  return intToIp((cidr.base + offset) >>> 0);
}
