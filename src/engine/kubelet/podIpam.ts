/**
 * Pod IP allocation the way kind's CNI does it: kindnet writes a `ptp` plugin config with `host-local` IPAM
 * over the node's podCIDR (kindnetd cni.go), so each node hands out addresses from its own /24.
 *
 * host-local (containernetworking/plugins, ipam/host-local/backend/allocator): the gateway defaults to the
 * first address (.1) and is skipped, the range runs from .1 to the last address before broadcast, and
 * allocation is round-robin: it starts after the last reserved IP, so a freed address is not handed out
 * again until the whole range has been used (a re-created pod gets .7 after .6, not .6 again). The state
 * lives in `/run/cni-ipam-state`, a tmpfs: a node reboot forgets every reservation.
 */
import { type Cidr, cidrAddress, parseCidr } from '../../shared/ipv4';

/** host-local IPAM over one node's podCIDR. */
export class HostLocalIpam {
  private readonly first: number;
  private readonly last: number;
  private readonly gateway: number;
  private readonly cidr: Cidr;
  /** offset -> sandbox ID */
  private reserved = new Map<number, string>();
  private byOwner = new Map<string, number>();
  private lastReserved: number | undefined;

  constructor(podCIDR: string) {
    const cidr = parseCidr(podCIDR);
    if (!cidr) throw new Error(`invalid podCIDR ${podCIDR}`);
    this.cidr = cidr;
    this.first = 1; // rangeStart defaults to network + 1
    this.last = cidr.size - 2; // rangeEnd defaults to broadcast - 1
    this.gateway = 1; // gateway defaults to network + 1 and is never handed out
  }

  /** Reserves the next free address for a sandbox; undefined when the range is exhausted. */
  allocate(owner: string): string | undefined {
    const existing = this.byOwner.get(owner);
    if (existing !== undefined) return this.address(existing);
    const size = this.last - this.first + 1;
    const start = this.lastReserved === undefined ? this.first : this.next(this.lastReserved);
    for (let i = 0, off = start; i < size; i++, off = this.next(off)) {
      if (off === this.gateway || this.reserved.has(off)) continue;
      this.reserved.set(off, owner);
      this.byOwner.set(owner, off);
      this.lastReserved = off;
      return this.address(off);
    }
    return undefined;
  }

  /** Releases the address held by a sandbox (CNI DEL). */
  release(owner: string): void {
    const off = this.byOwner.get(owner);
    if (off === undefined) return;
    this.byOwner.delete(owner);
    this.reserved.delete(off);
  }

  /** Forgets every reservation and the round-robin position (the tmpfs state dir is gone after a reboot). */
  reset(): void {
    this.reserved.clear();
    this.byOwner.clear();
    this.lastReserved = undefined;
  }

  /** Addresses currently reserved, in address order. */
  allocated(): string[] {
    return [...this.reserved.keys()].sort((a, b) => a - b).map((o) => this.address(o));
  }

  private next(off: number): number {
    return off >= this.last ? this.first : off + 1;
  }

  private address(off: number): string {
    return cidrAddress(this.cidr, off);
  }
}
