/** Builders for graph tests: wire objects as the worker sends them, and diffs of them. */
import type { ClusterDiff, ClusterChanges } from '../protocol/messages';
import type { WireKind, WireObject } from '../protocol/objects';

const t = '2026-01-05T09:00:00Z';
let rv = 1;

export function meta(name: string, namespace?: string, extra: Record<string, unknown> = {}) {
  return { name, ...(namespace ? { namespace } : {}), uid: `uid-${name}`, resourceVersion: String(rv++), creationTimestamp: t, ...extra };
}

export const node = (name: string, cp = false): WireObject => ({
  kind: 'Node',
  metadata: meta(name, undefined, cp ? { labels: { 'node-role.kubernetes.io/control-plane': '' } } : {}),
});

export const pod = (name: string, nodeName: string, ready = true, namespace = 'default'): WireObject => ({
  kind: 'Pod',
  metadata: meta(name, namespace, { labels: { app: 'web' } }),
  spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }] },
  status: { phase: 'Running', podIP: `10.244.1.${rv % 250}` },
  view: { status: 'Running', ready: ready ? '1/1' : '0/1', podReady: ready, restarts: 0 },
});

export const service = (name: string): WireObject => ({
  kind: 'Service',
  metadata: meta(name, 'default'),
  spec: { selector: { app: 'web' }, clusterIP: '10.96.1.1', ports: [{ port: 80 }] },
});

export interface EndpointSpec {
  pod: string;
  ready: boolean;
  terminating?: boolean;
  /** The engine's decision, as the worker sends it (defaults to `ready`). */
  newConnections?: boolean;
}

export const slice = (svc: string, endpoints: EndpointSpec[], name = `${svc}-abcde`): WireObject => ({
  kind: 'EndpointSlice',
  metadata: meta(name, 'default', { labels: { 'kubernetes.io/service-name': svc } }),
  ports: [{ port: 8080 }],
  endpoints: endpoints.map((e) => ({
    addresses: ['10.244.1.9'],
    conditions: { ready: e.ready, serving: e.ready, terminating: !!e.terminating },
    targetRef: { kind: 'Pod', namespace: 'default', name: e.pod },
  })),
  proxyView: { serviceHasReady: endpoints.some((e) => e.ready), newConnections: endpoints.map((e) => e.newConnections ?? e.ready) },
});

/** A diff adding `added`, updating each `[from, to]` and removing `removed`. */
export function diff(added: WireObject[], updated: [WireObject, WireObject][] = [], removed: WireObject[] = [], reset = false): ClusterDiff {
  const changes: ClusterChanges = {};
  const of = (k: WireKind) => {
    changes[k] ??= { added: [], updated: [], removed: [] };
    return changes[k];
  };
  for (const o of added) of(o.kind).added.push(o);
  for (const u of updated) of(u[1].kind).updated.push(u);
  for (const o of removed) of(o.kind).removed.push(o);
  return { type: 'diff', resourceVersion: rv, time: 0, reset, changes, log: [] };
}

/** The same object, changed: a new resourceVersion and the fields given. */
export function changed(o: WireObject, fields: Record<string, unknown>): WireObject {
  return { ...o, metadata: { ...o.metadata, resourceVersion: String(rv++) }, ...fields };
}
