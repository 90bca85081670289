// RFC 6902 as gopkg.in/evanphx/json-patch.v4 (v4.12, the version k8s.io/apiserver v0.34 uses) applies it.
import { describe, expect, it } from 'vitest';
import type { JsonMap } from '../strategicpatch/values';
import { applyJsonPatch, decodeJsonPatch } from './jsonPatch';

const doc = (): JsonMap => ({ metadata: { name: 'web', labels: { app: 'web' } }, spec: { ports: [{ port: 80 }, { port: 443 }], type: 'ClusterIP' } });
const run = (ops: unknown) => {
  const d = decodeJsonPatch(ops);
  if (!d.ok) return `decode: ${d.error}`;
  const r = applyJsonPatch(doc(), d.value);
  return r.ok ? r.value : `error: ${r.error}`;
};

describe('applyJsonPatch', () => {
  it('add / remove / replace / move / copy / test', () => {
    expect(
      run([
        { op: 'add', path: '/metadata/labels/tier', value: 'front' },
        { op: 'replace', path: '/spec/type', value: 'NodePort' },
        { op: 'add', path: '/spec/ports/-', value: { port: 8080 } },
        { op: 'add', path: '/spec/ports/0', value: { port: 8 } },
        { op: 'remove', path: '/spec/ports/1' },
        { op: 'copy', from: '/metadata/labels/app', path: '/metadata/labels/copy' },
        { op: 'move', from: '/metadata/labels/tier', path: '/metadata/labels/moved' },
        { op: 'test', path: '/spec/type', value: 'NodePort' },
      ]),
    ).toEqual({
      metadata: { name: 'web', labels: { app: 'web', copy: 'web', moved: 'front' } },
      spec: { ports: [{ port: 8 }, { port: 443 }, { port: 8080 }], type: 'NodePort' },
    });
  });

  it('keeps v4 quirks: replace of a missing key adds it, negative indexes count from the end, ~1 and ~0 escapes', () => {
    const out = run([
      { op: 'replace', path: '/metadata/labels/new', value: 'x' },
      { op: 'remove', path: '/spec/ports/-1' },
      { op: 'add', path: '/metadata/labels/example.com~1a~0b', value: 'y' },
    ]) as JsonMap;
    expect(out.metadata).toEqual({ name: 'web', labels: { app: 'web', new: 'x', 'example.com/a~b': 'y' } });
    expect((out.spec as JsonMap).ports).toEqual([{ port: 80 }]);
  });

  it.each([
    [[{ op: 'add', path: '/nope/x', value: 1 }], 'error: add operation does not apply: doc is missing path: "/nope/x": missing value'],
    [[{ op: 'remove', path: '/metadata/labels/nope' }], "error: error in remove for path: '/metadata/labels/nope': Unable to remove nonexistent key: nope: missing value"],
    [[{ op: 'replace', path: '/spec/ports/5', value: 1 }], 'error: replace operation does not apply: doc is missing key: /spec/ports/5: missing value'],
    [[{ op: 'add', path: '/spec/ports/9', value: 1 }], "error: error in add for path: '/spec/ports/9': Unable to access invalid index: 9: invalid index referenced"],
    [[{ op: 'add', path: '/spec/ports/x', value: 1 }], `error: error in add for path: '/spec/ports/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`],
    [[{ op: 'test', path: '/spec/type', value: 'NodePort' }], 'error: testing value /spec/type failed: test failed'],
    [[{ op: 'move', from: '/nope/a', path: '/b' }], 'error: move operation does not apply: doc is missing from path: /nope/a: missing value'],
    [[{ op: 'copy', from: '/spec/type', path: '/nope/a' }], 'error: copy operation does not apply: doc is missing destination path: /nope/a: missing value'],
    [[{ op: 'frobnicate', path: '/a' }], 'error: Unexpected kind: frobnicate'],
    [[{ path: '/a' }], 'error: Unexpected kind: unknown'],
    [{ op: 'add' }, 'decode: json: cannot unmarshal object into Go value of type jsonpatch.Patch'],
    [['add'], 'decode: json: cannot unmarshal string into Go value of type jsonpatch.Operation'],
  ])('%j → %s', (ops, want) => {
    expect(run(ops)).toBe(want);
  });

  it('a null patch is empty; nothing is applied when an operation fails', () => {
    expect(run(null)).toEqual(doc());
    const d = doc();
    const r = applyJsonPatch(d, [
      { op: 'add', path: '/metadata/labels/x', value: '1' },
      { op: 'test', path: '/spec/type', value: 'nope' },
    ]);
    expect(r.ok).toBe(false);
    expect(d).toEqual(doc());
  });
});
