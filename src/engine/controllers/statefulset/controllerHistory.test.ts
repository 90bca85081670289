/**
 * ControllerRevision names (kubernetes/kubernetes `pkg/controller/history/controller_history.go`
 * `HashControllerRevision`: Go's `fnv.New32`, i.e. FNV-1, not the FNV-1a of `controller.ComputeHash`).
 */
import { describe, expect, it } from 'vitest';
import { controllerRevisionName, fnv1, hashControllerRevision, revisionData, templateOf } from './controllerHistory';
import { safeEncodeString } from '../deployment/podTemplateHash';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('controller history', () => {
  it('hashes with FNV-1 (the published 32-bit test vectors)', () => {
    expect(fnv1(bytes(''))).toBe(0x811c9dc5);
    expect(fnv1(bytes('a'))).toBe(0x050c5d7e);
    expect(fnv1(bytes('foobar'))).toBe(0x31f0b262);
  });

  it('hashes the patch as Go marshals a map, then the decimal collision count', () => {
    const data = { spec: { template: { metadata: { labels: { app: 'a<b' } }, $patch: 'replace' } } };
    // sorted keys, `$patch` first, `<` escaped as encoding/json does
    const raw = '{"spec":{"template":{"$patch":"replace","metadata":{"labels":{"app":"a\\u003cb"}}}}}';
    expect(hashControllerRevision(data, 0)).toBe(safeEncodeString(String(fnv1(bytes('0'), fnv1(bytes(raw))))));
    expect(hashControllerRevision(data, 1)).not.toBe(hashControllerRevision(data, 0));
  });

  it('keeps the template to restore, without the patch directive', () => {
    const set = { metadata: { name: 'web' }, spec: { serviceName: 'web', selector: {}, template: { metadata: { labels: { app: 'web' } } } } };
    const data = revisionData(set);
    expect(data).toEqual({ spec: { template: { metadata: { labels: { app: 'web' } }, $patch: 'replace' } } });
    expect(templateOf({ revision: 1, data })).toEqual({ metadata: { labels: { app: 'web' } } });
  });

  it('cuts a long prefix to 223 characters', () => {
    expect(controllerRevisionName('x'.repeat(300), 'abc')).toBe(`${'x'.repeat(223)}-abc`);
  });
});
