/**
 * `handOver` writes (the engine's own components giving the apiserver an object built for the request)
 * must store exactly what a copied write stores: the same JSON, the same members, nothing undefined.
 */
import { describe, expect, it } from 'vitest';
import type { Event, Pod } from '../api/types';
import { must, newTestApiServer } from './apiServer.fixture';

const event = (name: string): Event => ({
  metadata: { name, namespace: 'default' },
  involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: undefined },
  reason: 'Started',
  message: 'Started container app',
  count: 1,
  type: 'Normal',
  eventTime: undefined,
});

describe('handOver writes', () => {
  it('store what a copied create would, keeping the object', () => {
    const copied = newTestApiServer();
    const handed = newTestApiServer();
    const a = must(copied.api.create('Event', event('e1')));
    const input = event('e1');
    const b = must(handed.api.create('Event', input, { handOver: true }));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(Object.keys(b)).toEqual(Object.keys(a));
    expect('eventTime' in b).toBe(false);
    expect('uid' in (b.involvedObject ?? {})).toBe(false);
    // without undefined members the object is kept as it was handed over (no copy taken)
    const clean = must(handed.api.create('Event', { ...event('e2'), eventTime: 'x', involvedObject: { kind: 'Pod', name: 'web' } }, { handOver: true }));
    expect(clean.involvedObject).toEqual({ kind: 'Pod', name: 'web' });
  });

  it('store what a copied status update would, without writing to shared stored objects', () => {
    const { api } = newTestApiServer({ freeze: true });
    const pod = must(api.create('Pod', { metadata: { name: 'web' }, spec: { containers: [{ name: 'app', image: 'nginx' }] } }));
    const status = { phase: 'Running', podIP: '10.244.1.5', message: undefined, conditions: [...(pod.status?.conditions ?? [])] };
    const after = must(api.updateStatus('Pod', { ...pod, status } as Pod, { handOver: true }));
    expect(after.status).toEqual({ phase: 'Running', podIP: '10.244.1.5', conditions: [] });
    expect(Object.keys(after.status ?? {})).toEqual(['phase', 'podIP', 'conditions']);
    expect(Object.isFrozen(after.status)).toBe(true);
  });

  it('is never used for what users send: their objects are copied', () => {
    const { api } = newTestApiServer();
    const input: Pod = { metadata: { name: 'web', labels: { app: 'a' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } };
    const stored = must(api.create('Pod', input));
    expect(stored).not.toBe(input);
    expect(stored.metadata?.labels).not.toBe(input.metadata?.labels);
  });
});
