/**
 * Which endpoint edges and pods to hand React Flow: on a big cluster, only those that pass near the view.
 * React Flow decides an edge is visible from the box spanning its two ends, and a Service's box spans the
 * whole grid below it, so at 1,000 pods it mounted every edge, each with a store subscription that runs on
 * every pan frame. Routes are polylines, so the test here is exact, against the view grown by one view on
 * every side; the view is snapped to coarse steps (of zoom and of position) so the set changes a few times
 * in a pan or zoom, not on every frame. Pods far from the view are left out too: React Flow walks every node
 * it is handed on each update. Small clusters keep everything. Pure geometry, no React.
 */
import type { XY } from './elements';

export interface ViewRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Up to this many edges (or pods) every one is drawn. Above it, only those near the view: a cluster of 180 pods
 * mounted all 168 edges (each spans from its Service over the whole grid, so React Flow judged every one
 * visible) in the batch where they appeared, one of the long tasks while a Deployment grew.
 */
export const cullAbove = 40;

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
  // the view, grown by half a view on every side (more than the snapping, a quarter view, and the zoom
  // rounding, under a tenth, can move it)
  return [sx - w, sy - h, 2 * w, 2 * h].join(',');
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
export function cullEdges<E extends { data?: { points?: readonly XY[] } }>(edges: E[], region: ViewRect | undefined, previous?: E[]): E[] {
  if (!region || edges.length <= cullAbove) return edges;
  const kept = edges.filter((e) => {
    const points = e.data?.points;
    return !points || points.length === 0 || polylineMeets(points, region);
  });
  return kept.length === edges.length ? edges : sameOr(kept, previous);
}

/** The nodes a pod-culling test reads: React Flow's `Node` fits. */
export interface CullNode {
  id: string;
  type?: string;
  parentId?: string;
  position: XY;
  width?: number;
  height?: number;
}

/**
 * The nodes to hand React Flow: every node box, Service and group card, and of a big cluster's pods those
 * that meet the region (a pod's position is relative to its box). React Flow walks every node it is given on
 * each update; pods far from the view are drawn by nobody. The previous array when the same nodes are kept.
 */
export function cullPods<N extends CullNode>(nodes: N[], region: ViewRect | undefined, previous?: N[]): N[] {
  if (!region) return nodes;
  let pods = 0;
  for (const n of nodes) if (n.type === 'pod') pods++;
  if (pods <= cullAbove) return nodes;
  const boxes = new Map<string, XY>();
  for (const n of nodes) if (n.type === 'k8sNode') boxes.set(n.id, n.position);
  const kept = nodes.filter((n) => {
    if (n.type !== 'pod') return true;
    const at = n.parentId ? boxes.get(n.parentId) : undefined;
    const x = (at?.x ?? 0) + n.position.x;
    const y = (at?.y ?? 0) + n.position.y;
    return x + (n.width ?? 0) >= region.x && x <= region.x + region.width && y + (n.height ?? 0) >= region.y && y <= region.y + region.height;
  });
  return kept.length === nodes.length ? nodes : sameOr(kept, previous);
}

/** `previous` when it holds the same elements as `next` (so React Flow is not handed a new array), else `next`. */
function sameOr<T>(next: T[], previous: T[] | undefined): T[] {
  if (!previous || previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (next[i] !== previous[i]) return next;
  return previous;
}
