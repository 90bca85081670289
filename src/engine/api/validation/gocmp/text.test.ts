import { describe, expect, it } from 'vitest';
import { coalesceAdjacent, type DiffClass } from './text';

// go-cmp cmp/report_compare.go coalesceAdjacentRecords and cmp/report_slices.go coalesceAdjacentEdits: runs of
// identical items alternate with runs of changed ones, and a changed run counts each kind of change.
describe('coalesceAdjacent', () => {
  const counts = (classes: DiffClass[]) =>
    coalesceAdjacent('byte', classes, (c) => c).map((g) => [g.numIdentical, g.numRemoved, g.numInserted, g.numModified]);

  it('alternates identical and changed runs, counting each class', () => {
    expect(counts(['identical', 'identical', 'removed', 'inserted', 'inserted', 'modified', 'identical'])).toEqual([
      [2, 0, 0, 0],
      [0, 1, 2, 1],
      [1, 0, 0, 0],
    ]);
  });

  it('starts with a changed run when the first item differs', () => {
    expect(counts(['removed', 'identical'])).toEqual([
      [0, 1, 0, 0],
      [1, 0, 0, 0],
    ]);
  });

  it('has no runs for no items', () => {
    expect(counts([])).toEqual([]);
  });

  it('names each run after the element kind', () => {
    expect(coalesceAdjacent('field', ['identical', 'modified'], (c: DiffClass) => c).map((g) => g.toString())).toEqual([
      '1 identical field',
      '1 modified field',
    ]);
  });
});
