import { describe, expect, it } from 'vitest';
import type { WireObject } from '../protocol/objects';
import { type LodNode, LevelOfDetail, type PodGroupData, type PodGroupEdgeData, detailForZoom, ownersBelowZoom } from './levelOfDetail';
import { changed, diff, node, pod, service, slice } from './testing';
import { TopologyGraph } from './topologyGraph';

/** A pod owned by ReplicaSet `rs` (as the ReplicaSet controller creates them). */
function owned(name: string, nodeName: string, rs: string, ready = true): WireObject {
  const p = pod(name, nodeName, ready);
  return { ...p, metadata: { ...p.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs, uid: `uid-${rs}`, controller: true }] } };
}

const replicaSet = (name: string, deployment: string): WireObject => ({
  kind: 'ReplicaSet',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment, uid: `uid-${deployment}`, controller: true }] },
});

/** 5 `big` pods and 1 bare pod on kind-worker, 2 `big` pods on kind-worker2 (one not Ready), a Service over all. */
function cluster() {
  const g = new TopologyGraph();
  const pods = [
    ...[1, 2, 3, 4, 5].map((i) => owned(`big-x-${i}`, 'kind-worker', 'big-x')),
    owned('big-x-6', 'kind-worker2', 'big-x'),
    owned('big-x-7', 'kind-worker2', 'big-x', false),
    pod('app', 'kind-worker'),
  ];
  const endpoints = pods.map((p) => ({ pod: p.metadata.name, ready: p.metadata.name !== 'big-x-7' }));
  g.apply([diff([node('kind-control-plane', true), node('kind-worker'), node('kind-worker2'), replicaSet('big-x', 'big'), ...pods, service('web'), slice('web', endpoints)], [], [], true)]);
  return { g, pods, endpoints };
}

const ofType = (nodes: readonly LodNode[], type: string) => nodes.filter((n) => n.type === type);

describe('detailForZoom', () => {
  it('groups pods only below the zoom where their text is unreadable', () => {
    expect(detailForZoom(1)).toBe('pods');
    expect(detailForZoom(ownersBelowZoom)).toBe('pods');
    expect(detailForZoom(ownersBelowZoom - 0.01)).toBe('owners');
    expect(detailForZoom(0.05)).toBe('owners');
  });
});

describe('LevelOfDetail', () => {
  it('draws every pod as it is at pod detail', () => {
    const { g } = cluster();
    const v = new LevelOfDetail().view(g.view.nodes, g.view.edges, 'pods');
    expect(v.nodes).toBe(g.view.nodes);
    expect(v.edges).toBe(g.view.edges);
    expect(v.summary).toEqual({ pods: 8, readyPods: 7, readyEndpoints: 7 });
  });

  it('groups the pods of one owner on one node into one card, inside that node box', () => {
    const { g } = cluster();
    const v = new LevelOfDetail().view(g.view.nodes, g.view.edges, 'owners');
    const cards = ofType(v.nodes, 'podGroup');
    expect(cards.map((c) => c.id)).toEqual(['group:default/Deployment/big@kind-worker', 'group:default/Deployment/big@kind-worker2']);
    const [w1, w2] = cards.map((c) => c.data as PodGroupData);
    expect([w1.owner, w1.pods, w1.ready, w1.node]).toEqual(['big', 5, 5, 'kind-worker']);
    expect([w2.pods, w2.ready]).toEqual([2, 1]);
    expect(cards.map((c) => c.parentId)).toEqual(['node:kind-worker', 'node:kind-worker2']);
    // a pod alone of its owner on its node stays a pod card
    expect(ofType(v.nodes, 'pod').map((n) => n.id)).toEqual(['pod:default/app']);
    // totals are over all pods, whatever is drawn
    expect(v.summary).toEqual({ pods: 8, readyPods: 7, readyEndpoints: 7 });
  });

  it('fits the cards in the box the pods took, so nothing outside it moves', () => {
    const { g } = cluster();
    const v = new LevelOfDetail().view(g.view.nodes, g.view.edges, 'owners');
    const box = v.nodes.find((n) => n.id === 'node:kind-worker') as LodNode;
    expect(box).toBe(g.view.nodes.find((n) => n.id === 'node:kind-worker'));
    for (const n of v.nodes.filter((c) => c.parentId === box.id)) {
      expect(n.position.y + (n.height ?? 0)).toBeLessThanOrEqual(box.height ?? 0);
      expect(n.position.x + (n.width ?? 0)).toBeLessThanOrEqual(box.width ?? Number.POSITIVE_INFINITY);
    }
    // parents come before their children, as React Flow requires
    const index = new Map(v.nodes.map((n, i) => [n.id, i]));
    for (const n of v.nodes) if (n.parentId) expect(index.get(n.parentId)).toBeLessThan(index.get(n.id) ?? -1);
  });

  it('merges the endpoint edges to a card into one edge per Service, solid if any endpoint is ready', () => {
    const { g } = cluster();
    const v = new LevelOfDetail().view(g.view.nodes, g.view.edges, 'owners');
    const edges = new Map(v.edges.map((e) => [e.id, e]));
    expect([...edges.keys()].sort()).toEqual(['ep:default/web/app', 'epgroup:default/web>group:default/Deployment/big@kind-worker', 'epgroup:default/web>group:default/Deployment/big@kind-worker2']);
    const d2 = edges.get('epgroup:default/web>group:default/Deployment/big@kind-worker2')?.data as PodGroupEdgeData;
    expect([d2.endpoints, d2.ready, d2.port]).toEqual([2, true, 8080]);
    expect(edges.get('epgroup:default/web>group:default/Deployment/big@kind-worker2')?.target).toBe('group:default/Deployment/big@kind-worker2');
  });

  it('rebuilds only the box whose pods changed; the other box keeps its card object', () => {
    const { g, pods, endpoints } = cluster();
    const lod = new LevelOfDetail();
    const before = lod.view(g.view.nodes, g.view.edges, 'owners');
    expect(lod.work).toBe(8);
    // the same inputs: the same view, no work
    expect(lod.view(g.view.nodes, g.view.edges, 'owners')).toBe(before);
    expect(lod.work).toBe(0);
    // big-x-7 on kind-worker2 becomes Ready
    const p7 = pods[6];
    const s = g.view.edges;
    g.apply([diff([], [[p7, changed(p7, { view: { status: 'Running', ready: '1/1', podReady: true, restarts: 0 } })]])]);
    expect(g.view.edges).toBe(s);
    const after = lod.view(g.view.nodes, g.view.edges, 'owners');
    expect(lod.work).toBe(2);
    const card = (v: typeof before, id: string) => v.nodes.find((n) => n.id === id);
    expect(card(after, 'group:default/Deployment/big@kind-worker')).toBe(card(before, 'group:default/Deployment/big@kind-worker'));
    expect((card(after, 'group:default/Deployment/big@kind-worker2')?.data as PodGroupData | undefined)?.ready).toBe(2);
    expect(after.summary.readyPods).toBe(8);
    expect(endpoints).toHaveLength(8);
  });

  it('keeps an unchanged merged edge object from one view to the next', () => {
    const { g, pods } = cluster();
    const lod = new LevelOfDetail();
    const before = lod.view(g.view.nodes, g.view.edges, 'owners');
    g.apply([diff([owned('big-x-8', 'kind-worker2', 'big-x')])]);
    const after = lod.view(g.view.nodes, g.view.edges, 'owners');
    const edge = (v: typeof before) => v.edges.find((e) => e.id === 'epgroup:default/web>group:default/Deployment/big@kind-worker');
    expect(edge(after)).toBe(edge(before));
    expect((after.nodes.find((n) => n.id === 'group:default/Deployment/big@kind-worker2')?.data as PodGroupData | undefined)?.pods).toBe(3);
    expect(pods).toHaveLength(8);
  });

  it("groups a StatefulSet's pods under the set, apart from a Deployment of the same name", () => {
    const g = new TopologyGraph();
    const ordinal = (i: number, nodeName: string): WireObject => {
      const p = pod(`web-${i}`, nodeName);
      return { ...p, metadata: { ...p.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'uid-sts-web', controller: true }] } };
    };
    const pods = [ordinal(0, 'kind-worker'), ordinal(1, 'kind-worker'), ordinal(2, 'kind-worker2'), owned('web-7f-a', 'kind-worker', 'web-7f'), owned('web-7f-b', 'kind-worker', 'web-7f')];
    g.apply([diff([node('kind-worker'), node('kind-worker2'), replicaSet('web-7f', 'web'), ...pods], [], [], true)]);
    const v = new LevelOfDetail().view(g.view.nodes, g.view.edges, 'owners');
    const cards = ofType(v.nodes, 'podGroup').map((c) => c.data as PodGroupData);
    expect(cards.map((c) => [c.ownerKind, c.owner, c.node, c.pods])).toEqual([
      ['Deployment', 'web', 'kind-worker', 2],
      ['StatefulSet', 'web', 'kind-worker', 2],
    ]);
    // web-2, alone of its set on kind-worker2, stays a pod card
    expect(ofType(v.nodes, 'pod').map((n) => n.id)).toEqual(['pod:default/web-2']);
  });

  it('stays bounded at 1,000 pods: a handful of cards, not a thousand', () => {
    const g = new TopologyGraph();
    const nodes = ['kind-worker', 'kind-worker2', 'kind-worker3'];
    const pods = Array.from({ length: 1000 }, (_, i) => owned(`big-x-${String(i).padStart(4, '0')}`, nodes[i % 3], 'big-x', i % 10 !== 0));
    g.apply([diff([node('kind-control-plane', true), ...nodes.map((n) => node(n)), replicaSet('big-x', 'big'), ...pods], [], [], true)]);
    const v = new LevelOfDetail().view(g.view.nodes, g.view.edges, 'owners');
    expect(v.nodes.length).toBe(4 + 3);
    const total = ofType(v.nodes, 'podGroup').reduce((s, c) => s + (c.data as PodGroupData).pods, 0);
    expect(total).toBe(1000);
    expect(v.summary).toEqual({ pods: 1000, readyPods: 900, readyEndpoints: 0 });
  });
});
