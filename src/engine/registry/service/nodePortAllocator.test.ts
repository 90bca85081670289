import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../shared/prng';
import { NodePortAllocator, nodePortRangeOffset, parsePortRange } from './nodePortAllocator';

describe('NodePortAllocator', () => {
  it('computes the KEP-3668 band offset: min(max(16, size/32), 128)', () => {
    // calculateRangeOffset in kubernetes/kubernetes pkg/registry/core/service/portallocator/allocator.go
    expect(nodePortRangeOffset(2768)).toBe(86); // 30000-32767 → static band 30000–30085
    expect(nodePortRangeOffset(100)).toBe(16);
    expect(nodePortRangeOffset(10000)).toBe(128);
    expect(nodePortRangeOffset(16)).toBe(0);
  });

  it('parses port ranges like net.ParsePortRange', () => {
    expect(parsePortRange('30000-32767')).toEqual({ base: 30000, size: 2768 });
    expect(parsePortRange('30000+10')).toEqual({ base: 30000, size: 11 });
    expect(parsePortRange('32767-30000')).toBeUndefined();
  });

  it('hands out dynamic ports from 30086–32767, the same ones for the same seed', () => {
    const a = new NodePortAllocator('30000-32767');
    const b = new NodePortAllocator('30000-32767');
    const ra = createPrng(3);
    const rb = createPrng(3);
    for (let i = 0; i < 100; i++) {
      const r = a.allocateNext(ra);
      expect(r).toEqual(b.allocateNext(rb));
      if (!r.ok) throw new Error(r.error);
      expect(r.port).toBeGreaterThanOrEqual(30086);
      expect(r.port).toBeLessThanOrEqual(32767);
    }
  });

  it('reports the portallocator errors', () => {
    const a = new NodePortAllocator('30000-32767');
    expect(a.allocate(30080)).toBeUndefined();
    expect(a.allocate(30080)).toBe('provided port is already allocated');
    expect(a.allocate(25000)).toBe('provided port is not in the valid range. The range of valid ports is 30000-32767');
  });

  it('uses the lower band last and then is full', () => {
    const a = new NodePortAllocator('30000-30019'); // 20 ports, offset 16
    const rand = createPrng(9);
    const got: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = a.allocateNext(rand);
      if (!r.ok) throw new Error(r.error);
      got.push(r.port);
    }
    expect(got.slice(0, 4).sort()).toEqual([30016, 30017, 30018, 30019]);
    expect(a.allocateNext(rand)).toEqual({ ok: false, error: 'range is full' });
  });
});
