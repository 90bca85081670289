import { describe, expect, it } from 'vitest';
import type { GraphNode } from './elements';
import { changed, diff, node, pod, service, slice } from './testing';
import { TopologyGraph } from './topologyGraph';

function seeded() {
  const g = new TopologyGraph();
  const objects = {
    web1: pod('web-1', 'kind-worker'),
    web2: pod('web-2', 'kind-worker'),
    web3: pod('web-3', 'kind-worker2', false),
    svc: service('web'),
    slice: slice('web', [
      { pod: 'web-1', ready: true },
      { pod: 'web-2', ready: true },
      { pod: 'web-3', ready: false },
    ]),
  };
  g.apply([diff([node('kind-control-plane', true), node('kind-worker'), node('kind-worker2'), ...Object.values(objects)], [], [], true)]);
  return { g, ...objects };
}
const byId = (nodes: readonly GraphNode[]) => new Map(nodes.map((n) => [n.id, n]));
const pos = (g: TopologyGraph, id: string) => byId(g.view.nodes).get(id)?.position;

describe('TopologyGraph', () => {
  it('puts pods inside their node boxes and the Service outside every box', () => {
    const { g } = seeded();
    const nodes = byId(g.view.nodes);
    expect(nodes.get('pod:default/web-1')?.parentId).toBe('node:kind-worker');
    expect(nodes.get('pod:default/web-3')?.parentId).toBe('node:kind-worker2');
    expect(nodes.get('svc:default/web')?.parentId).toBeUndefined();
    // the control plane comes first, then the workers in name order; boxes before the pods they hold
    expect(g.view.nodes.filter((n) => n.type === 'k8sNode').map((n) => n.id)).toEqual(['node:kind-control-plane', 'node:kind-worker', 'node:kind-worker2']);
    expect(g.view.nodes.findIndex((n) => n.type === 'pod')).toBeGreaterThan(g.view.nodes.findIndex((n) => n.id === 'node:kind-worker2'));
  });

  it('draws an edge per endpoint: solid where kube-proxy sends new connections, dashed where not', () => {
    const { g } = seeded();
    const edges = new Map(g.view.edges.map((e) => [e.id, e]));
    expect([...edges.keys()].sort()).toEqual(['ep:default/web/web-1', 'ep:default/web/web-2', 'ep:default/web/web-3']);
    expect(edges.get('ep:default/web/web-3')?.data.ready).toBe(false);
    expect(edges.get('ep:default/web/web-1')?.domAttributes['data-ready']).toBe('true');
    expect(edges.get('ep:default/web/web-1')?.data.port).toBe(8080);
  });

  it('drops the edge of a terminating endpoint that gets no new connections, keeps one that still does', () => {
    const { g, slice: s } = seeded();
    const next = slice('web', [{ pod: 'web-1', ready: false, terminating: true }, { pod: 'web-2', ready: true }]);
    g.apply([diff([], [[s, next]])]);
    expect(g.view.edges.map((e) => e.id)).toEqual(['ep:default/web/web-2']);
    // nothing Ready is left: the engine says the serving terminating endpoint gets new connections again
    const fallback = slice('web', [{ pod: 'web-1', ready: false, terminating: true, newConnections: true }]);
    g.apply([diff([], [[next, fallback]])]);
    expect(g.view.edges.map((e) => [e.id, e.data.ready])).toEqual([['ep:default/web/web-1', true]]);
  });

  it('keeps every other element where it was when one pod goes and another comes', () => {
    const { g, web1 } = seeded();
    const before = byId(g.view.nodes);
    g.apply([diff([pod('web-4', 'kind-worker')], [], [web1])]);
    for (const id of ['pod:default/web-2', 'pod:default/web-3', 'svc:default/web']) expect(pos(g, id)).toEqual(before.get(id)?.position);
    // the new pod takes the slot the deleted one freed
    expect(pos(g, 'pod:default/web-4')).toEqual(before.get('pod:default/web-1')?.position);
  });

  it('names the pods a batch deleted, as they were drawn, and none after a batch that deleted nothing or a reset', () => {
    const { g, web1, web3 } = seeded();
    const drawn = byId(g.view.nodes);
    g.apply([diff([], [], [web1, web3])]);
    expect(g.view.left).toEqual([drawn.get('pod:default/web-1'), drawn.get('pod:default/web-3')]);
    g.apply([diff([pod('web-5', 'kind-worker')])]);
    expect(g.view.left).toEqual([]);
    g.apply([diff([], [], [pod('web-5', 'kind-worker')])]);
    expect(g.view.left.map((n) => n.id)).toEqual(['pod:default/web-5']);
    g.apply([diff([node('kind-worker')], [], [], true)]);
    expect(g.view.left).toEqual([]);
  });

  it('lays node boxes out in a grid and keeps lower rows still while a box grows within its reserve', () => {
    const { g } = seeded();
    g.apply([diff([node('kind-worker3')])]);
    const box = (id: string) => byId(g.view.nodes).get(id);
    // two columns: control plane and kind-worker on top, kind-worker2 and kind-worker3 below
    expect(box('node:kind-worker2')?.position.y).toBeGreaterThan(box('node:kind-control-plane')?.position.y ?? 0);
    expect(box('node:kind-worker3')?.position.x).toBe(box('node:kind-worker')?.position.x);
    const h1 = box('node:kind-worker')?.height ?? 0;
    const below = box('node:kind-worker3')?.position;
    // two more pods on kind-worker (now 4: two rows) fit in the reserve: the row below does not move
    g.apply([diff([pod('web-5', 'kind-worker'), pod('web-6', 'kind-worker')])]);
    expect(box('node:kind-worker')?.height).toBeGreaterThan(h1);
    expect(box('node:kind-worker3')?.position).toEqual(below);
  });

  it('moves a pod from the unscheduled group into its node box when it is bound', () => {
    const { g } = seeded();
    const pending = pod('late', '');
    g.apply([diff([pending])]);
    expect(byId(g.view.nodes).get('pod:default/late')?.parentId).toBe('node:(unscheduled)');
    g.apply([diff([], [[pending, changed(pending, { spec: { nodeName: 'kind-worker2' } })]])]);
    expect(byId(g.view.nodes).get('pod:default/late')?.parentId).toBe('node:kind-worker2');
    expect(byId(g.view.nodes).has('node:(unscheduled)')).toBe(false);
  });

  it('badges a pod with its Deployment, even when the ReplicaSet arrives after the pod', () => {
    const g = new TopologyGraph();
    const p = { ...pod('web-7f-x', 'kind-worker'), metadata: { ...pod('web-7f-x', 'kind-worker').metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7f', uid: 'u', controller: true }] } };
    g.apply([diff([node('kind-worker'), p])]);
    expect(byId(g.view.nodes).get('pod:default/web-7f-x')?.data.owner).toBeUndefined();
    const rs = { kind: 'ReplicaSet' as const, metadata: { name: 'web-7f', namespace: 'default', uid: 'rs', resourceVersion: '9', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd', controller: true }] } };
    g.apply([diff([rs])]);
    expect(byId(g.view.nodes).get('pod:default/web-7f-x')?.data.owner).toEqual({ kind: 'Deployment', name: 'web' });
  });

  it('badges a pod with its StatefulSet straight from its controller reference, and only a controller', () => {
    const g = new TopologyGraph();
    const ownedBy = (name: string, controller: boolean) => {
      const p = pod(name, 'kind-worker');
      return { ...p, metadata: { ...p.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 's', controller }] } };
    };
    g.apply([diff([node('kind-worker'), ownedBy('web-0', true), ownedBy('stray', false)])]);
    const nodes = byId(g.view.nodes);
    expect(nodes.get('pod:default/web-0')?.data.owner).toEqual({ kind: 'StatefulSet', name: 'web' });
    expect(nodes.get('pod:default/stray')?.data.owner).toBeUndefined();
    // a status change rebuilds the card with the same owner; released by its set, the pod loses its badge
    const web0 = nodes.get('pod:default/web-0')?.data.pod as ReturnType<typeof pod>;
    g.apply([diff([], [[web0, changed(web0, { status: { podIP: '10.244.1.7' } })]])]);
    expect(byId(g.view.nodes).get('pod:default/web-0')?.data.owner).toEqual({ kind: 'StatefulSet', name: 'web' });
    const latest = byId(g.view.nodes).get('pod:default/web-0')?.data.pod as ReturnType<typeof pod>;
    g.apply([diff([], [[latest, changed(latest, { metadata: { ...latest.metadata, ownerReferences: [] } })]])]);
    expect(byId(g.view.nodes).get('pod:default/web-0')?.data.owner).toBeUndefined();
  });

  it('hides kube-system by default and empties on a reset', () => {
    const { g } = seeded();
    g.apply([diff([pod('coredns-1', 'kind-control-plane', true, 'kube-system')])]);
    expect(byId(g.view.nodes).has('pod:kube-system/coredns-1')).toBe(false);
    g.apply([diff([node('solo')], [], [], true)]);
    expect(g.view.nodes.map((n) => n.id)).toEqual(['node:solo']);
    expect(g.view.edges).toEqual([]);
  });

  it('orders pods by namespace/name whatever order they arrived in', () => {
    const g = new TopologyGraph();
    g.apply([diff([node('w'), pod('c', 'w'), pod('a', 'w')])]);
    g.apply([diff([pod('b', 'w')])]);
    expect(g.view.nodes.filter((n) => n.type === 'pod').map((n) => n.id)).toEqual(['pod:default/a', 'pod:default/b', 'pod:default/c']);
  });

  it('returns the very same view when a diff changes nothing it draws', () => {
    const { g } = seeded();
    const view = g.view;
    g.apply([diff([{ kind: 'Namespace', metadata: { name: 'team-a', uid: 'ns', resourceVersion: '1' } }])]);
    expect(g.view).toBe(view);
  });
});

describe('TopologyGraph at scale: a one-pod change costs O(change)', () => {
  const workers = ['w1', 'w2', 'w3', 'w4'];
  function big() {
    const g = new TopologyGraph();
    const pods = Array.from({ length: 1000 }, (_, i) => pod(`web-${i}`, workers[i % workers.length]));
    // ten Services of 100 pods each, one slice per Service (the controller's 100-endpoint cap)
    const services = Array.from({ length: 10 }, (_, s) => service(`svc-${s}`));
    const slices = services.map((svc, s) =>
      slice(svc.metadata.name, pods.slice(s * 100, s * 100 + 100).map((p) => ({ pod: p.metadata.name, ready: true }))),
    );
    g.apply([diff([...workers.map((w) => node(w)), ...pods, ...services, ...slices], [], [], true)]);
    return { g, pods, slices };
  }

  it('builds 1,000 pods, 10 Services and 1,000 edges', () => {
    const { g } = big();
    expect(g.view.nodes.filter((n) => n.type === 'pod')).toHaveLength(1000);
    expect(g.view.edges).toHaveLength(1000);
  });

  it('a pod update replaces only that pod’s node; every other node and edge keeps its object', () => {
    const { g, pods } = big();
    const before = g.view;
    const target = pods[421];
    g.apply([diff([], [[target, changed(target, { view: { status: 'Running', ready: '0/1', podReady: false, restarts: 1 } })]])]);
    const after = g.view;
    const beforeById = byId(before.nodes);
    const replaced = after.nodes.filter((n) => beforeById.get(n.id) !== n).map((n) => n.id);
    expect(replaced).toEqual(['pod:default/web-421']);
    expect(after.nodes).toHaveLength(before.nodes.length);
    expect(after.edges).toBe(before.edges);
    expect(g.work).toBeLessThanOrEqual(2);
  });

  it('a slice update for one endpoint replaces only that edge, with work bounded by the slice, not the cluster', () => {
    const { g, slices } = big();
    const before = g.view;
    const s = slices[4];
    const endpoints = (s.endpoints as Array<{ conditions: { ready: boolean } }>).map((e, i) => (i === 7 ? { ...e, conditions: { ready: false, serving: false, terminating: false } } : e));
    const flags = endpoints.map((e) => e.conditions.ready);
    g.apply([diff([], [[s, changed(s, { endpoints, proxyView: { serviceHasReady: true, newConnections: flags } })]])]);
    const beforeEdges = new Map(before.edges.map((e) => [e.id, e]));
    const replaced = g.view.edges.filter((e) => beforeEdges.get(e.id) !== e).map((e) => e.id);
    expect(replaced).toEqual(['ep:default/svc-4/web-407']);
    expect(g.view.nodes).toBe(before.nodes);
    // one visit per endpoint of the changed slice (100) and one edge sync: nothing proportional to 1,000 pods
    expect(g.work).toBeLessThanOrEqual(102);
  });

  it('deleting a pod removes its node and its edge and touches nothing else', () => {
    const { g, pods } = big();
    const before = g.view;
    g.apply([diff([], [], [pods[10]])]);
    expect(g.view.nodes.some((n) => n.id === 'pod:default/web-10')).toBe(false);
    expect(g.view.edges.some((e) => e.id === 'ep:default/svc-0/web-10')).toBe(false);
    const beforeNodes = byId(before.nodes);
    const replaced = g.view.nodes.filter((n) => beforeNodes.get(n.id) !== n).map((n) => n.id);
    // its box's pod count changed; nothing else
    expect(replaced).toEqual(['node:w3']);
    expect(g.view.edges.every((e) => before.edges.includes(e))).toBe(true);
    // the pod, its one slice reference and edge, and the layout pass over the 4 node boxes
    expect(g.work).toBeLessThanOrEqual(8);
  });
});
