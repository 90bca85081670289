/**
 * Property test: random operation sequences, invariants checked after every step. The cluster must stay
 * consistent whatever a user does, and must never throw on their input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster';
import { opArb } from './testing/arbitraries';
import { allInvariants } from './testing/invariants';
import { runOp } from './testing/randomOps';

describe('cluster invariants under random operations', () => {
  it('hold after every step', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 5, maxLength: 40 }), fc.integer({ min: 1, max: 1000 }), (ops, seed) => {
        const cluster = new Cluster({ seed, freezeObjects: true });
        let lastRv = cluster.store.resourceVersion;
        const unsubscribe = cluster.subscribe((e) => {
          if (e.resourceVersion <= lastRv) throw new Error(`resourceVersion went from ${lastRv} to ${e.resourceVersion}`);
          lastRv = e.resourceVersion;
        });
        for (const [i, op] of ops.entries()) {
          runOp(cluster, op);
          const violations = allInvariants(cluster);
          if (violations.length) throw new Error(`after step ${i} ${JSON.stringify(op)}:\n${violations.join('\n')}`);
        }
        unsubscribe();
      }),
      { numRuns: 40, seed: 42 },
    );
  });

  it('detects a broken invariant (the checks can fail)', () => {
    const cluster = new Cluster({ seed: 3 });
    cluster.create('Service', { metadata: { name: 'a' }, spec: { clusterIP: '10.96.5.5', ports: [{ port: 80 }] } });
    // forge a second Service with the same ClusterIP behind the apiserver's back
    const forged = { ...cluster.store.get('Service', 'default/a'), metadata: { name: 'b', namespace: 'default', uid: 'x', resourceVersion: '1' } };
    cluster.store.insert('Service', forged as never, cluster.store.nextResourceVersion());
    expect(allInvariants(cluster).join('\n')).toContain('ClusterIP 10.96.5.5 held by default/a and default/b');
  });
});
