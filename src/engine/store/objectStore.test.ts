import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { ObjectStore, type WatchEvent } from './objectStore';

const pod = (ns: string, name: string, rv: number, node = ''): Pod => ({
  metadata: { name, namespace: ns, resourceVersion: String(rv) },
  spec: { containers: [], nodeName: node || undefined },
});

function put(store: ObjectStore, ns: string, name: string, node = ''): Pod {
  const rv = store.nextResourceVersion();
  const p = pod(ns, name, rv, node);
  if (store.get('Pod', `${ns}/${name}`)) store.replace('Pod', p, rv);
  else store.insert('Pod', p, rv);
  return p;
}

describe('ObjectStore', () => {
  it('hands out strictly increasing resourceVersions', () => {
    const s = new ObjectStore();
    const seen = Array.from({ length: 5 }, () => s.nextResourceVersion());
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(s.resourceVersion).toBe(5);
  });

  it('emits ADDED, MODIFIED with the old object, and DELETED with the last state', () => {
    const s = new ObjectStore();
    const events: WatchEvent[] = [];
    s.subscribe('Pod', (e) => events.push(e));
    const a = put(s, 'default', 'a');
    const a2 = put(s, 'default', 'a', 'kind-worker');
    const rv = s.nextResourceVersion();
    const last = pod('default', 'a', rv, 'kind-worker');
    s.remove('Pod', 'default/a', last, rv);
    expect(events.map((e) => [e.type, e.resourceVersion])).toEqual([
      ['ADDED', 1],
      ['MODIFIED', 2],
      ['DELETED', 3],
    ]);
    expect(events[1].oldObject).toBe(a);
    expect(events[1].object).toBe(a2);
    expect(events[2].object).toBe(last);
    expect(events[2].oldObject).toBe(a2);
    expect(s.get('Pod', 'default/a')).toBeUndefined();
  });

  it('removing a missing key is a no-op without an event', () => {
    const s = new ObjectStore();
    const events: WatchEvent[] = [];
    s.subscribe('*', (e) => events.push(e));
    s.remove('Pod', 'default/ghost', pod('default', 'ghost', 1), 1);
    expect(events).toEqual([]);
  });

  it('lists in storage-key (byte) order, optionally by namespace', () => {
    const s = new ObjectStore();
    for (const [ns, n] of [
      ['default', 'b'],
      ['kube-system', 'a'],
      ['default', 'B'],
      ['default', 'a'],
      ['default-2', 'x'],
    ]) {
      put(s, ns, n);
    }
    expect(s.list('Pod').map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`)).toEqual([
      'default-2/x',
      'default/B',
      'default/a',
      'default/b',
      'kube-system/a',
    ]);
    expect(s.list('Pod', 'default').map((p) => p.metadata?.name)).toEqual(['B', 'a', 'b']);
    expect(s.count('Pod')).toBe(5);
  });

  it('keeps secondary indexes in step with every write', () => {
    const s = new ObjectStore();
    put(s, 'default', 'early', 'n1');
    s.addIndex('Pod', 'node', (o) => [(o as Pod).spec?.nodeName ?? '']);
    expect([...s.byIndex('Pod', 'node', 'n1')]).toEqual(['default/early']);
    put(s, 'default', 'late', 'n1');
    put(s, 'default', 'early', 'n2');
    expect(s.listByIndex('Pod', 'node', 'n1').map((p) => p.metadata?.name)).toEqual(['late']);
    expect(s.listByIndex('Pod', 'node', 'n2').map((p) => p.metadata?.name)).toEqual(['early']);
    const rv = s.nextResourceVersion();
    s.remove('Pod', 'default/late', pod('default', 'late', rv, 'n1'), rv);
    expect(s.byIndex('Pod', 'node', 'n1').size).toBe(0);
    expect(() => s.byIndex('Pod', 'nope', 'x')).toThrow('no index nope on Pod');
  });

  it('keeps sorted index lists until their bucket changes', () => {
    const s = new ObjectStore();
    s.addIndex('Pod', 'node', (o) => [(o as Pod).spec?.nodeName ?? '']);
    put(s, 'default', 'b', 'n1');
    put(s, 'default', 'a', 'n1');
    const first = s.sortedKeysByIndex('Pod', 'node', 'n1');
    expect(first).toEqual(['default/a', 'default/b']);
    put(s, 'default', 'c', 'n2');
    expect(s.sortedKeysByIndex('Pod', 'node', 'n1')).toBe(first);
    put(s, 'default', 'a', 'n2');
    expect(s.sortedKeysByIndex('Pod', 'node', 'n1')).toEqual(['default/b']);
    expect(s.sortedKeysByIndex('Pod', 'node', 'n2')).toEqual(['default/a', 'default/c']);
  });

  it('runs an index function again only when a field it declares reading changed', () => {
    const s = new ObjectStore();
    let calls = 0;
    s.addIndex(
      'Pod',
      'node',
      (o) => {
        calls++;
        return [(o as Pod).spec?.nodeName ?? ''];
      },
      ['spec.nodeName'],
    );
    const a = put(s, 'default', 'a', 'n1');
    expect(calls).toBe(1);
    const rv = s.nextResourceVersion();
    s.replace('Pod', { ...a, status: { phase: 'Running' } }, rv); // nodeName is the same string
    expect(calls).toBe(1);
    put(s, 'default', 'a', 'n2');
    expect(calls).toBe(3); // the old and the new object
    expect([...s.byIndex('Pod', 'node', 'n2')]).toEqual(['default/a']);
    expect(s.byIndex('Pod', 'node', 'n1').size).toBe(0);
  });

  it('counts the changes of each kind', () => {
    const s = new ObjectStore();
    const before = s.changesOf('Pod');
    put(s, 'default', 'a');
    put(s, 'default', 'a');
    const rv = s.nextResourceVersion();
    s.remove('Pod', 'default/a', pod('default', 'a', rv), rv);
    expect(s.changesOf('Pod')).toBe(before + 3);
    expect(s.changesOf('Service')).toBe(0);
  });

  it('subscribers of one kind or of every kind; unsubscribe stops delivery', () => {
    const s = new ObjectStore();
    const podEvents: string[] = [];
    const all: string[] = [];
    const stop = s.subscribe('Pod', (e) => podEvents.push(e.type));
    s.subscribe('*', (e) => all.push(`${e.kind}:${e.type}`));
    put(s, 'default', 'a');
    stop();
    put(s, 'default', 'a');
    expect(podEvents).toEqual(['ADDED']);
    expect(all).toEqual(['Pod:ADDED', 'Pod:MODIFIED']);
  });

  it('replays events after a resourceVersion from the watch cache', () => {
    const s = new ObjectStore();
    put(s, 'default', 'a');
    put(s, 'default', 'b');
    put(s, 'default', 'a');
    expect(s.eventsSince(1)?.map((e) => [e.type, e.object.metadata?.name])).toEqual([
      ['ADDED', 'b'],
      ['MODIFIED', 'a'],
    ]);
    expect(s.eventsSince(3)).toEqual([]);
    expect(s.eventsSince(99)).toEqual([]);
    expect(s.eventsSince(0)?.length).toBe(3);
  });

  it('forgets events beyond its capacity and reports them as too old', () => {
    const s = new ObjectStore();
    // well past the 20000-event cache, however it trims
    for (let i = 0; i < 31_000; i++) put(s, 'default', `p${i % 10}`);
    const oldest = s.oldestWatchableVersion();
    expect(oldest).toBeGreaterThan(0);
    expect(s.eventsSince(1)).toBeUndefined();
    expect(s.eventsSince(oldest - 1)).toBeUndefined();
    const kept = s.eventsSince(oldest);
    expect(kept?.length).toBe(s.resourceVersion - oldest);
    expect(kept?.length).toBeGreaterThanOrEqual(20_000);
    expect(kept?.[0].resourceVersion).toBe(oldest + 1);
  });
});
