/**
 * Endpoint routes kept from one cluster batch to the next, so a batch re-routes only what it moved. A route
 * depends on its Service's and pod's rectangles, the pod's box, the Service's lane, the grid's sides and the
 * pods it might cross. An edge whose inputs are unchanged keeps its route when the scene is the same, or
 * when that route was the first one tried and still crosses no pod: exactly what routing it afresh would
 * give, for one crossing test instead of generating and testing every candidate. Pure geometry, no React.
 */
import type { XY } from './elements';
import { type EdgeEnds, type Rect, type RoutingContext, type RoutingScene, crossings, routeEdge, routingContext } from './edgeRouting';

interface Kept {
  inputs: readonly number[];
  points: XY[];
  first: boolean;
}

const none: readonly number[] = [];

export class RouteCache {
  private kept = new Map<string, Kept>();
  /** Edges routed afresh by the last `route` (the rest kept their route), for tests. */
  routed = 0;

  route(scene: RoutingScene, edges: readonly EdgeEnds[]): Map<string, XY[]> {
    this.routed = 0;
    const out = new Map<string, XY[]>();
    const next = new Map<string, Kept>();
    const c = routingContext(scene);
    for (const e of edges) {
      const inputs = inputsOf(scene, c, e);
      const before = this.kept.get(e.id);
      let kept: Kept | undefined;
      if (before && inputs.length > 0 && sameNumbers(before.inputs, inputs) && before.first && crossings(scene, before.points, e.target, c.podsByBox) === 0) kept = before;
      else {
        const r = routeEdge(scene, c, e);
        this.routed++;
        kept = r ? { inputs, points: r.points, first: r.first } : undefined;
      }
      if (!kept) continue;
      next.set(e.id, kept);
      out.set(e.id, kept.points);
    }
    this.kept = next;
    return out;
  }
}

/** Everything but the crossable pods that one edge's route is computed from, as numbers (empty: no route). */
function inputsOf(scene: RoutingScene, ctx: RoutingContext, e: EdgeEnds): readonly number[] {
  const svc = scene.services.get(e.source);
  const pod = scene.pods.get(e.target);
  const lane = ctx.lanes.get(e.source);
  if (!svc || !pod || lane === undefined) return none;
  const box: Rect = (pod.box ? scene.boxes.get(pod.box) : undefined) ?? { x: Number.NaN, y: 0, width: 0, height: 0 };
  return [svc.x, svc.y, svc.width, svc.height, pod.rect.x, pod.rect.y, pod.rect.width, pod.rect.height, box.x, box.y, box.width, box.height, lane, ctx.grid.left, ctx.grid.right];
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
