import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster';

describe('stored objects under the unit tests', () => {
  it('are frozen by default, so a cache keyed by object identity stays sound', () => {
    const c = new Cluster();
    const ns = c.store.get('Namespace', 'default');
    expect(ns && Object.isFrozen(ns)).toBe(true);
    expect(ns?.metadata && Object.isFrozen(ns.metadata)).toBe(true);
    expect(() => {
      (ns?.metadata as { labels?: unknown }).labels = {};
    }).toThrow(TypeError);
  });

  it('stay unfrozen when a test asks for it', () => {
    const c = new Cluster({ freezeObjects: false });
    expect(Object.isFrozen(c.store.get('Namespace', 'default'))).toBe(false);
  });
});
