/** GetResourcesAndPairs / ParsePairs (kubectl pkg/cmd/util/helpers.go v0.34.1). */
import { describe, expect, it } from 'vitest';
import { parsePairs, resourcesAndPairs } from './pairs';

describe('pairs', () => {
  it('splits resources from pairs', () => {
    expect(resourcesAndPairs(['pod', 'x', 'a=1', 'b-'], 'annotation')).toEqual({ resources: ['pod', 'x'], pairs: ['a=1', 'b-'] });
    expect(() => resourcesAndPairs(['pod', 'a=1', 'x'], 'annotation')).toThrow('all resources must be specified before annotation changes: x');
  });

  it('parses additions and removals', () => {
    const { add, remove } = parsePairs(['a=1', 'b=x=y', 'a=2', 'c-'], 'annotation', true);
    expect([...add]).toEqual([
      ['a', '2'],
      ['b', 'x=y'],
    ]);
    expect(remove).toEqual(['c']);
    expect(() => parsePairs(['c-', '=x'], 'image', false)).toThrow('invalid image format: c-, =x');
  });
});
