import { describe, expect, it } from 'vitest';
import { cloneJson, deepFreeze, withoutUndefined } from './shared';

describe('withoutUndefined', () => {
  it('returns the value itself when nothing is undefined', () => {
    const v = { a: 1, b: { c: [1, { d: 'x' }] }, e: null };
    expect(withoutUndefined(v)).toBe(v);
  });

  it('copies only the objects on the way to undefined members, keeping key order', () => {
    const shared = { keep: true };
    const v = { a: 1, b: undefined, c: { d: undefined, e: 2 }, f: [shared, { g: undefined }], h: shared };
    const out = withoutUndefined(v);
    expect(out).not.toBe(v);
    expect(Object.keys(out)).toEqual(['a', 'c', 'f', 'h']);
    expect(Object.keys(out.c)).toEqual(['e']);
    expect(out.f[0]).toBe(shared);
    expect(out.h).toBe(shared);
    expect(JSON.stringify(out)).toBe(JSON.stringify(cloneJson(v)));
    expect(v.c).toEqual({ d: undefined, e: 2 }); // the input is left as it was
  });

  it('never writes to what it is given (frozen input)', () => {
    const v = deepFreeze({ meta: { name: 'a', gone: undefined }, list: [{ x: undefined }] });
    expect(() => withoutUndefined(v)).not.toThrow();
    expect(withoutUndefined(v)).toEqual({ meta: { name: 'a' }, list: [{}] });
  });
});
