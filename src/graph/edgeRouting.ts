/**
 * Endpoint edges as orthogonal routes that never cross a pod they do not end at. A straight or curved
 * Service → pod line would pass through the pods of the boxes in between (the `app` pod, new pods), so
 * each edge instead runs in the free space the layout keeps:
 *   down from the Service to its own lane in the band between the Service row and the node boxes,
 *   along that lane to a corridor beside the target's box (the gap between box columns, or outside the grid),
 *   down the corridor to the middle of the target pod, and in through the pod's free side.
 * Pods sit in two columns per box, so each pod has one side facing a corridor with no other pod between.
 * When the user has dragged boxes so that route is blocked, other corridors are tried, and the route with
 * the fewest crossings wins. Pure geometry: rectangles in, polylines out.
 */
import type { XY } from './elements';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RoutingScene {
  services: ReadonlyMap<string, Rect>;
  boxes: ReadonlyMap<string, Rect>;
  /** Pods with their box (absolute rectangles). */
  pods: ReadonlyMap<string, { rect: Rect; box?: string }>;
}

export interface EdgeEnds {
  id: string;
  source: string;
  target: string;
}

/** Half the gap the layout keeps between box columns: the corridor's centre line. */
const corridorInset = 14;
const laneMargin = 18;

/** What routing needs of a scene besides its rectangles, computed once per scene. */
export interface RoutingContext {
  lanes: ReadonlyMap<string, number>;
  grid: { left: number; right: number };
  podsByBox: PodsByBox;
}

export function routingContext(scene: RoutingScene): RoutingContext {
  return { lanes: serviceLanes(scene), grid: gridBounds(scene.boxes), podsByBox: indexPodsByBox(scene) };
}

/** One edge's route, and whether it is the first route tried (the one that is kept whenever it crosses nothing). */
export interface Route {
  points: XY[];
  first: boolean;
}

/** The route of one edge, or undefined when an end is not in the scene. */
export function routeEdge(scene: RoutingScene, ctx: RoutingContext, e: EdgeEnds): Route | undefined {
  const svc = scene.services.get(e.source);
  const pod = scene.pods.get(e.target);
  const lane = ctx.lanes.get(e.source);
  if (!svc || !pod || lane === undefined) return undefined;
  return routeOne(scene, ctx.podsByBox, svc, pod.rect, pod.box ? scene.boxes.get(pod.box) : undefined, lane, ctx.grid, e.target);
}

/** Routes every edge whose ends are in the scene; edges with a missing end get no route. */
export function routeEdges(scene: RoutingScene, edges: readonly EdgeEnds[]): Map<string, XY[]> {
  const out = new Map<string, XY[]>();
  const ctx = routingContext(scene);
  for (const e of edges) {
    const r = routeEdge(scene, ctx, e);
    if (r) out.set(e.id, r.points);
  }
  return out;
}

/** Each Service gets its own horizontal lane, evenly spaced in the band above the boxes. */
function serviceLanes(scene: RoutingScene): Map<string, number> {
  const ids = [...scene.services.keys()].sort((a, b) => (scene.services.get(a)?.x ?? 0) - (scene.services.get(b)?.x ?? 0) || (a < b ? -1 : 1));
  let top = -Infinity;
  for (const r of scene.services.values()) top = Math.max(top, r.y + r.height);
  let bottom = Infinity;
  for (const r of scene.boxes.values()) bottom = Math.min(bottom, r.y);
  for (const p of scene.pods.values()) bottom = Math.min(bottom, p.rect.y);
  const lanes = new Map<string, number>();
  const band = bottom - top - 2 * laneMargin;
  for (const [i, id] of ids.entries()) {
    lanes.set(id, Number.isFinite(band) && band > 0 ? top + laneMargin + (band * (i + 0.5)) / ids.length : top + laneMargin);
  }
  return lanes;
}

function gridBounds(boxes: ReadonlyMap<string, Rect>): { left: number; right: number } {
  let left = Infinity;
  let right = -Infinity;
  for (const r of boxes.values()) {
    left = Math.min(left, r.x);
    right = Math.max(right, r.x + r.width);
  }
  return { left, right };
}

/** A box's pods sorted by their top edge, with the tallest pod's height: a segment finds its rows by binary search. */
interface BoxPods {
  pods: [string, Rect][];
  tallest: number;
}
export type PodsByBox = ReadonlyMap<string | undefined, BoxPods>;

/**
 * Pods grouped by their box (pods in no box under `undefined`), so a route tests only the boxes it crosses,
 * and within a box only the pods whose rows its segments reach (a route enters its pod's box sideways, at
 * one row: testing all 110 pods of a full box for each of a thousand edges was most of a batch's routing).
 */
function indexPodsByBox(scene: RoutingScene): PodsByBox {
  const out = new Map<string | undefined, BoxPods>();
  for (const [id, p] of scene.pods) {
    const list = out.get(p.box);
    if (list) list.pods.push([id, p.rect]);
    else out.set(p.box, { pods: [[id, p.rect]], tallest: 0 });
  }
  for (const list of out.values()) {
    list.pods.sort((a, b) => a[1].y - b[1].y);
    for (const [, r] of list.pods) list.tallest = Math.max(list.tallest, r.height);
  }
  return out;
}

function routeOne(scene: RoutingScene, podsByBox: PodsByBox, svc: Rect, pod: Rect, box: Rect | undefined, lane: number, grid: { left: number; right: number }, target: string): Route {
  const start = { x: svc.x + svc.width / 2, y: svc.y + svc.height };
  const midY = pod.y + pod.height / 2;
  const podMid = pod.x + pod.width / 2;
  const area = box ?? pod;
  // the side of its box the pod faces first, then the other, then around the whole grid
  const leftFirst = podMid <= area.x + area.width / 2;
  const sides: ('left' | 'right')[] = leftFirst ? ['left', 'right'] : ['right', 'left'];
  const candidates: XY[][] = [];
  for (const side of sides) {
    const near = side === 'left' ? area.x - corridorInset : area.x + area.width + corridorInset;
    const far = side === 'left' ? Math.min(grid.left, area.x) - corridorInset : Math.max(grid.right, area.x + area.width) + corridorInset;
    const entry = side === 'left' ? pod.x : pod.x + pod.width;
    for (const x of near === far ? [near] : [near, far]) {
      candidates.push(simplify([start, { x: start.x, y: lane }, { x, y: lane }, { x, y: midY }, { x: entry, y: midY }]));
    }
  }
  let best = candidates[0];
  let bestHits = Infinity;
  for (const [i, c] of candidates.entries()) {
    const hits = crossings(scene, c, target, podsByBox);
    if (hits === 0) return { points: c, first: i === 0 };
    if (hits < bestHits) {
      best = c;
      bestHits = hits;
    }
  }
  return { points: best, first: false };
}

/** Drops zero-length segments and points in the middle of a straight run. */
function simplify(points: XY[]): XY[] {
  const out: XY[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const prev = out[out.length - 2];
    if (prev && last && ((prev.x === last.x && last.x === p.x) || (prev.y === last.y && last.y === p.y))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** How many pods other than `target` the polyline passes through (boxes first, so only nearby pods are tested). */
export function crossings(scene: RoutingScene, points: readonly XY[], target: string, podsByBox: PodsByBox = indexPodsByBox(scene)): number {
  const crosses = (r: Rect) => {
    for (let i = 1; i < points.length; i++) if (segmentHitsRect(points[i - 1], points[i], r)) return true;
    return false;
  };
  const boxes: (string | undefined)[] = [undefined];
  for (const [id, r] of scene.boxes) if (crosses(r)) boxes.push(id);
  let hit: Set<string> | undefined;
  for (const box of boxes) {
    const list = podsByBox.get(box);
    if (!list) continue;
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      const top = Math.min(a.y, b.y);
      const bottom = Math.max(a.y, b.y);
      // the first pod whose top could be within `tallest` above the segment's top
      let lo = 0;
      let hi = list.pods.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list.pods[mid][1].y + list.tallest <= top) lo = mid + 1;
        else hi = mid;
      }
      for (let j = lo; j < list.pods.length && list.pods[j][1].y < bottom + 1; j++) {
        const [id, rect] = list.pods[j];
        if (id === target || !segmentHitsRect(a, b, rect)) continue;
        hit ??= new Set();
        hit.add(id);
      }
    }
  }
  return hit?.size ?? 0;
}

/** Whether an axis-aligned (or any) segment passes through the rectangle's interior. */
export function segmentHitsRect(a: XY, b: XY, r: Rect): boolean {
  // Liang–Barsky clipping against the open rectangle
  const inset = 0.5;
  const x0 = r.x + inset;
  const x1 = r.x + r.width - inset;
  const y0 = r.y + inset;
  const y1 = r.y + r.height - inset;
  // routes are orthogonal: horizontal and vertical segments are a pair of interval tests
  if (a.x === b.x) return a.x > x0 && a.x < x1 && Math.max(a.y, b.y) > y0 && Math.min(a.y, b.y) < y1;
  if (a.y === b.y) return a.y > y0 && a.y < y1 && Math.max(a.x, b.x) > x0 && Math.min(a.x, b.x) < x1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q > 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return clip(-dx, a.x - x0) && clip(dx, x1 - a.x) && clip(-dy, a.y - y0) && clip(dy, y1 - a.y) && t0 < t1;
}

/** An SVG path through the points with rounded corners, and where its port label sits (just under the Service). */
export function roundedPath(points: readonly XY[], radius = 8): { path: string; label: XY } {
  const first = points[0];
  let d = `M ${first.x} ${first.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [p, c, n] = [points[i - 1], points[i], points[i + 1]];
    const r = Math.min(radius, dist(p, c) / 2, dist(c, n) / 2);
    const a = toward(c, p, r);
    const b = toward(c, n, r);
    d += ` L ${a.x} ${a.y} Q ${c.x} ${c.y} ${b.x} ${b.y}`;
  }
  const last = points[points.length - 1];
  d += ` L ${last.x} ${last.y}`;
  const second = points[1] ?? last;
  return { path: d, label: { x: first.x, y: first.y + Math.min(16, dist(first, second) / 2) } };
}

function dist(a: XY, b: XY): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function toward(from: XY, to: XY, by: number): XY {
  const d = dist(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * by) / d, y: from.y + ((to.y - from.y) * by) / d };
}

/** The fields of a canvas node the scene needs (React Flow nodes and the graph's own both have them). */
export interface PlacedNode {
  id: string;
  type?: string;
  position: XY;
  parentId?: string;
  width?: number;
  height?: number;
}

/** Absolute rectangles of Services, node boxes and pods (a pod's position is relative to its box). */
export function sceneOf(nodes: readonly PlacedNode[]): RoutingScene {
  const services = new Map<string, Rect>();
  const boxes = new Map<string, Rect>();
  const pods = new Map<string, { rect: Rect; box?: string }>();
  const rect = (n: PlacedNode, at: XY): Rect => ({ x: at.x, y: at.y, width: n.width ?? 0, height: n.height ?? 0 });
  for (const n of nodes) {
    if (n.type === 'service') services.set(n.id, rect(n, n.position));
    else if (n.type === 'k8sNode') boxes.set(n.id, rect(n, n.position));
  }
  for (const n of nodes) {
    if (n.type !== 'pod') continue;
    const parent = n.parentId ? boxes.get(n.parentId) : undefined;
    pods.set(n.id, { rect: rect(n, parent ? { x: parent.x + n.position.x, y: parent.y + n.position.y } : n.position), box: n.parentId });
  }
  return { services, boxes, pods };
}
