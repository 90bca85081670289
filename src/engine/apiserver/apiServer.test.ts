import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { formatTimestamp } from '../clock';
import type { WatchEvent } from '../store/objectStore';
import { must, newTestApiServer } from './apiServer.fixture';

const newPod = (name: string, extra: Partial<Pod> = {}, labels?: Record<string, string>): Pod => ({
  metadata: { name, ...(labels ? { labels } : {}) },
  spec: { containers: [{ name: 'app', image: 'nginx' }] },
  ...extra,
});

describe('ApiServer create/get', () => {
  it('fills identity and system metadata', () => {
    const { api, clock } = newTestApiServer();
    const p = must(api.create('Pod', newPod('web')));
    expect(p.apiVersion).toBe('v1');
    expect(p.kind).toBe('Pod');
    expect(p.metadata?.namespace).toBe('default');
    expect(p.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.metadata?.creationTimestamp).toBe(formatTimestamp(clock.now()));
    expect(p.metadata?.generation).toBe(1);
    expect(p.status).toEqual({ phase: 'Pending' });
    expect(must(api.get('Pod', 'default', 'web'))).toBe(p);
  });

  it('answers NotFound, AlreadyExists and Invalid as the apiserver does', () => {
    const { api } = newTestApiServer();
    must(api.create('Pod', newPod('web')));
    const dup = api.create('Pod', newPod('web'));
    expect(!dup.ok && [dup.status.reason, dup.status.code, dup.status.message]).toEqual(['AlreadyExists', 409, 'pods "web" already exists']);
    const noNs = api.create('Pod', { ...newPod('x'), metadata: { name: 'x', namespace: 'nope' } });
    expect(!noNs.ok && [noNs.status.reason, noNs.status.message]).toEqual(['NotFound', 'namespaces "nope" not found']);
    const missing = api.get('Pod', 'default', 'ghost');
    expect(!missing.ok && [missing.status.code, missing.status.message]).toEqual([404, 'pods "ghost" not found']);
    const bad = api.create('Pod', { metadata: { name: 'bad' }, spec: { containers: [{ name: 'c' }] } } as Pod);
    expect(!bad.ok && [bad.status.code, bad.status.message]).toEqual([422, 'Pod "bad" is invalid: spec.containers[0].image: Required value']);
  });

  it('gives every write a new, strictly larger resourceVersion across kinds', () => {
    const { api } = newTestApiServer();
    const rvs: number[] = [];
    const track = (o: { metadata?: { resourceVersion?: string } }) => rvs.push(Number(o.metadata?.resourceVersion));
    track(must(api.create('Pod', newPod('a'))));
    track(must(api.create('Service', { metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } })));
    const a = must(api.get('Pod', 'default', 'a'));
    track(must(api.update('Pod', { ...a, metadata: { ...a.metadata, labels: { x: 'y' } } })));
    track(must(api.delete('Pod', 'default', 'a')));
    track(must(api.create('Pod', newPod('b'))));
    for (let i = 1; i < rvs.length; i++) expect(rvs[i]).toBeGreaterThan(rvs[i - 1]);
  });

  it('keeps stored objects immutable (frozen in tests)', () => {
    const { api } = newTestApiServer({ freeze: true });
    const p = must(api.create('Pod', newPod('web')));
    expect(Object.isFrozen(p)).toBe(true);
    expect(() => {
      (p.metadata as { name?: string }).name = 'x';
    }).toThrow();
  });
});

describe('ApiServer update', () => {
  it('rejects a stale resourceVersion with a Conflict', () => {
    const { api } = newTestApiServer();
    const v1 = must(api.create('Pod', newPod('web')));
    must(api.update('Pod', { ...v1, metadata: { ...v1.metadata, labels: { a: 'b' } } }));
    const stale = api.update('Pod', { ...v1, metadata: { ...v1.metadata, labels: { a: 'c' } } });
    expect(!stale.ok && [stale.status.reason, stale.status.code, stale.status.message]).toEqual([
      'Conflict',
      409,
      'Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again',
    ]);
  });

  it('a no-op update keeps the resourceVersion and sends no watch event', () => {
    const { api, store } = newTestApiServer();
    const v1 = must(api.create('Pod', newPod('web')));
    const events: WatchEvent[] = [];
    store.subscribe('*', (e) => events.push(e));
    const same = must(api.update('Pod', { ...v1, metadata: { ...v1.metadata } }));
    expect(same).toBe(v1);
    expect(same.metadata?.resourceVersion).toBe(v1.metadata?.resourceVersion);
    expect(events).toEqual([]);
    // without a resourceVersion the update is unconditional, and still a no-op
    const noRv = must(api.update('Pod', { ...v1, metadata: { ...v1.metadata, resourceVersion: undefined } }));
    expect(noRv.metadata?.resourceVersion).toBe(v1.metadata?.resourceVersion);
  });

  it('bumps generation on spec changes only, and keeps status on the main resource', () => {
    const { api } = newTestApiServer();
    const v1 = must(api.create('Pod', newPod('web')));
    const labelled = must(api.update('Pod', { ...v1, metadata: { ...v1.metadata, labels: { a: 'b' } }, status: { phase: 'Running' } }));
    expect(labelled.metadata?.generation).toBe(1);
    expect(labelled.status).toEqual({ phase: 'Pending' });
    const respec = must(api.update('Pod', { ...labelled, spec: { containers: [{ name: 'app', image: 'nginx:2' }] } }));
    expect(respec.metadata?.generation).toBe(2);
    const status = must(api.updateStatus('Pod', { ...respec, spec: { containers: [] }, status: { phase: 'Running' } }));
    expect(status.status).toEqual({ phase: 'Running' });
    expect(status.spec?.containers[0].image).toBe('nginx:2');
  });

  it('does not let an update change identity fields', () => {
    const { api } = newTestApiServer();
    const v1 = must(api.create('Pod', newPod('web')));
    const v2 = must(api.update('Pod', { ...v1, metadata: { ...v1.metadata, uid: 'other', creationTimestamp: '2000-01-01T00:00:00Z', labels: { a: 'b' } } }));
    expect(v2.metadata?.uid).toBe(v1.metadata?.uid);
    expect(v2.metadata?.creationTimestamp).toBe(v1.metadata?.creationTimestamp);
  });
});

describe('ApiServer delete', () => {
  it('marks a bound pod for graceful deletion; a shorter grace period shortens it, a longer one is ignored', () => {
    const { api, clock } = newTestApiServer();
    must(api.create('Pod', newPod('web', { spec: { containers: [{ name: 'app', image: 'nginx' }], nodeName: 'kind-worker' } })));
    const marked = must(api.delete('Pod', 'default', 'web'));
    expect(marked.metadata?.deletionGracePeriodSeconds).toBe(30);
    expect(marked.metadata?.deletionTimestamp).toBe(formatTimestamp(clock.now() + 30_000));
    expect(must(api.get('Pod', 'default', 'web'))).toBe(marked);
    const longer = must(api.delete('Pod', 'default', 'web', { gracePeriodSeconds: 60 }));
    expect(longer).toBe(marked);
    const shorter = must(api.delete('Pod', 'default', 'web', { gracePeriodSeconds: 5 }));
    expect(shorter.metadata?.deletionGracePeriodSeconds).toBe(5);
    expect(Number(shorter.metadata?.resourceVersion)).toBeGreaterThan(Number(marked.metadata?.resourceVersion));
    must(api.delete('Pod', 'default', 'web', { gracePeriodSeconds: 0 }));
    expect(api.get('Pod', 'default', 'web').ok).toBe(false);
  });

  it('deletes an unscheduled pod at once with a DELETED event at a new resourceVersion', () => {
    const { api, store } = newTestApiServer();
    const p = must(api.create('Pod', newPod('web')));
    const events: WatchEvent[] = [];
    store.subscribe('Pod', (e) => events.push(e));
    const last = must(api.delete('Pod', 'default', 'web'));
    expect(events.map((e) => e.type)).toEqual(['DELETED']);
    expect(Number(last.metadata?.resourceVersion)).toBeGreaterThan(Number(p.metadata?.resourceVersion));
    expect(api.get('Pod', 'default', 'web').ok).toBe(false);
  });

  it('keeps an object with finalizers until the last one is removed', () => {
    const { api } = newTestApiServer();
    must(api.create('Service', { metadata: { name: 's', finalizers: ['example.com/hold'] }, spec: { ports: [{ port: 80 }] } }));
    const marked = must(api.delete('Service', 'default', 's'));
    expect(marked.metadata?.deletionTimestamp).toBeDefined();
    expect(marked.metadata?.deletionGracePeriodSeconds).toBe(0);
    expect(api.get('Service', 'default', 's').ok).toBe(true);
    const released = must(api.update('Service', { ...marked, metadata: { ...marked.metadata, finalizers: [] } }));
    expect(released.metadata?.name).toBe('s');
    expect(api.get('Service', 'default', 's').ok).toBe(false);
  });

  it('adds the foregroundDeletion or orphan finalizer for those propagation policies', () => {
    const { api } = newTestApiServer();
    must(api.create('Deployment', { metadata: { name: 'd1' } }));
    must(api.create('Deployment', { metadata: { name: 'd2' } }));
    expect(must(api.delete('Deployment', 'default', 'd1', { propagationPolicy: 'Foreground' })).metadata?.finalizers).toEqual(['foregroundDeletion']);
    expect(must(api.delete('Deployment', 'default', 'd2', { propagationPolicy: 'Orphan' })).metadata?.finalizers).toEqual(['orphan']);
  });

  it('checks preconditions', () => {
    const { api } = newTestApiServer();
    const p = must(api.create('Pod', newPod('web')));
    const uid = api.delete('Pod', 'default', 'web', { preconditions: { uid: 'x' } });
    expect(!uid.ok && uid.status.message).toBe(
      `Operation cannot be fulfilled on pods "web": Precondition failed: UID in precondition: x, UID in object meta: ${p.metadata?.uid}`,
    );
    const rv = api.delete('Pod', 'default', 'web', { preconditions: { resourceVersion: '1' } });
    expect(!rv.ok && rv.status.message).toBe(
      `Operation cannot be fulfilled on pods "web": Precondition failed: ResourceVersion in precondition: 1, ResourceVersion in object meta: ${p.metadata?.resourceVersion}`,
    );
  });
});

describe('ApiServer list and watch', () => {
  it('lists with label and field selectors', () => {
    const { api } = newTestApiServer();
    must(api.create('Pod', newPod('a', {}, { app: 'web', tier: 'front' })));
    must(api.create('Pod', newPod('b', { spec: { containers: [{ name: 'c', image: 'i' }], nodeName: 'n1' } }, { app: 'web' })));
    must(api.create('Pod', newPod('c', {}, { app: 'db' })));
    const names = (opts: { labelSelector?: string; fieldSelector?: string }) => must(api.list('Pod', opts)).items.map((p) => p.metadata?.name);
    expect(names({ labelSelector: 'app=web' })).toEqual(['a', 'b']);
    expect(names({ labelSelector: 'app in (web,db),!tier' })).toEqual(['b', 'c']);
    expect(names({ fieldSelector: 'spec.nodeName=n1' })).toEqual(['b']);
    expect(names({ labelSelector: 'app=web', fieldSelector: 'metadata.name!=a' })).toEqual(['b']);
    expect(must(api.list('Pod', {})).resourceVersion).toBe(String(Number(must(api.get('Pod', 'default', 'c')).metadata?.resourceVersion)));
  });

  it('turns an unparsable selector into a 400 BadRequest carrying the parser message', () => {
    const { api } = newTestApiServer();
    // apiserver: ParameterCodec.DecodeParameters error → errors.NewBadRequest(err.Error())
    const bad = api.list('Pod', { labelSelector: 'app in (web' });
    expect(!bad.ok && [bad.status.reason, bad.status.code, bad.status.message]).toEqual([
      'BadRequest',
      400,
      "unable to parse requirement: found '', expected: ',' or ')'",
    ]);
    const comma = api.list('Pod', { labelSelector: 'app=web,' });
    expect(!comma.ok && comma.status.message).toBe("found '', expected: identifier after ','");
    const field = api.watch('Pod', { fieldSelector: 'spec.foo=bar' }, () => {});
    expect(!field.ok && [field.status.reason, field.status.message]).toEqual(['BadRequest', 'field label not supported: spec.foo']);
  });

  it('watch without a resourceVersion sends the current objects as ADDED first', () => {
    const { api } = newTestApiServer();
    must(api.create('Pod', newPod('a', {}, { app: 'web' })));
    must(api.create('Pod', newPod('b', {}, { app: 'db' })));
    const seen: string[] = [];
    must(api.watch('Pod', { labelSelector: 'app=web' }, (e) => seen.push(`${e.type} ${e.object.metadata?.name}`)));
    must(api.create('Pod', newPod('c', {}, { app: 'web' })));
    expect(seen).toEqual(['ADDED a', 'ADDED c']);
  });

  it('watch from a resourceVersion replays ADDED, MODIFIED and DELETED, then follows live', () => {
    const { api } = newTestApiServer();
    const a = must(api.create('Pod', newPod('a')));
    const from = a.metadata?.resourceVersion;
    must(api.create('Pod', newPod('b')));
    must(api.update('Pod', { ...a, metadata: { ...a.metadata, labels: { x: '1' } } }));
    must(api.delete('Pod', 'default', 'b'));
    const seen: string[] = [];
    const h = must(api.watch('Pod', { resourceVersion: from }, (e) => seen.push(`${e.type} ${e.object.metadata?.name} ${e.resourceVersion}`)));
    must(api.create('Pod', newPod('c')));
    h.stop();
    must(api.create('Pod', newPod('d')));
    const rv = Number(from);
    expect(seen).toEqual([`ADDED b ${rv + 1}`, `MODIFIED a ${rv + 2}`, `DELETED b ${rv + 3}`, `ADDED c ${rv + 4}`]);
  });

  it('answers 410 Expired for a resourceVersion the watch cache no longer holds', () => {
    const { api, store } = newTestApiServer({ freeze: false });
    let p = must(api.create('Pod', newPod('a')));
    for (let i = 0; i < 31_000; i++) p = must(api.update('Pod', { ...p, metadata: { ...p.metadata, labels: { i: String(i) } } }));
    const oldest = store.oldestWatchableVersion();
    const r = api.watch('Pod', { resourceVersion: '2' }, () => {});
    // k8s.io/apiserver pkg/storage/cacher/watch_cache.go: "too old resource version: %d (%d)", the second number
    // being the oldest resourceVersion a watch may still start from
    expect(!r.ok && [r.status.reason, r.status.code, r.status.message]).toEqual(['Expired', 410, `too old resource version: 2 (${oldest})`]);
    const seen: number[] = [];
    must(api.watch('Pod', { resourceVersion: String(oldest) }, (e) => seen.push(e.resourceVersion)));
    expect(seen[0]).toBe(oldest + 1);
  });

  it('a selector-filtered watch turns MODIFIED into ADDED / DELETED as objects start / stop matching', () => {
    const { api } = newTestApiServer();
    const seen: string[] = [];
    must(api.watch('Pod', { labelSelector: 'app=web' }, (e) => seen.push(`${e.type} ${e.object.metadata?.labels?.v ?? ''}`)));
    let p = must(api.create('Pod', newPod('a', {}, { app: 'db', v: '0' })));
    const relabel = (labels: Record<string, string>) => {
      p = must(api.update('Pod', { ...p, metadata: { ...p.metadata, labels } }));
    };
    relabel({ app: 'web', v: '1' });
    relabel({ app: 'web', v: '2' });
    relabel({ app: 'db', v: '3' });
    relabel({ app: 'db', v: '4' });
    must(api.delete('Pod', 'default', 'a'));
    expect(seen).toEqual(['ADDED 1', 'MODIFIED 2', 'DELETED 3']);
  });

  it('a namespaced watch only sees its namespace', () => {
    const { api } = newTestApiServer();
    must(api.create('Namespace', { metadata: { name: 'other' } }));
    const seen: string[] = [];
    must(api.watch('Pod', { namespace: 'other' }, (e) => seen.push(e.object.metadata?.name ?? '')));
    must(api.create('Pod', newPod('in-default')));
    must(api.create('Pod', { ...newPod('in-other'), metadata: { name: 'in-other', namespace: 'other' } }));
    expect(seen).toEqual(['in-other']);
  });
});
