import { describe, expect, it } from 'vitest';
import { goSort, goStableSort } from './goSort';

/** A deterministic shuffle (LCG) so the tests need no Math.random. */
function scrambled(n: number, seed: number, keys: number): { key: number; id: number }[] {
  let x = seed;
  return Array.from({ length: n }, (_, id) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return { key: x % keys, id };
  });
}

describe('goSort', () => {
  it('sorts every length, including the pdqsort paths past 12 and 50 elements', () => {
    for (const n of [0, 1, 2, 5, 12, 13, 40, 49, 50, 51, 200, 1000]) {
      for (const keys of [2, 7, 1000]) {
        const items = scrambled(n, n + keys, keys);
        goSort(items, (a, b) => a.key < b.key);
        for (let i = 1; i < items.length; i++) expect(items[i - 1].key <= items[i].key).toBe(true);
        expect(new Set(items.map((x) => x.id)).size).toBe(n);
      }
    }
  });

  it('keeps the input order of equal keys up to 12 elements (insertion sort)', () => {
    const items = scrambled(12, 3, 2);
    goSort(items, (a, b) => a.key < b.key);
    for (let i = 1; i < items.length; i++) if (items[i - 1].key === items[i].key) expect(items[i - 1].id < items[i].id).toBe(true);
  });

  it('handles reversed and already sorted input', () => {
    const rev = Array.from({ length: 300 }, (_, i) => 300 - i);
    expect(goSort(rev, (a, b) => a < b)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const sorted = Array.from({ length: 300 }, (_, i) => i);
    expect(goSort([...sorted], (a, b) => a < b)).toEqual(sorted);
  });
});

describe('goStableSort', () => {
  it('is stable', () => {
    for (const n of [5, 20, 21, 77, 500]) {
      const items = scrambled(n, n, 5);
      goStableSort(items, (a, b) => a.key < b.key);
      for (let i = 1; i < items.length; i++) {
        expect(items[i - 1].key <= items[i].key).toBe(true);
        if (items[i - 1].key === items[i].key) expect(items[i - 1].id < items[i].id).toBe(true);
      }
    }
  });
});
