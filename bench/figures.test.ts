import { describe, expect, it } from 'vitest';
import { atLeast, atMost, type Figure, figureLine, figureTable } from './figures';

const fixed1 = (f: Figure) => f.value.toFixed(1);

describe('figures', () => {
  it('derives the budget text and the verdict from one limit', () => {
    expect(atMost(499.9, 500, 'ms')).toEqual({ budget: '≤ 500 ms', pass: true });
    expect(atMost(500.1, 500, 'ms')).toEqual({ budget: '≤ 500 ms', pass: false });
    expect(atMost(1.3, 1.3)).toEqual({ budget: '≤ 1.3', pass: true });
    expect(atLeast(89.9, 90, '%')).toEqual({ budget: '≥ 90 %', pass: false });
    expect(atLeast(90, 90, '%')).toEqual({ budget: '≥ 90 %', pass: true });
  });

  it('prints a RESULTS.md table: budgeted, unbudgeted and noted rows', () => {
    const figures: Figure[] = [
      { name: 'settle', value: 612.34, unit: 'ms', ...atMost(612.34, 500, 'ms'), note: '10 nodes' },
      { name: 'heap', value: 12, unit: 'MiB' },
    ];
    expect(figureTable(figures, fixed1)).toBe(
      [
        '| figure | value | budget | verdict | note |',
        '| --- | --- | --- | --- | --- |',
        '| settle | 612.3 ms | ≤ 500 ms | MISS | 10 nodes |',
        '| heap | 12.0 MiB | — |  |  |',
      ].join('\n'),
    );
  });

  it('prints a console line with the budget only when there is one', () => {
    expect(figureLine({ name: 'x', value: 1, unit: 'ms', ...atMost(1, 2, 'ms'), note: 'n' }, fixed1)).toBe('x: 1.0 ms  (budget ≤ 2 ms: PASS)  — n');
    expect(figureLine({ name: 'y', value: 3, unit: 'MiB' }, fixed1)).toBe('y: 3.0 MiB');
  });
});
