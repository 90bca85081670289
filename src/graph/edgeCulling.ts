/**
 * Which endpoint edges to hand React Flow: on a big cluster, only those whose route passes near the view.
 * React Flow decides an edge is visible from the box spanning its two ends, and a Service's box spans the
 * whole grid below it, so at 1,000 pods it mounted every edge, each with a store subscription that runs on
 * every pan frame. Routes are polylines, so the test here is exact, against the view grown by one view on
 * every side; the view is snapped to coarse steps (of zoom and of position) so the set changes a few times
 * in a pan or zoom, not on every frame. Small clusters keep every edge. Pure geometry, no React.
 */
import type { XY } from './elements';

export interface ViewRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Below this many edges every edge is drawn: culling is for big clusters only. */
export const cullAbove = 200;

/**
 * The region of the flow to keep edges for, from React Flow's transform and the canvas's size: a string
 * (so a store selector can return it and change only when the region does) of the view's zoom rounded to
 * quarter powers of two and its centre snapped to half a view.
 */
export function cullRegionKey(transform: readonly [number, number, number], width: number, height: number): string {
  const [tx, ty, zoom] = transform;
  if (!(zoom > 0) || !(width > 0) || !(height > 0)) return '';
  const z = 2 ** (Math.round(Math.log2(zoom) * 4) / 4);
  const w = width / z;
  const h = height / z;
  const cx = (width / 2 - tx) / zoom;
  const cy = (height / 2 - ty) / zoom;
  const sx = Math.round(cx / (w / 2)) * (w / 2);
  const sy = Math.round(cy / (h / 2)) * (h / 2);
  // the view, grown by one view on every side (more than the snapping and the zoom rounding can move it)
  return [sx - 1.5 * w, sy - 1.5 * h, 3 * w, 3 * h].join(',');
}

export function regionOfKey(key: string): ViewRect | undefined {
  if (!key) return undefined;
  const [x, y, width, height] = key.split(',').map(Number);
  return { x, y, width, height };
}

/** Whether the polyline passes through the rectangle (its segments are axis-aligned; others by their boxes). */
export function polylineMeets(points: readonly XY[], r: ViewRect): boolean {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (Math.max(a.x, b.x) >= r.x && Math.min(a.x, b.x) <= r.x + r.width && Math.max(a.y, b.y) >= r.y && Math.min(a.y, b.y) <= r.y + r.height) return true;
  }
  return points.length === 1 && points[0].x >= r.x && points[0].x <= r.x + r.width && points[0].y >= r.y && points[0].y <= r.y + r.height;
}

/**
 * The edges to draw: all of them when there are few or no region is known; otherwise those with no route (their
 * ends decide, as React Flow does) and those whose route meets the region. The same array when nothing is cut.
 */
export function cullEdges<E extends { data?: { points?: readonly XY[] } }>(edges: E[], region: ViewRect | undefined): E[] {
  if (!region || edges.length <= cullAbove) return edges;
  const kept = edges.filter((e) => {
    const points = e.data?.points;
    return !points || points.length === 0 || polylineMeets(points, region);
  });
  return kept.length === edges.length ? edges : kept;
}
