/** Edge culling: exact against routes, coarse in the view, off for small clusters. */
import { describe, expect, it } from 'vitest';
import { cullAbove, cullEdges, cullRegionKey, polylineMeets, regionOfKey } from './edgeCulling';

const route = (x: number, y0: number, y1: number) => ({ data: { points: [{ x, y: y0 }, { x, y: y1 }, { x: x + 10, y: y1 }] } });

describe('edge culling', () => {
  it('keeps a route that crosses the region even when both its ends are outside', () => {
    const r = { x: 0, y: 100, width: 50, height: 50 };
    expect(polylineMeets([{ x: 20, y: 0 }, { x: 20, y: 400 }], r)).toBe(true);
    expect(polylineMeets([{ x: 60, y: 0 }, { x: 60, y: 400 }], r)).toBe(false);
    expect(polylineMeets([{ x: -10, y: 120 }, { x: 90, y: 120 }], r)).toBe(true);
  });

  it('cuts only big edge sets, and keeps edges without a route', () => {
    const far = Array.from({ length: cullAbove + 1 }, (_, i) => route(5000 + i, 0, 100));
    const near = route(10, 0, 100);
    const unrouted = { data: {} };
    const region = { x: 0, y: 0, width: 100, height: 100 };
    expect(cullEdges([...far, near, unrouted], region)).toEqual([near, unrouted]);
    const few = far.slice(0, 10);
    expect(cullEdges(few, region)).toBe(few);
    expect(cullEdges([...far, near], undefined)).toHaveLength(far.length + 1);
  });

  it('holds the region still over small pans and zooms, and covers the view after them', () => {
    const key = cullRegionKey([0, 0, 1], 1000, 800);
    expect(cullRegionKey([30, -20, 1.02], 1000, 800)).toBe(key);
    for (const [tx, ty, zoom] of [[0, 0, 1], [30, -20, 1.02], [-240, 190, 1], [400, 0, 0.5], [-3000, -2000, 2]] as const) {
      const r = regionOfKey(cullRegionKey([tx, ty, zoom], 1000, 800));
      if (!r) throw new Error('no region');
      const view = { x: -tx / zoom, y: -ty / zoom, width: 1000 / zoom, height: 800 / zoom };
      expect(r.x).toBeLessThanOrEqual(view.x);
      expect(r.y).toBeLessThanOrEqual(view.y);
      expect(r.x + r.width).toBeGreaterThanOrEqual(view.x + view.width);
      expect(r.y + r.height).toBeGreaterThanOrEqual(view.y + view.height);
    }
    expect(cullRegionKey([0, 0, 1], 0, 0)).toBe('');
  });
});
