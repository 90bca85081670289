import type { Edge } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { ClusterDiff } from '../../protocol/messages';
import type { WireObject } from '../../protocol/objects';
import { applyDiffs, emptyMirror } from '../../state/clusterMirror';
import { buildGraph, serviceSummary } from './graphModel';

const t = '2026-01-05T09:00:00Z';
let rv = 1;
function meta(name: string, namespace?: string, extra: Record<string, unknown> = {}) {
  return { name, ...(namespace ? { namespace } : {}), uid: `uid-${name}`, resourceVersion: String(rv++), creationTimestamp: t, ...extra };
}
const node = (name: string, cp = false): WireObject => ({
  kind: 'Node',
  metadata: meta(name, undefined, cp ? { labels: { 'node-role.kubernetes.io/control-plane': '' } } : {}),
});
const pod = (name: string, nodeName: string, ready = true): WireObject => ({
  kind: 'Pod',
  metadata: meta(name, 'default', { labels: { app: 'web' } }),
  spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }] },
  status: { phase: 'Running', podIP: `10.244.1.${rv}` },
  view: { status: 'Running', ready: ready ? '1/1' : '0/1', podReady: ready, restarts: 0 },
});
const service = (name: string): WireObject => ({ kind: 'Service', metadata: meta(name, 'default'), spec: { selector: { app: 'web' }, clusterIP: '10.96.1.1', ports: [{ port: 80 }] } });
const slice = (svc: string, endpoints: Array<{ pod: string; ready: boolean; terminating?: boolean }>): WireObject => ({
  kind: 'EndpointSlice',
  metadata: meta(`${svc}-abcde`, 'default', { labels: { 'kubernetes.io/service-name': svc } }),
  ports: [{ port: 8080 }],
  endpoints: endpoints.map((e) => ({
    addresses: ['10.244.1.9'],
    conditions: { ready: e.ready, serving: e.ready, terminating: !!e.terminating },
    targetRef: { kind: 'Pod', namespace: 'default', name: e.pod },
  })),
});

function diff(upserted: WireObject[], removed: string[] = []): ClusterDiff {
  return { type: 'diff', resourceVersion: rv, time: 0, reset: false, upserted, removed, log: [] };
}

describe('graph model', () => {
  const base = applyDiffs(emptyMirror, [
    diff([node('kind-control-plane', true), node('kind-worker'), node('kind-worker2'), pod('web-1', 'kind-worker'), pod('web-2', 'kind-worker'), pod('web-3', 'kind-worker2', false), service('web'), slice('web', [
      { pod: 'web-1', ready: true },
      { pod: 'web-2', ready: true },
      { pod: 'web-3', ready: false },
    ])]),
  ]);

  it('puts pods inside their node boxes and the Service outside every box', () => {
    const g = buildGraph(base, new Map());
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    expect(byId.get('pod:default/web-1')?.parentId).toBe('node:kind-worker');
    expect(byId.get('pod:default/web-3')?.parentId).toBe('node:kind-worker2');
    expect(byId.get('svc:default/web')?.parentId).toBeUndefined();
    // the control plane comes first, then the workers in name order
    expect(g.nodes.filter((n) => n.type === 'k8sNode').map((n) => n.id)).toEqual(['node:kind-control-plane', 'node:kind-worker', 'node:kind-worker2']);
  });

  it('draws an edge per endpoint from the EndpointSlices, ready or not', () => {
    const g = buildGraph(base, new Map());
    const edges = new Map(g.edges.map((e: Edge) => [e.id, e]));
    expect([...edges.keys()].sort()).toEqual(['ep:default/web/web-1', 'ep:default/web/web-2', 'ep:default/web/web-3']);
    const edge = (id: string): Edge => {
      const e = edges.get(id);
      if (!e) throw new Error(`no edge ${id}`);
      return e;
    };
    expect((edge('ep:default/web/web-3').data as { ready: boolean }).ready).toBe(false);
    expect((edge('ep:default/web/web-1').domAttributes as Record<string, string>)['data-ready']).toBe('true');
    expect((edge('ep:default/web/web-1').data as { port: number }).port).toBe(8080);
  });

  it('drops the edge of a terminating endpoint at once', () => {
    const m = applyDiffs(base, [diff([slice('web', [{ pod: 'web-1', ready: false, terminating: true }, { pod: 'web-2', ready: true }])])]);
    expect(buildGraph(m, new Map()).edges.map((e) => e.id)).toEqual(['ep:default/web/web-2']);
  });

  it('keeps every other element where it was when one pod changes', () => {
    const g1 = buildGraph(base, new Map());
    const m2 = applyDiffs(base, [diff([pod('web-4', 'kind-worker')], ['Pod/default/web-1'])]);
    const g2 = buildGraph(m2, g1.slots);
    const pos = (g: typeof g1, id: string) => g.nodes.find((n) => n.id === id)?.position;
    expect(pos(g2, 'pod:default/web-2')).toEqual(pos(g1, 'pod:default/web-2'));
    expect(pos(g2, 'pod:default/web-3')).toEqual(pos(g1, 'pod:default/web-3'));
    expect(pos(g2, 'svc:default/web')).toEqual(pos(g1, 'svc:default/web'));
    // the new pod takes the slot the deleted one freed
    expect(pos(g2, 'pod:default/web-4')).toEqual(pos(g1, 'pod:default/web-1'));
  });

  it('lays node boxes out in a grid and keeps lower rows still while a box grows within its reserve', () => {
    const four = applyDiffs(base, [diff([node('kind-worker3')])]);
    const g1 = buildGraph(four, new Map());
    const box = (g: typeof g1, id: string) => g.nodes.find((n) => n.id === id);
    // two columns: control plane and kind-worker on top, kind-worker2 and kind-worker3 below
    expect(box(g1, 'node:kind-worker2')?.position.y).toBeGreaterThan(box(g1, 'node:kind-control-plane')?.position.y ?? 0);
    expect(box(g1, 'node:kind-worker3')?.position.x).toBe(box(g1, 'node:kind-worker')?.position.x);
    // two more pods on kind-worker (now 4: two rows) fit in the reserve: the row below does not move
    const grown = applyDiffs(four, [diff([pod('web-5', 'kind-worker'), pod('web-6', 'kind-worker')])]);
    const g2 = buildGraph(grown, g1.slots);
    expect(box(g2, 'node:kind-worker')?.height).toBeGreaterThan(box(g1, 'node:kind-worker')?.height ?? 0);
    expect(box(g2, 'node:kind-worker3')?.position).toEqual(box(g1, 'node:kind-worker3')?.position);
  });

  it('summarises a Service by its address and ports, an ExternalName by where it points', () => {
    expect(serviceSummary({ spec: { type: 'NodePort', clusterIP: '10.96.1.2', ports: [{ port: 80, nodePort: 30306, protocol: 'TCP' }] } })).toBe('10.96.1.2 80:30306/TCP');
    expect(serviceSummary({ spec: { type: 'ExternalName', externalName: 'example.com' } })).toBe('→ example.com');
  });

  it('hides kube-system by default', () => {
    const m = applyDiffs(base, [diff([{ ...pod('coredns-1', 'kind-control-plane'), metadata: meta('coredns-1', 'kube-system') }])]);
    expect(buildGraph(m, new Map()).nodes.some((n) => n.id === 'pod:kube-system/coredns-1')).toBe(false);
  });
});
