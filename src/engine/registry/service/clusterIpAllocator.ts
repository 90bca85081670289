/**
 * The ClusterIP range of one cluster, as the apiserver's IP allocator hands it out
 * (`pkg/registry/core/service/ipallocator/ipallocator.go`, the IPAddress-backed allocator that is the only one
 * since MultiCIDRServiceAllocator went GA in 1.33).
 *
 * KEP-3070 splits the range in two bands: the first `offset` usable addresses are kept for static requests
 * (`clusterIP: 10.96.0.10`), and dynamic allocation starts at a random address of the upper band, walks
 * forward (wrapping inside the band) to the first free one, and only falls back to the lower band, again
 * from a random start, when the upper band is full.
 */
import type { Prng } from '../../../shared/prng';
import { type Cidr, intToIp, ipToInt, parseCidr } from '../../../shared/ipv4';

/** `ipallocator.ErrAllocated` */
export const errIpAllocated = 'provided IP is already allocated';
/** `ipallocator.ErrFull` */
export const errRangeFull = 'range is full';
/** `ipallocator.ErrMismatchedNetwork`: since 1.33 the answer for an IP no ServiceCIDR contains (`ipallocator/interfaces.go`). */
export const errMismatchedNetwork = 'the provided network does not match the current range';

/** `ErrNotInRange` for an address inside the CIDR but outside its usable range (network, broadcast). */
export function errIpNotInRange(ip: string, cidr: string): string {
  return `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${cidr}`;
}

/**
 * `calculateRangeOffset` (KEP-3070): `min(max(16, size/16), 256)` where size counts every address of the
 * CIDR; no split (0) for ranges of 16 addresses or fewer.
 */
export function clusterIpRangeOffset(cidrSize: number): number {
  const min = 16;
  const max = 256;
  const step = 16;
  if (cidrSize <= min) return 0;
  return Math.min(Math.max(min, Math.floor(cidrSize / step)), max);
}

export type NextIp = { ok: true; ip: string } | { ok: false; error: string };

export class ClusterIpAllocator {
  readonly cidr: Cidr;
  /** First and last usable address as integers: the network and (IPv4) broadcast addresses are never handed out. */
  readonly first: number;
  readonly last: number;
  /** Size of the lower (static-preferred) band. */
  readonly offset: number;
  private readonly allocated = new Set<number>();
  private lowerUsed = 0;
  private upperUsed = 0;

  /** @param cidrText the service CIDR, e.g. `10.96.0.0/12`. */
  constructor(cidrText: string) {
    const cidr = parseCidr(cidrText);
    if (!cidr) throw new Error(`invalid service CIDR ${cidrText}`);
    this.cidr = cidr;
    this.first = cidr.base + 1;
    this.last = cidr.base + cidr.size - 2;
    this.offset = clusterIpRangeOffset(cidr.size);
  }

  /** How many usable addresses the range has (`hostsPerNetwork`). */
  get size(): number {
    return Math.max(0, this.last - this.first + 1);
  }

  get used(): number {
    return this.allocated.size;
  }

  has(ip: string): boolean {
    return this.allocated.has(ipToInt(ip));
  }

  /** Reserves a requested address; returns the allocator's error text, or undefined when it is now held. */
  allocate(ip: string): string | undefined {
    const n = ipToInt(ip);
    if (Number.isNaN(n) || n < this.cidr.base || n >= this.cidr.base + this.cidr.size) return errMismatchedNetwork;
    if (n < this.first || n > this.last) return errIpNotInRange(ip, this.cidr.text);
    if (this.allocated.has(n)) return errIpAllocated;
    this.take(n);
    return undefined;
  }

  /** Picks a free address: random start in the upper band, then (when that is full) in the lower band. */
  allocateNext(rand: Prng): NextIp {
    const upperStart = this.first + this.offset;
    const upperSize = Math.max(0, this.last - upperStart + 1);
    if (upperSize > 0) {
      const start = rand.int(upperSize);
      if (this.upperUsed < upperSize) return { ok: true, ip: intToIp(this.walk(upperStart, upperSize, start)) };
    }
    if (this.offset > 0 && this.lowerUsed < this.offset) {
      const start = rand.int(this.offset);
      return { ok: true, ip: intToIp(this.walk(this.first, this.offset, start)) };
    }
    return { ok: false, error: errRangeFull };
  }

  /** Returns an address to the range; releasing a free or foreign address is a no-op, as in Kubernetes. */
  release(ip: string): void {
    const n = ipToInt(ip);
    if (!this.allocated.delete(n)) return;
    if (n - this.first < this.offset) this.lowerUsed--;
    else this.upperUsed--;
  }

  /** Walks a band from `start` (wrapping) to its first free address; the caller knows one exists. */
  private walk(bandFirst: number, bandSize: number, start: number): number {
    for (let i = 0; i < bandSize; i++) {
      const n = bandFirst + ((start + i) % bandSize);
      if (!this.allocated.has(n)) {
        this.take(n);
        return n;
      }
    }
    throw new Error('cluster IP band unexpectedly full');
  }

  private take(n: number): void {
    this.allocated.add(n);
    if (n - this.first < this.offset) this.lowerUsed++;
    else this.upperUsed++;
  }
}
