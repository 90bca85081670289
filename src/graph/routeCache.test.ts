/** Routes kept across batches are exactly the routes computed afresh, and a batch that moves nothing re-routes nothing. */
import { describe, expect, it } from 'vitest';
import { routeEdges, sceneOf } from './edgeRouting';
import { RouteCache } from './routeCache';
import { changed, diff, node, pod, service, slice } from './testing';
import { TopologyGraph } from './topologyGraph';

const nodes = ['kind-control-plane', 'kind-worker', 'kind-worker2'];
const podName = (i: number) => `web-${String(i).padStart(3, '0')}`;

describe('route cache', () => {
  it('gives the fresh routes at every step while a Deployment grows, shrinks and is dragged', () => {
    const g = new TopologyGraph();
    const cache = new RouteCache();
    const pods = new Map<string, ReturnType<typeof pod>>();
    let view = g.apply([diff([...nodes.map((n, i) => node(n, i === 0)), service('web'), service('db')])]);
    const check = () => {
      const scene = sceneOf(view.nodes);
      expect(cache.route(scene, view.edges)).toEqual(routeEdges(scene, view.edges));
    };
    let sl = slice('web', []);
    // grow in batches of 7 over the workers and the unscheduled group, one batch at a time
    for (let batch = 0; batch < 6; batch++) {
      const added = Array.from({ length: 7 }, (_, j) => {
        const i = batch * 7 + j;
        const p = pod(podName(i), i % 4 === 3 ? '' : nodes[1 + (i % 2)]);
        pods.set(p.metadata.name, p);
        return p;
      });
      const next = slice('web', [...pods.keys()].map((p) => ({ pod: p, ready: true })), sl.metadata.name);
      view = g.apply([batch === 0 ? diff([...added, next]) : diff(added, [[sl, next]])]);
      sl = next;
      check();
    }
    // some pods go: the routes that were second choices may become first choices again
    const gone = [...pods.values()].filter((_, i) => i % 3 === 0);
    for (const p of gone) pods.delete(p.metadata.name);
    const after = slice('web', [...pods.keys()].map((p) => ({ pod: p, ready: true })), sl.metadata.name);
    view = g.apply([diff([], [[sl, after]], gone)]);
    check();
    // a box dragged across the others' corridors (as usePositions places it)
    const dragged = view.nodes.map((n) => (n.id === 'node:kind-worker2' ? { ...n, position: { x: n.position.x - 200, y: n.position.y + 40 } } : n));
    const scene = sceneOf(dragged);
    expect(cache.route(scene, view.edges)).toEqual(routeEdges(scene, view.edges));
  });

  it('re-routes nothing when a batch changes only pod statuses', () => {
    const g = new TopologyGraph();
    const cache = new RouteCache();
    const ps = Array.from({ length: 20 }, (_, i) => pod(podName(i), nodes[1 + (i % 2)], false));
    let view = g.apply([diff([...nodes.map((n, i) => node(n, i === 0)), service('web'), ...ps, slice('web', ps.map((p) => ({ pod: p.metadata.name, ready: false })))])]);
    cache.route(sceneOf(view.nodes), view.edges);
    expect(cache.routed).toBe(20);
    view = g.apply([diff([], ps.slice(0, 5).map((p) => [p, changed(p, { view: { status: 'Running', ready: '1/1', podReady: true, restarts: 0 } })]))]);
    cache.route(sceneOf(view.nodes), view.edges);
    expect(cache.routed).toBe(0);
  });
});
