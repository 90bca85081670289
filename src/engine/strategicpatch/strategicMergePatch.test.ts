// Strategic merge patch semantics of apimachinery v0.34 pkg/util/strategicpatch on svcsim's kinds, with the
// patch tags of k8s.io/api v0.34. (The algorithm was also checked against the apimachinery test tables
// createStrategicMergePatchTestCaseData / strategicMergePatchRawTestCases; those are not copied here.)
import { describe, expect, it } from 'vitest';
import type { Kind } from '../api/types';
import { createThreeWayMergePatch, createTwoWayMergePatch } from './diff';
import { mergeMap } from './merge';
import { patchSchemaFor } from './patchMeta';
import { cloneValue, type JsonMap, PatchError } from './values';

const apply = (kind: Kind, live: JsonMap, patch: JsonMap) =>
  mergeMap(cloneValue(live), cloneValue(patch), patchSchemaFor(kind), { mergeParallelList: true, ignoreUnmatchedNulls: true });

const deploy = (containers: JsonMap[], extra: JsonMap = {}): JsonMap => ({
  metadata: { name: 'web' },
  spec: { replicas: 2, template: { metadata: { labels: { app: 'web' } }, spec: { containers, ...extra } } },
});
const containersOf = (d: JsonMap) => ((d.spec as JsonMap).template as { spec: { containers: JsonMap[] } }).spec.containers;
const names = (list: JsonMap[]) => list.map((c) => c.name);

describe('applying a strategic merge patch', () => {
  const live = deploy([
    { name: 'app', image: 'nginx:1', ports: [{ containerPort: 80 }, { containerPort: 443 }], env: [{ name: 'A', value: '1' }] },
    { name: 'sidecar', image: 'envoy' },
  ]);

  it('merges containers by name, keeping what the patch does not mention', () => {
    const out = apply('Deployment', live, { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:2' }] } } } });
    const [app, sidecar] = containersOf(out);
    expect(app).toEqual({ name: 'app', image: 'nginx:2', ports: [{ containerPort: 80 }, { containerPort: 443 }], env: [{ name: 'A', value: '1' }] });
    expect(sidecar).toEqual({ name: 'sidecar', image: 'envoy' });
  });

  it('puts new list items before the live ones when no order is given', () => {
    const out = apply('Deployment', live, { spec: { template: { spec: { containers: [{ name: 'log', image: 'busybox' }] } } } });
    expect(names(containersOf(out))).toEqual(['log', 'app', 'sidecar']);
  });

  it('follows $setElementOrder for the final order', () => {
    const out = apply('Deployment', live, {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'app' }, { name: 'log' }, { name: 'sidecar' }],
            containers: [{ name: 'log', image: 'busybox' }],
          },
        },
      },
    });
    expect(names(containersOf(out))).toEqual(['app', 'log', 'sidecar']);
  });

  it('merges ports by containerPort and env by name; $patch: delete removes one item', () => {
    const out = apply('Deployment', live, {
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'app',
                ports: [{ containerPort: 443, $patch: 'delete' }, { containerPort: 80, name: 'http' }],
                env: [{ name: 'B', value: '2' }],
              },
            ],
          },
        },
      },
    });
    const app = containersOf(out)[0];
    expect(app.ports).toEqual([{ containerPort: 80, name: 'http' }]);
    expect(app.env).toEqual([
      { name: 'B', value: '2' },
      { name: 'A', value: '1' },
    ]);
  });

  it('$patch: replace inside a list replaces the whole list', () => {
    const out = apply('Deployment', live, { spec: { template: { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }] } } } });
    expect(containersOf(out)).toEqual([{ name: 'only', image: 'x' }]);
  });

  it('$patch: replace / delete on maps; null deletes a field', () => {
    const labelled = { ...live, metadata: { name: 'web', labels: { a: 'b' } } };
    const out = apply('Deployment', labelled, {
      metadata: { labels: { $patch: 'delete' } },
      spec: { replicas: null, template: { metadata: { labels: { $patch: 'replace', tier: 'front' } } } },
    });
    expect((out.metadata as JsonMap).labels).toEqual({});
    expect((out.spec as JsonMap).replicas).toBeUndefined();
    expect(((out.spec as JsonMap).template as JsonMap).metadata).toEqual({ labels: { tier: 'front' } });
    // a directive on a map the live object does not have leaves nothing behind
    expect(apply('Deployment', live, { metadata: { labels: { $patch: 'delete' } } }).metadata).toEqual({ name: 'web' });
  });

  it('replaces lists without a patch strategy (tolerations) whole', () => {
    const withTol = deploy([{ name: 'app', image: 'x' }], { tolerations: [{ key: 'a', operator: 'Exists' }] });
    const out = apply('Deployment', withTol, { spec: { template: { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } } } });
    expect(((out.spec as JsonMap).template as { spec: JsonMap }).spec.tolerations).toEqual([{ key: 'b', operator: 'Exists' }]);
  });

  it('merges Service ports by port', () => {
    const svc = { spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'https', port: 443 }], clusterIP: '10.96.0.10' } };
    const out = apply('Service', svc, { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443, $patch: 'delete' }] } });
    expect(out.spec).toEqual({ ports: [{ name: 'http', port: 80, targetPort: 9090 }], clusterIP: '10.96.0.10' });
  });

  it('merges primitive lists with the merge strategy (finalizers) and deletes with $deleteFromPrimitiveList', () => {
    const obj = { metadata: { name: 'x', finalizers: ['a', 'b'] } };
    expect((apply('Service', obj, { metadata: { finalizers: ['c', 'a'] } }).metadata as JsonMap).finalizers).toEqual(['c', 'a', 'b']);
    expect((apply('Service', obj, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }).metadata as JsonMap).finalizers).toEqual(['b']);
  });

  it('clears keys missing from $retainKeys (Deployment spec.strategy)', () => {
    const d = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } };
    const out = apply('Deployment', d, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } });
    expect(out.spec).toEqual({ strategy: { type: 'Recreate' } });
  });

  it('merges a DaemonSet or StatefulSet updateStrategy as a plain struct (apps/v1 tags it with no patchStrategy)', () => {
    for (const kind of ['DaemonSet', 'StatefulSet'] as const) {
      const obj = { spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } } };
      const out = apply(kind, obj, { spec: { updateStrategy: { type: 'OnDelete' } } });
      expect(out.spec).toEqual({ updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } });
    }
  });

  it('merges status conditions by type', () => {
    const pod = { status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'PodScheduled', status: 'True' }] } };
    const out = apply('Pod', pod, { status: { conditions: [{ type: 'Ready', status: 'True' }] } });
    expect((out.status as JsonMap).conditions).toEqual([
      { type: 'Ready', status: 'True' },
      { type: 'PodScheduled', status: 'True' },
    ]);
  });

  it.each([
    [{ spec: { template: { spec: { containers: [{ image: 'x' }] } } } }, 'map: map[image:x] does not contain declared merge key: name', 'internal'],
    [{ spec: { $patch: 'foo' } }, 'unknown patch type: foo in map: map[$patch:foo]', 'internal'],
    [{ spec: { template: { spec: { containers: [{ name: 'app', $patch: 'merge' }] } } } }, 'merging lists cannot yet be specified in the patch', 'internal'],
    [{ spec: { strategy: { $retainKeys: 'type' } } }, 'invalid patch format of retainKeys', 'badRequest'],
    [{ spec: { strategy: { $retainKeys: ['type'], rollingUpdate: {} } } }, 'invalid patch format of retainKeys', 'badRequest'],
    [
      { spec: { template: { spec: { containers: [['x']] } } } },
      'list element types are not identical: [[map[image:x name:app]] [[x]]]',
      'internal',
    ],
  ])('rejects %j: %s', (patch, message, kind) => {
    const d = deploy([{ name: 'app', image: 'x' }], {});
    (d.spec as JsonMap).strategy = { type: 'RollingUpdate' };
    try {
      apply('Deployment', d, patch);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PatchError);
      expect([(e as PatchError).message, (e as PatchError).kind]).toEqual([message, kind]);
    }
  });

  it('refuses lists of lists', () => {
    expect(() => apply('Pod', { spec: { containers: [] } }, { spec: { containers: [['x']] } })).toThrow('lists of lists are not supported');
  });
});

describe('computing patches', () => {
  it('two-way: changed item, deleted item, and the element order', () => {
    const original = deploy([
      { name: 'a', image: '1' },
      { name: 'b', image: '1' },
    ]);
    const modified = deploy([
      { name: 'c', image: '1' },
      { name: 'a', image: '2' },
    ]);
    const p = createTwoWayMergePatch(original, modified, patchSchemaFor('Deployment'));
    expect(p).toEqual({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }],
            containers: [{ name: 'c', image: '1' }, { image: '2', name: 'a' }, { name: 'b', $patch: 'delete' }],
          },
        },
      },
    });
    expect(apply('Deployment', original, p)).toEqual(modified);
  });

  it('two-way: primitive merge lists use $deleteFromPrimitiveList', () => {
    const p = createTwoWayMergePatch({ metadata: { finalizers: ['a', 'b'] } }, { metadata: { finalizers: ['b', 'c'] } }, patchSchemaFor('Pod'));
    expect(p).toEqual({
      metadata: { '$setElementOrder/finalizers': ['b', 'c'], finalizers: ['c'], '$deleteFromPrimitiveList/finalizers': ['a'] },
    });
  });

  it('three-way: deletes what was applied before and dropped, keeps what the server added', () => {
    const lastApplied = { metadata: { name: 'web', labels: { app: 'web', old: 'x' } }, spec: { ports: [{ port: 80 }], type: 'NodePort' } };
    const modified = { metadata: { name: 'web', labels: { app: 'web' } }, spec: { ports: [{ port: 80 }] } };
    const live = {
      metadata: { name: 'web', labels: { app: 'web', old: 'x', added: 'by-hand' }, uid: 'u1' },
      spec: { ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }], type: 'NodePort', clusterIP: '10.96.0.10' },
    };
    const p = createThreeWayMergePatch(lastApplied, modified, live, patchSchemaFor('Service'));
    expect(p).toEqual({ metadata: { labels: { old: null } }, spec: { type: null } });
    expect(apply('Service', live, p)).toEqual({
      metadata: { name: 'web', labels: { app: 'web', added: 'by-hand' }, uid: 'u1' },
      spec: { ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }], clusterIP: '10.96.0.10' },
    });
  });

  it('three-way: nothing to do gives an empty patch', () => {
    const cfg = { metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } };
    const live = { metadata: { name: 'web', uid: 'u' }, spec: { ports: [{ port: 80, protocol: 'TCP' }], clusterIP: '10.96.0.1' } };
    expect(createThreeWayMergePatch(cfg, cfg, live, patchSchemaFor('Service'))).toEqual({});
  });

  it('three-way: a field in the manifest wins over a live change; a field not in it is left alone', () => {
    const live = { spec: { replicas: 5 } };
    // the manifest still says 2: apply resets what was scaled by hand
    expect(createThreeWayMergePatch({ spec: { replicas: 2 } }, { spec: { replicas: 2 } }, live, patchSchemaFor('Deployment'))).toEqual({
      spec: { replicas: 2 },
    });
    // the manifest never set replicas: the live value (e.g. from an autoscaler) is kept
    expect(createThreeWayMergePatch({ spec: {} }, { spec: {} }, live, patchSchemaFor('Deployment'))).toEqual({});
  });
});
