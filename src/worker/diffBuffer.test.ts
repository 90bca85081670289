import { describe, expect, it } from 'vitest';
import type { Kind, KubeObject, WatchEvent } from '../engine';
import type { ClusterDiff } from '../protocol/messages';
import type { WireObject } from '../protocol/objects';
import { DiffBuffer } from './diffBuffer';

let rv = 0;
function event(type: WatchEvent['type'], kind: Kind, name: string, extra: Record<string, unknown> = {}): WatchEvent {
  rv++;
  const object = { metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: String(rv) }, ...extra } as unknown as KubeObject;
  return { type, kind, object, resourceVersion: rv } as WatchEvent;
}
const svc = (type: WatchEvent['type'], name: string, port: number) => event(type, 'Service', name, { spec: { ports: [{ port }] } });
const names = (os: readonly WireObject[]) => os.map((o) => o.metadata.name);
const port = (o: WireObject) => (o.spec as { ports: { port: number }[] }).ports[0].port;

function flushed(b: DiffBuffer): ClusterDiff {
  return b.flush(0);
}

describe('DiffBuffer', () => {
  it('sends a new object as added, then its changes as [from, to] with the value sent before', () => {
    const b = new DiffBuffer();
    b.add(svc('ADDED', 'web', 80));
    expect(names(flushed(b).changes.Service?.added ?? [])).toEqual(['web']);
    b.add(svc('MODIFIED', 'web', 81));
    const [pair] = flushed(b).changes.Service?.updated ?? [];
    expect([port(pair[0]), port(pair[1])]).toEqual([80, 81]);
  });

  it('keeps the first from and the last to when an object changes several times between flushes', () => {
    const b = new DiffBuffer();
    b.add(svc('ADDED', 'web', 80));
    flushed(b);
    for (const p of [81, 82, 83]) b.add(svc('MODIFIED', 'web', p));
    const d = flushed(b);
    expect(d.changes.Service?.updated.map(([f, t]) => [port(f), port(t)])).toEqual([[80, 83]]);
    expect(d.changes.Service?.added).toEqual([]);
  });

  it('cancels an object added and deleted between two flushes', () => {
    const b = new DiffBuffer();
    b.add(svc('ADDED', 'blip', 80));
    b.add(svc('MODIFIED', 'blip', 81));
    b.add(svc('DELETED', 'blip', 81));
    expect(flushed(b).changes).toEqual({});
  });

  it('removes with the last value sent, and turns delete-then-add into an update', () => {
    const b = new DiffBuffer();
    b.add(svc('ADDED', 'a', 80));
    b.add(svc('ADDED', 'b', 80));
    flushed(b);
    b.add(svc('MODIFIED', 'a', 90));
    b.add(svc('DELETED', 'a', 90));
    b.add(svc('DELETED', 'b', 80));
    b.add(svc('ADDED', 'b', 8080));
    const d = flushed(b);
    expect(d.changes.Service?.removed.map(port)).toEqual([80]);
    expect(names(d.changes.Service?.removed ?? [])).toEqual(['a']);
    expect(d.changes.Service?.updated.map(([f, t]) => [f.metadata.name, port(f), port(t)])).toEqual([['b', 80, 8080]]);
    expect(d.changes.Service?.added).toEqual([]);
  });

  it('marks a reset diff and sends everything after it as added, forgetting what was sent before', () => {
    const b = new DiffBuffer();
    b.add(svc('ADDED', 'web', 80));
    flushed(b);
    b.add(svc('MODIFIED', 'web', 81));
    b.markReset();
    b.add(svc('ADDED', 'web', 82));
    const d = flushed(b);
    expect(d.reset).toBe(true);
    expect(d.changes.Service?.added.map(port)).toEqual([82]);
    expect(d.changes.Service?.updated).toEqual([]);
    expect(flushed(b).reset).toBe(false);
  });

  it('groups changes by kind and carries the newest resourceVersion', () => {
    const b = new DiffBuffer();
    b.add(svc('ADDED', 'web', 80));
    const last = event('ADDED', 'Namespace', 'team-a');
    b.add(last);
    const d = flushed(b);
    expect(Object.keys(d.changes).sort()).toEqual(['Namespace', 'Service']);
    expect(d.resourceVersion).toBe(last.resourceVersion);
  });

  it('decorates pods with kubectl STATUS/READY and slices with kube-proxy’s choice', () => {
    const slices: WireObject[] = [];
    const b = new DiffBuffer({ slicesOfService: () => slices });
    b.add(event('ADDED', 'Pod', 'p', { spec: { containers: [{ name: 'c' }] }, status: { phase: 'Pending' } }));
    const slice = event('ADDED', 'EndpointSlice', 'web-x', {
      endpoints: [
        { addresses: ['10.0.0.1'], conditions: { ready: false, serving: true, terminating: true } },
        { addresses: ['10.0.0.2'], conditions: { ready: false, serving: false, terminating: false } },
      ],
    });
    (slice.object.metadata as { labels?: Record<string, string> }).labels = { 'kubernetes.io/service-name': 'web' };
    slices.push(slice.object as unknown as WireObject);
    b.add(slice);
    const d = flushed(b);
    expect(d.changes.Pod?.added[0].view?.status).toBe('Pending');
    // no Ready endpoint anywhere: kube-proxy falls back to the serving terminating one
    expect(d.changes.EndpointSlice?.added[0].proxyView).toEqual({ serviceHasReady: false, newConnections: [true, false] });
  });

  it('re-sends a Service’s unchanged slices when a changed sibling flips whether any endpoint is Ready', () => {
    const label = { 'kubernetes.io/service-name': 'web' };
    const mk = (type: WatchEvent['type'], name: string, ready: boolean) => {
      const e = event(type, 'EndpointSlice', name, { endpoints: [{ addresses: ['10.0.0.1'], conditions: { ready, serving: true, terminating: !ready } }] });
      (e.object.metadata as { labels?: Record<string, string> }).labels = label;
      return e;
    };
    const current = new Map<string, WireObject>();
    const b = new DiffBuffer({ slicesOfService: () => [...current.values()] });
    const put = (e: WatchEvent) => {
      current.set(e.object.metadata?.name ?? '', e.object as unknown as WireObject);
      b.add(e);
    };
    put(mk('ADDED', 'web-a', false));
    put(mk('ADDED', 'web-b', false));
    expect(flushed(b).changes.EndpointSlice?.added.map((s) => s.proxyView?.newConnections[0])).toEqual([true, true]);
    // web-b's endpoint becomes Ready: web-a's terminating endpoint no longer gets new connections
    put(mk('MODIFIED', 'web-b', true));
    const d = flushed(b);
    const updated = new Map(d.changes.EndpointSlice?.updated.map(([f, t]) => [t.metadata.name, [f.proxyView?.newConnections[0], t.proxyView?.newConnections[0]]]));
    expect(updated.get('web-b')).toEqual([true, true]);
    expect(updated.get('web-a')).toEqual([true, false]);
  });
});
