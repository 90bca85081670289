/**
 * Endpoint edges never pass through a pod they do not end at: on the playground's seed topology and on random
 * clusters laid out by the topology graph.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossings, routeEdges, sceneOf, segmentHitsRect } from './edgeRouting';
import type { XY } from './elements';
import { diff, node, pod, service, slice } from './testing';
import { TopologyGraph } from './topologyGraph';

function graphOf(nodes: string[], pods: [string, string][], services: [string, string[]][]) {
  const g = new TopologyGraph();
  return g.apply([
    diff([
      ...nodes.map((n, i) => node(n, i === 0)),
      ...pods.map(([p, n]) => pod(p, n)),
      ...services.map(([s]) => service(s)),
      ...services.map(([s, eps]) => slice(s, eps.map((p) => ({ pod: p, ready: true })))),
    ]),
  ]);
}

/** Every route's pod crossings (0 when every edge avoids every other pod). */
function crossingsOf(view: ReturnType<typeof graphOf>, route: (scene: ReturnType<typeof sceneOf>) => Map<string, XY[]>): number[] {
  const scene = sceneOf(view.nodes);
  const routes = route(scene);
  expect(routes.size).toBe(view.edges.length);
  return view.edges.map((e) => crossings(scene, routes.get(e.id) ?? [], e.target));
}

const straight = (view: ReturnType<typeof graphOf>) => (scene: ReturnType<typeof sceneOf>) => {
  const out = new Map<string, XY[]>();
  for (const e of view.edges) {
    const s = scene.services.get(e.source);
    const p = scene.pods.get(e.target)?.rect;
    if (s && p) out.set(e.id, [{ x: s.x + s.width / 2, y: s.y + s.height }, { x: p.x + p.width / 2, y: p.y }]);
  }
  return out;
};

describe('edge routing', () => {
  const workers = ['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3'];
  // the seed: nginx ×4 over the workers, the `app` client pod beside one of them, one Service
  const seed = graphOf(
    workers,
    [
      ['app', 'kind-worker'],
      ['nginx-5659547d6b-rxsxk', 'kind-worker'],
      ['nginx-5659547d6b-sjbtm', 'kind-worker2'],
      ['nginx-5659547d6b-xzrvh', 'kind-worker3'],
      ['nginx-5659547d6b-b6dsc', 'kind-worker3'],
    ],
    [['nginx', ['nginx-5659547d6b-rxsxk', 'nginx-5659547d6b-sjbtm', 'nginx-5659547d6b-xzrvh', 'nginx-5659547d6b-b6dsc']]],
  );

  it('crosses no pod on the seed topology, where straight lines cross the app pod', () => {
    expect(crossingsOf(seed, straight(seed)).some((n) => n > 0)).toBe(true);
    expect(crossingsOf(seed, (scene) => routeEdges(scene, seed.edges))).toEqual([0, 0, 0, 0]);
  });

  it('ends each route on its pod and starts it under its Service', () => {
    const scene = sceneOf(seed.nodes);
    const routes = routeEdges(scene, seed.edges);
    for (const e of seed.edges) {
      const pts = routes.get(e.id) ?? [];
      const svc = scene.services.get(e.source);
      const p = scene.pods.get(e.target)?.rect;
      if (!svc || !p) throw new Error('missing end');
      expect(pts[0]).toEqual({ x: svc.x + svc.width / 2, y: svc.y + svc.height });
      const end = pts[pts.length - 1];
      expect(end.y).toBe(p.y + p.height / 2);
      expect([p.x, p.x + p.width]).toContain(end.x);
      // orthogonal: every segment is horizontal or vertical
      for (let i = 1; i < pts.length; i++) expect(pts[i].x === pts[i - 1].x || pts[i].y === pts[i - 1].y).toBe(true);
    }
  });

  it('crosses no pod on random clusters', () => {
    const cluster = fc
      .record({ nodes: fc.integer({ min: 1, max: 7 }), pods: fc.array(fc.nat(6), { maxLength: 40 }), services: fc.integer({ min: 1, max: 5 }), seed: fc.nat() })
      .map(({ nodes, pods, services, seed }) => {
        const names = Array.from({ length: nodes }, (_, i) => `n${i}`);
        // pod i on node pods[i] (some unscheduled when the index is past the nodes)
        const placed = pods.map((n, i): [string, string] => [`p${String(i).padStart(2, '0')}`, n < nodes ? names[n] : '']);
        const svcs = Array.from({ length: services }, (_, s): [string, string[]] => [`s${s}`, placed.filter((_, i) => (i * 7 + s * 3 + seed) % (s + 2) === 0).map(([p]) => p)]);
        return { names, placed, svcs };
      });
    fc.assert(
      fc.property(cluster, ({ names, placed, svcs }) => {
        const view = graphOf(names, placed, svcs);
        for (const n of crossingsOf(view, (scene) => routeEdges(scene, view.edges))) expect(n).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('counts the pods a polyline crosses as testing every pod would, row index or not', () => {
    const view = graphOf(
      ['n0', 'n1', 'n2'],
      Array.from({ length: 60 }, (_, i): [string, string] => [`p${String(i).padStart(2, '0')}`, i % 7 === 6 ? '' : `n${i % 3}`]),
      [['s0', ['p00']]],
    );
    const scene = sceneOf(view.nodes);
    const brute = (points: XY[], target: string) => {
      let n = 0;
      for (const [id, p] of scene.pods) {
        if (id === target) continue;
        for (let i = 1; i < points.length; i++) {
          if (segmentHitsRect(points[i - 1], points[i], p.rect)) {
            n++;
            break;
          }
        }
      }
      return n;
    };
    const point = fc.record({ x: fc.integer({ min: -100, max: 1500 }), y: fc.integer({ min: -100, max: 2500 }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 5 }), fc.constantFrom(...scene.pods.keys()), (points, target) => {
        expect(crossings(scene, points, target)).toBe(brute(points, target));
      }),
      { numRuns: 300 },
    );
  });

  it('detects a segment through a rectangle, not one along its outside', () => {
    const r = { x: 0, y: 0, width: 10, height: 10 };
    expect(segmentHitsRect({ x: -5, y: 5 }, { x: 15, y: 5 }, r)).toBe(true);
    expect(segmentHitsRect({ x: 5, y: -5 }, { x: 5, y: 3 }, r)).toBe(true);
    expect(segmentHitsRect({ x: -5, y: 10 }, { x: 15, y: 10 }, r)).toBe(false);
    expect(segmentHitsRect({ x: -5, y: 5 }, { x: 0, y: 5 }, r)).toBe(false);
  });
});
