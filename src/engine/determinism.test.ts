/**
 * Determinism: the same seed and the same commands give the same bytes out — the full cluster log and every
 * stored object — while a different seed gives different IPs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allKinds } from './api/resources';
import { Cluster } from './cluster';
import { opArb } from './testing/arbitraries';
import { type Op, runOp } from './testing/randomOps';

function replay(seed: number, ops: readonly Op[]): { log: string; digest: string; store: string } {
  const cluster = new Cluster({ seed });
  for (const op of ops) runOp(cluster, op);
  return settledOutput(cluster);
}

function settledOutput(cluster: Cluster): { log: string; digest: string; store: string } {
  cluster.advance(60_000);
  const store = allKinds.map((k) => JSON.stringify(cluster.store.list(k))).join('\n');
  const log = cluster.log
    .recent()
    .map((e) => `${e.seq} ${e.time} ${e.component} ${e.object ?? ''} ${e.message}`)
    .join('\n');
  return { log, digest: cluster.log.digest(), store };
}

describe('determinism', () => {
  it('replays a long random sequence byte for byte', () => {
    const ops = fc.sample(fc.array(opArb, { minLength: 150, maxLength: 150 }), { numRuns: 1, seed: 7 })[0];
    const a = replay(11, ops);
    const b = replay(11, ops);
    expect(a.log.length).toBeGreaterThan(0);
    expect(b.digest).toBe(a.digest);
    expect(b.log).toBe(a.log);
    expect(b.store).toBe(a.store);
  });

  it('gives each cluster its own state: two clusters driven in turns print what each prints alone', () => {
    const [opsA, opsB] = fc.sample(fc.array(opArb, { minLength: 120, maxLength: 120 }), { numRuns: 2, seed: 21 });
    const a = new Cluster({ seed: 3 });
    const b = new Cluster({ seed: 4 });
    for (let i = 0; i < opsA.length; i++) {
      runOp(a, opsA[i]);
      runOp(b, opsB[i]);
    }
    const both = { a: settledOutput(a), b: settledOutput(b) };
    expect(both.a.store.length).toBeGreaterThan(0);
    expect(both.a).toEqual(replay(3, opsA));
    expect(both.b).toEqual(replay(4, opsB));
  });

  it('gives different ClusterIPs and pod names for different seeds', () => {
    const run = (seed: number) => {
      const cluster = new Cluster({ seed });
      runOp(cluster, { op: 'createDeployment', name: 'web', app: 'nginx', tier: 'web', replicas: 3, image: 'nginx:1.27' });
      runOp(cluster, { op: 'createService', name: 'web', selector: { app: 'nginx' }, port: 80, type: 'ClusterIP' });
      cluster.advance(30_000);
      const ip = cluster.store.get('Service', 'default/web')?.spec?.clusterIP;
      const pods = cluster.store.list('Pod', 'default').map((p) => p.metadata?.name);
      return { ip, pods };
    };
    const a = run(1);
    const b = run(2);
    expect(a.ip).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\./);
    expect(b.ip).toMatch(/^10\./);
    expect(a.ip).not.toBe(b.ip);
    expect(a.pods).toHaveLength(3);
    expect(a.pods).not.toEqual(b.pods);
    // and the same seed twice is the same
    expect(run(1)).toEqual(a);
  });
});
