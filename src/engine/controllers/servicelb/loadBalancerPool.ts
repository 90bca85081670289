/**
 * The address pool a load-balancer implementation hands out (MetalLB's IPAddressPool, or the docker-network
 * addresses cloud-provider-kind takes): a first-to-last range of IPv4 addresses, lowest free first.
 */
import { intToIp, ipToInt } from '../../../shared/ipv4';

export class LoadBalancerPool {
  private readonly first: number;
  private readonly last: number;
  /** ip → the `namespace/name` of the Service holding it. */
  private readonly holders = new Map<string, string>();

  constructor(first: string, last: string) {
    this.first = ipToInt(first);
    this.last = ipToInt(last);
  }

  contains(ip: string): boolean {
    const n = ipToInt(ip);
    return !Number.isNaN(n) && n >= this.first && n <= this.last;
  }

  /** Who holds `ip`, if anyone. */
  holder(ip: string): string | undefined {
    return this.holders.get(ip);
  }

  /** Takes a specific address for `owner` (it may already hold it); false when another Service has it. */
  take(ip: string, owner: string): boolean {
    const h = this.holders.get(ip);
    if (h && h !== owner) return false;
    this.holders.set(ip, owner);
    return true;
  }

  /** Takes the lowest free address, or undefined when the pool is exhausted. */
  takeNext(owner: string): string | undefined {
    if (Number.isNaN(this.first) || Number.isNaN(this.last)) return undefined;
    for (let n = this.first; n <= this.last; n++) {
      const ip = intToIp(n);
      if (!this.holders.has(ip)) {
        this.holders.set(ip, owner);
        return ip;
      }
    }
    return undefined;
  }

  release(ip: string, owner: string): void {
    if (this.holders.get(ip) === owner) this.holders.delete(ip);
  }
}
