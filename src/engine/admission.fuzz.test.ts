/**
 * Bad input never throws and never half-applies: arbitrary, mostly malformed objects of every kind go through
 * create, apply, update and patch; each call returns a value or a Status, and a rejected call leaves the store
 * exactly as it was (same resourceVersion, same objects).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allKinds } from './api/resources';
import { Cluster } from './cluster';

const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 70000 }), fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('name', 'port', 'targetPort', 'nodePort', 'protocol', 'image', 'containers', 'ports', 'selector', 'type', 'clusterIP', 'labels', 'replicas', 'template', 'metadata', 'spec', 'matchLabels', 'app', 'x'), tie('v'), { maxKeys: 4 })),
})).v;

const objectArb = fc.record({
  kind: fc.constantFrom(...allKinds),
  name: fc.oneof(fc.constantFrom('web', 'alpaca-prod', 'kubernetes', 'kube-dns', 'Bad_Name', ''), fc.string({ maxLength: 70 })),
  namespace: fc.option(fc.constantFrom('default', 'kube-system', 'nope'), { nil: undefined }),
  labels: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }), { nil: undefined }),
  spec: value,
  extra: value,
  op: fc.constantFrom('create', 'apply', 'update', 'patch', 'strategic', 'json'),
  jsonPatch: fc.array(
    fc.record({
      op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'bogus'),
      path: fc.constantFrom('/spec', '/spec/ports/0', '/metadata/labels/app', '/spec/containers/-', '/x', '', '/metadata/name'),
      from: fc.constantFrom('/spec', '/metadata'),
      value,
    }),
    { maxLength: 3 },
  ),
});

function snapshot(c: Cluster): string {
  return `${c.store.resourceVersion}|${allKinds.map((k) => c.store.count(k)).join(',')}`;
}

describe('admission never throws on user input and rejections change nothing', () => {
  it('holds for arbitrary objects of every kind', () => {
    const cluster = new Cluster({ seed: 5, freezeObjects: true });
    fc.assert(
      fc.property(objectArb, (o) => {
        const obj = {
          apiVersion: o.kind === 'Deployment' || o.kind === 'ReplicaSet' ? 'apps/v1' : o.kind === 'EndpointSlice' ? 'discovery.k8s.io/v1' : 'v1',
          kind: o.kind,
          metadata: { name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}), ...(o.labels ? { labels: o.labels } : {}) },
          spec: o.spec,
          extra: o.extra,
        } as never;
        const before = snapshot(cluster);
        let ok = false;
        expect(() => {
          const r =
            o.op === 'create'
              ? cluster.create(o.kind, obj)
              : o.op === 'apply'
                ? cluster.apply(o.kind, obj)
                : o.op === 'update'
                  ? cluster.update(o.kind, obj)
                  : o.op === 'patch'
                    ? cluster.patch(o.kind, o.namespace, o.name, 'merge', { spec: o.spec })
                    : o.op === 'strategic'
                      ? cluster.patch(o.kind, o.namespace, o.name, 'strategic', { spec: o.spec, metadata: { labels: o.labels } })
                      : cluster.patch(o.kind, o.namespace, o.name, 'json', o.jsonPatch);
          ok = r.ok;
          if (!r.ok) {
            expect(typeof r.status.message).toBe('string');
            expect(r.status.code).toBeGreaterThanOrEqual(400);
          }
        }).not.toThrow();
        if (!ok) expect(snapshot(cluster)).toBe(before);
      }),
      { numRuns: 600, seed: 99 },
    );
  });
});
