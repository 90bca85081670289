/** Edge culling: exact against routes, coarse in the view, off for small clusters. */
import { describe, expect, it } from 'vitest';
import { cullAbove, cullEdges, cullPods, cullRegionKey, polylineMeets, regionOfKey } from './edgeCulling';

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

  it('keeps boxes and the pods that meet the region, placed by their box, and the previous array when nothing changed', () => {
    const box = { id: 'node:w', type: 'k8sNode', position: { x: 1000, y: 0 }, width: 300, height: 9000 };
    const pods = Array.from({ length: cullAbove + 10 }, (_, i) => ({ id: `pod:${i}`, type: 'pod', parentId: 'node:w', position: { x: 12, y: 40 + i * 64 }, width: 138, height: 54 }));
    const svc = { id: 'svc:s', type: 'service', position: { x: 0, y: -500 }, width: 220, height: 66 };
    const nodes = [box, ...pods, svc];
    // the box's first rows only: the region is at x 1000–1200, y 0–200
    const kept = cullPods(nodes, { x: 1000, y: 0, width: 200, height: 200 });
    expect(kept.map((n) => n.id)).toEqual(['node:w', 'pod:0', 'pod:1', 'pod:2', 'svc:s']);
    // a region left of the box (where the pods would be, unplaced) keeps none of them
    expect(cullPods(nodes, { x: 0, y: 0, width: 200, height: 200 }).map((n) => n.id)).toEqual(['node:w', 'svc:s']);
    expect(cullPods([...nodes], { x: 1000, y: 0, width: 200, height: 200 }, kept)).toBe(kept);
    expect(cullPods(nodes.slice(0, 20), { x: 0, y: 0, width: 1, height: 1 })).toHaveLength(20);
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
