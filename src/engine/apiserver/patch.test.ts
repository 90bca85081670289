// PATCH as k8s.io/apiserver v0.34 pkg/endpoints/handlers/patch.go serves it, on the generic apiserver.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { must, newTestApiServer } from './apiServer.fixture';
import { applyPatch, mergePatch, patchObject } from './patch';

function setup() {
  const t = newTestApiServer();
  const pod: Pod = {
    metadata: { name: 'web', labels: { app: 'web', tier: 'front' } },
    spec: { containers: [{ name: 'app', image: 'nginx:1', ports: [{ containerPort: 80 }] }] },
  };
  const created = must(t.api.create('Pod', pod));
  return { ...t, created };
}

describe('mergePatch (RFC 7386)', () => {
  it('merges objects, deletes with null, replaces everything else', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, d: [1, 2], e: 'x' }, { a: { b: null, z: 3 }, d: [3], e: { f: null, g: 1 } })).toEqual({
      a: { c: 2, z: 3 },
      d: [3],
      e: { g: 1 },
    });
  });
});

describe('patchObject', () => {
  it('merge patch: adds and removes labels, bumps the resourceVersion', () => {
    const { api, created } = setup();
    const out = must(patchObject(api, 'Pod', 'default', 'web', 'merge', { metadata: { labels: { tier: null, env: 'prod' } } }));
    expect(out.metadata?.labels).toEqual({ app: 'web', env: 'prod' });
    expect(Number(out.metadata?.resourceVersion)).toBeGreaterThan(Number(created.metadata?.resourceVersion));
    expect(out.metadata?.generation).toBe(1);
  });

  it('a patch that changes nothing keeps the object and its resourceVersion', () => {
    const { api, created } = setup();
    expect(must(patchObject(api, 'Pod', 'default', 'web', 'merge', { metadata: { labels: { app: 'web' } } }))).toBe(created);
    expect(must(patchObject(api, 'Pod', 'default', 'web', 'strategic', {}))).toBe(created);
    expect(must(patchObject(api, 'Pod', 'default', 'web', 'json', []))).toBe(created);
  });

  it('strategic patch: merges the container by name and bumps generation', () => {
    const { api } = setup();
    const out = must(patchObject(api, 'Pod', 'default', 'web', 'strategic', { spec: { containers: [{ name: 'app', image: 'nginx:2' }] } }));
    expect(out.spec?.containers).toEqual([{ name: 'app', image: 'nginx:2', ports: [{ containerPort: 80 }] }]);
    expect(out.metadata?.generation).toBe(2);
    // a merge patch replaces the list instead
    const merged = must(patchObject(api, 'Pod', 'default', 'web', 'merge', { spec: { containers: [{ name: 'app', image: 'nginx:3' }] } }));
    expect(merged.spec?.containers).toEqual([{ name: 'app', image: 'nginx:3' }]);
  });

  it('the patched object goes through validation', () => {
    const { api } = setup();
    const r = patchObject(api, 'Pod', 'default', 'web', 'strategic', { spec: { containers: [{ name: 'app', image: null }] } });
    expect(!r.ok && [r.status.reason, r.status.code, r.status.message]).toEqual(['Invalid', 422, 'Pod "web" is invalid: spec.containers[0].image: Required value']);
  });

  it('status is not patched through the main resource, only through the status subresource', () => {
    const { api, created } = setup();
    expect(must(patchObject(api, 'Pod', 'default', 'web', 'merge', { status: { phase: 'Running' } }))).toBe(created);
    const st = must(patchObject(api, 'Pod', 'default', 'web', 'merge', { status: { phase: 'Running' } }, { subresource: 'status' }));
    expect(st.status?.phase).toBe('Running');
  });

  it('dry run returns the result without storing it', () => {
    const { api, created } = setup();
    const out = must(patchObject(api, 'Pod', 'default', 'web', 'merge', { metadata: { labels: { x: 'y' } } }, { dryRun: true }));
    expect(out.metadata?.labels?.x).toBe('y');
    expect(must(api.get('Pod', 'default', 'web'))).toBe(created);
  });

  it('a resourceVersion in the patch is a precondition', () => {
    const { api } = setup();
    const r = patchObject(api, 'Pod', 'default', 'web', 'merge', { metadata: { resourceVersion: '1', labels: { x: 'y' } } });
    expect(!r.ok && r.status.reason).toBe('Conflict');
  });

  it.each([
    // handlers/patch.go checkName
    ['merge', { metadata: { name: 'other' } }, 400, 'BadRequest', 'the name of the object (other) does not match the name on the URL (web)'],
    ['merge', { metadata: { namespace: 'kube-system' } }, 400, 'BadRequest', 'the namespace of the object (kube-system) does not match the namespace on the request (default)'],
    // evanphx MergePatch: ErrBadJSONPatch → BadRequest
    ['merge', null, 400, 'BadRequest', 'Invalid JSON Patch'],
    ['merge', 'x', 400, 'BadRequest', 'Invalid JSON Patch'],
    // jsonpatch.DecodePatch error → BadRequest; an apply error → NewGenericServerResponse(422), message replaced
    ['json', { op: 'add' }, 400, 'BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch'],
    ['json', [{ op: 'remove', path: '/metadata/labels/nope' }], 422, 'Invalid', 'the server rejected our request due to an error in our request'],
    ['json', [{ op: 'test', path: '/metadata/name', value: 'x' }], 422, 'Invalid', 'the server rejected our request due to an error in our request'],
    // strategic: kjson.Unmarshal into map → BadRequest; strategicpatch errors per interpretStrategicMergePatchError
    ['strategic', [1], 400, 'BadRequest', 'json: cannot unmarshal array into Go value of type map[string]interface {}'],
    ['strategic', { spec: { containers: [{ image: 'x' }] } }, 500, '', 'map: map[image:x] does not contain declared merge key: name'],
    ['strategic', { metadata: { $retainKeys: 'x' } }, 400, 'BadRequest', 'invalid patch format of retainKeys'],
    ['strategic', { spec: { containers: [['x']] } }, 500, '', 'list element types are not identical: [[map[image:nginx:1 name:app ports:[map[containerPort:80]]]] [[x]]]'],
  ] as const)('%s %j → %d %s', (type, patch, code, reason, message) => {
    const { api } = setup();
    const r = patchObject(api, 'Pod', 'default', 'web', type, patch);
    expect(!r.ok && [r.status.code, r.status.reason, r.status.message]).toEqual([code, reason, message]);
  });

  it('a missing object is NotFound', () => {
    const { api } = setup();
    const r = patchObject(api, 'Pod', 'default', 'ghost', 'merge', {});
    expect(!r.ok && r.status.message).toBe('pods "ghost" not found');
  });

  it('applyPatch reports a merge patch that is not an object as undecodable', () => {
    const r = applyPatch('Pod', { metadata: { name: 'x' } }, 'merge', [1, 2]);
    expect(!r.ok && [r.status.code, r.status.reason]).toEqual([422, 'Invalid']);
  });
});
