import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../shared/prng';
import { ipToInt } from '../../../shared/ipv4';
import { ClusterIpAllocator, clusterIpRangeOffset } from './clusterIpAllocator';

describe('ClusterIpAllocator', () => {
  it('computes the KEP-3070 band offset: min(max(16, size/16), 256), 0 up to 16 addresses', () => {
    // calculateRangeOffset in kubernetes/kubernetes pkg/registry/core/service/ipallocator/bitmap.go
    expect(clusterIpRangeOffset(2 ** 20)).toBe(256); // /12
    expect(clusterIpRangeOffset(2 ** 16)).toBe(256); // /16
    expect(clusterIpRangeOffset(2 ** 10)).toBe(64); // /22
    expect(clusterIpRangeOffset(2 ** 7)).toBe(16); // /25
    expect(clusterIpRangeOffset(16)).toBe(0); // /28
  });

  it('hands out dynamic IPs from the upper band, deterministically for a seed', () => {
    const a = new ClusterIpAllocator('10.96.0.0/12');
    const b = new ClusterIpAllocator('10.96.0.0/12');
    const ra = createPrng(7);
    const rb = createPrng(7);
    const ipsA: string[] = [];
    for (let i = 0; i < 50; i++) {
      const r = a.allocateNext(ra);
      if (!r.ok) throw new Error(r.error);
      ipsA.push(r.ip);
      const r2 = b.allocateNext(rb);
      expect(r2).toEqual(r);
    }
    // the lower band 10.96.0.1–10.96.1.0 is kept for static requests
    for (const ip of ipsA) expect(ipToInt(ip)).toBeGreaterThanOrEqual(ipToInt('10.96.1.1'));
    for (const ip of ipsA) expect(ipToInt(ip)).toBeLessThanOrEqual(ipToInt('10.111.255.254'));
    expect(new Set(ipsA).size).toBe(50);
  });

  it('reports the allocator errors of a static request', () => {
    const a = new ClusterIpAllocator('10.96.0.0/16');
    expect(a.allocate('10.96.0.10')).toBeUndefined();
    expect(a.allocate('10.96.0.10')).toBe('provided IP is already allocated');
    // 1.33+: an address no ServiceCIDR contains (ipallocator ErrMismatchedNetwork)
    expect(a.allocate('1.1.1.1')).toBe('the provided network does not match the current range');
    // inside the prefix but not usable: network and broadcast addresses
    expect(a.allocate('10.96.0.0')).toBe('the provided IP (10.96.0.0) is not in the valid range. The range of valid IPs is 10.96.0.0/16');
    expect(a.allocate('10.96.255.255')).toBe('the provided IP (10.96.255.255) is not in the valid range. The range of valid IPs is 10.96.0.0/16');
    a.release('10.96.0.10');
    expect(a.allocate('10.96.0.10')).toBeUndefined();
  });

  it('falls back to the lower band when the upper one is full, then reports range is full', () => {
    // /27: 30 usable addresses, offset 16 → lower band .1–.16, upper band .17–.30
    const a = new ClusterIpAllocator('10.0.0.0/27');
    const rand = createPrng(1);
    const got: number[] = [];
    for (let i = 0; i < 30; i++) {
      const r = a.allocateNext(rand);
      if (!r.ok) throw new Error(r.error);
      got.push(ipToInt(r.ip) - ipToInt('10.0.0.0'));
    }
    expect(got.slice(0, 14).every((n) => n >= 17 && n <= 30)).toBe(true);
    expect(got.slice(14).every((n) => n >= 1 && n <= 16)).toBe(true);
    expect(a.allocateNext(rand)).toEqual({ ok: false, error: 'range is full' });
    a.release('10.0.0.20');
    expect(a.allocateNext(rand)).toEqual({ ok: true, ip: '10.0.0.20' });
  });
});
