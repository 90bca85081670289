/**
 * Sliced time: `advanceSlice`, `runUntilSlice` and `drainSlice` cut long work into budgeted pieces, and any
 * cutting gives the same cluster, byte for byte, as doing the work in one go.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allKinds } from './api/resources';
import { Cluster } from './cluster';
import { opArb } from './testing/arbitraries';
import { type Op, runOp } from './testing/randomOps';

function dump(cluster: Cluster): string {
  const store = allKinds.map((k) => JSON.stringify(cluster.store.list(k))).join('\n');
  const log = cluster.log
    .recent()
    .map((e) => `${e.seq} ${e.time} ${e.component} ${e.object ?? ''} ${e.message}`)
    .join('\n');
  return `${cluster.now()}\n${cluster.log.digest()}\n${log}\n${store}`;
}

/** Replays `ops`, doing every advance in slices of at most `budget` steps. Returns the dump and the slice count. */
function replaySliced(ops: readonly Op[], budget: number): { dump: string; slices: number } {
  const cluster = new Cluster({ seed: 5 });
  let slices = 0;
  for (const op of ops) {
    if (op.op !== 'advance') {
      runOp(cluster, op);
      continue;
    }
    const target = cluster.now() + op.ms;
    for (;;) {
      slices++;
      if (cluster.advanceSlice(target, budget)) break;
    }
  }
  return { dump: dump(cluster), slices };
}

describe('sliced time', () => {
  const ops = fc.sample(fc.array(opArb, { minLength: 80, maxLength: 80 }), { numRuns: 1, seed: 3 })[0];
  const withLongWait: Op[] = [...ops, { op: 'advance', ms: 600_000 }];

  it('advanceSlice in small slices gives the same cluster as advance', () => {
    const whole = new Cluster({ seed: 5 });
    for (const op of withLongWait) runOp(whole, op);
    const sliced = replaySliced(withLongWait, 7);
    // the work really was cut: many more slices than advances
    expect(sliced.slices).toBeGreaterThan(withLongWait.filter((o) => o.op === 'advance').length * 2);
    expect(sliced.dump).toBe(dump(whole));
    expect(replaySliced(withLongWait, 1).dump).toBe(dump(whole));
  });

  it('advanceSlice stops short of the target when the budget runs out, and reports reaching it', () => {
    const c = new Cluster({ seed: 5 });
    runOp(c, { op: 'createDeployment', name: 'web', app: 'nginx', tier: 'web', replicas: 3, image: 'nginx:1.27' });
    const start = c.now();
    const target = start + 3_600_000;
    expect(c.advanceSlice(target, 3)).toBe(false);
    expect(c.now()).toBeLessThan(target);
    while (!c.advanceSlice(target, 50));
    expect(c.now()).toBe(target);
    // already there: nothing left to do
    expect(c.advanceSlice(target, 1)).toBe(true);
  });

  it('runUntilSlice meets the condition at the same instant as runUntil, and times out the same way', () => {
    const setup = () => {
      const c = new Cluster({ seed: 9 });
      runOp(c, { op: 'createDeployment', name: 'web', app: 'nginx', tier: 'web', replicas: 2, image: 'nginx:1.27' });
      return c;
    };
    const ready = (c: Cluster) => () => c.store.list('Pod', 'default').filter((p) => p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')).length === 2;
    const a = setup();
    expect(a.runUntil(ready(a), 120_000)).toBe(true);
    const b = setup();
    const deadline = b.now() + 120_000;
    let r: boolean | undefined;
    let slices = 0;
    do {
      r = b.runUntilSlice(ready(b), deadline, 2);
      slices++;
    } while (r === undefined);
    expect(r).toBe(true);
    expect(slices).toBeGreaterThan(1);
    expect(dump(b)).toBe(dump(a));

    const never = () => false;
    const c = setup();
    expect(c.runUntil(never, 45_000)).toBe(false);
    const d = setup();
    const dl = d.now() + 45_000;
    do r = d.runUntilSlice(never, dl, 3);
    while (r === undefined);
    expect(r).toBe(false);
    expect(dump(d)).toBe(dump(c));
  });

  it('drainSlice runs the same reconciles in the same order as drain', () => {
    const make = () => {
      const c = new Cluster({ seed: 2 });
      // straight to the apiserver: the cluster has not drained the controllers' reaction yet
      const r = c.api.create('Deployment', {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'big', namespace: 'default' },
        spec: {
          // the ReplicaSet controller's client burst (qps 20, burst 30): all of them are created at this instant
          replicas: 30,
          selector: { matchLabels: { app: 'big' } },
          template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } },
        },
      });
      expect(r.ok).toBe(true);
      return c;
    };
    const whole = make();
    whole.drain();
    const sliced = make();
    let slices = 1;
    while (!sliced.drainSlice(4)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(sliced.store.list('Pod', 'default')).toHaveLength(30);
    expect(dump(sliced)).toBe(dump(whole));
  });
});
