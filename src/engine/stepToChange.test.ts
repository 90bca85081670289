import { describe, expect, it } from 'vitest';
import type { Deployment, Kind } from './api/types';
import { Cluster } from './cluster';
import { StepToChange, stepToChange } from './stepToChange';

/** The kinds the playground draws (the worker mirrors these). */
const shown = new Set<Kind>(['Namespace', 'Node', 'Pod', 'Deployment', 'ReplicaSet', 'Service', 'Endpoints', 'EndpointSlice']);
const hour = 3_600_000;

function web(replicas: number): Deployment {
  const labels = { app: 'web' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
  };
}

/** resourceVersion of every shown object, so a test can tell whether a step changed one. */
function shownVersions(c: Cluster): string {
  return [...shown].map((k) => c.store.list(k).map((o) => `${o.metadata?.name}@${o.metadata?.resourceVersion}`).join(',')).join('|');
}

function digest(c: Cluster): string {
  return `${c.now()} ${shownVersions(c)} ${c.log.digest()}`;
}

describe('stepToChange', () => {
  it('each step ends on a change to a shown object, while pods start', () => {
    const c = new Cluster({ seed: 3 });
    c.create('Deployment', web(5));
    const startedAt = c.now();
    for (let i = 0; i < 5; i++) {
      const before = shownVersions(c);
      const at = c.now();
      const r = stepToChange(c, shown, hour);
      expect(r.changed).toBe(true);
      expect(shownVersions(c)).not.toBe(before);
      expect(r.movedMs).toBe(c.now() - at);
    }
    // five steps, five changes: here the five pods start at five different instants, within seconds
    expect(c.store.list('Pod', 'default').map((p) => p.status?.phase)).toEqual(Array(5).fill('Running'));
    expect(c.now() - startedAt).toBeLessThan(60_000);
  });

  it('skips timers that change nothing shown: a quiet cluster moves the whole span and says so', () => {
    const c = new Cluster({ seed: 3 });
    c.create('Deployment', web(1));
    c.advance(10 * 60_000);
    const before = shownVersions(c);
    const at = c.now();
    const r = stepToChange(c, shown, hour);
    expect(r).toEqual({ changed: false, movedMs: hour });
    expect(c.now()).toBe(at + hour);
    expect(shownVersions(c)).toBe(before);
  });

  it('stops at the first change even when a later timer is due sooner than maxMs', () => {
    const c = new Cluster({ seed: 5 });
    c.create('Deployment', web(3));
    const r = stepToChange(c, shown, hour);
    expect(r.changed).toBe(true);
    expect(r.movedMs).toBeLessThan(hour);
  });

  it('watches only the kinds it is given: a change to another kind does not end the step', () => {
    const c = new Cluster({ seed: 3 });
    c.create('Deployment', web(1));
    const r = stepToChange(c, new Set<Kind>(['Service']), 5 * 60_000);
    expect(r).toEqual({ changed: false, movedMs: 5 * 60_000 });
    expect(c.store.list('Pod', 'default').length).toBe(1);
  });

  it('in slices of one step reaches the same cluster as in one call', () => {
    const run = (sliced: boolean) => {
      const c = new Cluster({ seed: 9 });
      c.create('Deployment', web(3));
      const out: string[] = [];
      for (let i = 0; i < 4; i++) {
        const s = new StepToChange(c, shown, hour);
        if (sliced) while (!s.slice(1));
        else while (!s.slice(Number.POSITIVE_INFINITY));
        out.push(`${JSON.stringify(s.outcome())} ${digest(c)}`);
      }
      return out;
    };
    expect(run(true)).toEqual(run(false));
  });

  it('refuses to step past the last time Kubernetes can print', () => {
    const c = new Cluster({ seed: 3 });
    expect(() => stepToChange(c, shown, Number.MAX_SAFE_INTEGER)).toThrow(/stepping/);
  });
});
