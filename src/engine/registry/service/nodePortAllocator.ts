/**
 * The NodePort range of one cluster (`pkg/registry/core/service/portallocator/allocator.go` over the bitmap
 * allocator's `randomScanStrategyWithOffset`). One range serves every protocol: TCP 30080 and UDP 30080 are the
 * same reservation.
 *
 * KEP-3668 splits the range like KEP-3070 does for ClusterIPs: the first `offset` ports are preferred for
 * static requests; dynamic allocation starts at a random port of the upper band and scans forward (wrapping
 * inside the band), and uses the lower band only when the upper one is full.
 */
import type { Prng } from '../../../shared/prng';

/** `portallocator.ErrAllocated` */
export const errPortAllocated = 'provided port is already allocated';
/** `portallocator.ErrFull` */
export const errPortRangeFull = 'range is full';

/** `portallocator.ErrNotInRange` (kubernetes/kubernetes pkg/registry/core/service/portallocator/allocator.go). */
export function errPortNotInRange(range: string): string {
  return `provided port is not in the valid range. The range of valid ports is ${range}`;
}

/** `calculateRangeOffset` for ports: `min(max(16, size/32), 128)`, 0 for ranges of 16 ports or fewer. */
export function nodePortRangeOffset(size: number): number {
  const min = 16;
  const max = 128;
  const step = 32;
  if (size <= min) return 0;
  return Math.min(Math.max(min, Math.floor(size / step)), max);
}

/** `net.ParsePortRange`: `30000-32767` or `30000+2767`. */
export function parsePortRange(text: string): { base: number; size: number } | undefined {
  const m = /^(\d+)(?:([-+])(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const base = Number(m[1]);
  if (!m[2]) return { base, size: 1 };
  const other = Number(m[3]);
  const last = m[2] === '-' ? other : base + other;
  if (last < base || last > 65535) return undefined;
  return { base, size: last - base + 1 };
}

export type NextPort = { ok: true; port: number } | { ok: false; error: string };

export class NodePortAllocator {
  readonly base: number;
  readonly size: number;
  readonly offset: number;
  /** The range as `PortRange.String()` prints it, e.g. `30000-32767`. */
  readonly rangeText: string;
  private readonly allocated = new Set<number>();
  private upperUsed = 0;

  constructor(rangeText: string) {
    const r = parsePortRange(rangeText);
    if (!r) throw new Error(`invalid node port range ${rangeText}`);
    this.base = r.base;
    this.size = r.size;
    this.offset = nodePortRangeOffset(r.size);
    this.rangeText = `${r.base}-${r.base + r.size - 1}`;
  }

  get used(): number {
    return this.allocated.size;
  }

  has(port: number): boolean {
    return this.allocated.has(port);
  }

  /** Reserves a requested port; returns the allocator's error text, or undefined when it is now held. */
  allocate(port: number): string | undefined {
    if (!Number.isInteger(port) || port < this.base || port >= this.base + this.size) return errPortNotInRange(this.rangeText);
    if (this.allocated.has(port)) return errPortAllocated;
    this.take(port);
    return undefined;
  }

  /** Picks a free port: random start in the upper band, then (when that is full) in the lower band. */
  allocateNext(rand: Prng): NextPort {
    if (this.allocated.size >= this.size) return { ok: false, error: errPortRangeFull };
    const upperSize = this.size - this.offset;
    const start = rand.int(upperSize);
    if (this.upperUsed < upperSize) return { ok: true, port: this.walk(this.base + this.offset, upperSize, start) };
    const lowerStart = rand.int(this.offset);
    return { ok: true, port: this.walk(this.base, this.offset, lowerStart) };
  }

  /** Returns a port to the range; releasing a free or out-of-range port is a no-op. */
  release(port: number): void {
    if (!this.allocated.delete(port)) return;
    if (port - this.base >= this.offset) this.upperUsed--;
  }

  private walk(bandFirst: number, bandSize: number, start: number): number {
    for (let i = 0; i < bandSize; i++) {
      const p = bandFirst + ((start + i) % bandSize);
      if (!this.allocated.has(p)) {
        this.take(p);
        return p;
      }
    }
    throw new Error('node port band unexpectedly full');
  }

  private take(port: number): void {
    this.allocated.add(port);
    if (port - this.base >= this.offset) this.upperUsed++;
  }
}
