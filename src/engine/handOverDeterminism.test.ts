/**
 * The engine's components hand freshly built objects to the apiserver without a copy (`handOver`). Keeping
 * them must change nothing: a busy cluster gives the same watch events, objects and log, byte for byte, as
 * one that copies every write. Stored objects are frozen, so a component touching what it handed over throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allKinds } from './api/resources';
import type { Deployment, Service } from './api/types';
import { Cluster } from './cluster';
import { kindNodes } from './config';
import { opArb } from './testing/arbitraries';
import { type Op, runOp } from './testing/randomOps';

function run(copyHandedOverWrites: boolean, ops: readonly Op[]): string {
  const cluster = new Cluster({ seed: 5, nodes: kindNodes('kind', 4), freezeObjects: true, copyHandedOverWrites });
  const events: string[] = [];
  cluster.subscribe((e) => events.push(`${e.type} ${e.kind} ${e.resourceVersion} ${JSON.stringify(e.object)}`));
  for (let i = 0; i < 12; i++) {
    const labels = { app: `app-${i % 4}`, tier: i % 2 ? 'web' : 'api' };
    const d: Deployment = {
      metadata: { name: `d-${i}` },
      spec: { replicas: 3, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }] }] } } },
    };
    cluster.create('Deployment', d);
    const svc: Service = { metadata: { name: `s-${i}` }, spec: { selector: { app: labels.app }, ports: [{ port: 80, targetPort: 'http' }], ...(i % 5 === 0 ? { clusterIP: 'None' } : {}) } };
    cluster.create('Service', svc);
  }
  cluster.advance(60_000);
  for (const op of ops) runOp(cluster, op);
  cluster.advance(3_700_000);
  const store = allKinds.map((k) => JSON.stringify(cluster.store.list(k))).join('\n');
  return `${events.join('\n')}\n${store}\n${cluster.log.digest()}`;
}

describe('hand-over writes', () => {
  it('leave a busy cluster byte for byte the same as copied writes', () => {
    const ops = fc.sample(fc.array(opArb, { minLength: 120, maxLength: 120 }), { numRuns: 1, seed: 23 })[0];
    const kept = run(false, ops);
    const copied = run(true, ops);
    expect(kept.length).toBeGreaterThan(100_000);
    expect(kept === copied).toBe(true);
  });
});
