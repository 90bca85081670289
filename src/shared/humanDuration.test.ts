/**
 * Every boundary of apimachinery pkg/util/duration HumanDuration (duration.go and its test table), including the
 * truncation of negative durations and `119s` (not `1m59s`).
 */
import { describe, expect, it } from 'vitest';
import { humanDuration } from './humanDuration';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

const cases: [number, string][] = [
  [-2 * s, '<invalid>'],
  [-1999, '0s'],
  [-1 * s, '0s'],
  [-500, '0s'],
  [0, '0s'],
  [999, '0s'],
  [1 * s, '1s'],
  [119 * s, '119s'],
  [119 * s + 999, '119s'],
  [2 * m, '2m'],
  [2 * m + 1 * s, '2m1s'],
  [3 * m + 20 * s, '3m20s'],
  [9 * m + 59 * s, '9m59s'],
  [10 * m, '10m'],
  [10 * m + 59 * s, '10m'],
  [179 * m + 59 * s, '179m'],
  [3 * h, '3h'],
  [3 * h + 1 * m, '3h1m'],
  [7 * h + 59 * m, '7h59m'],
  [8 * h, '8h'],
  [47 * h + 59 * m, '47h'],
  [48 * h, '2d'],
  [6 * d + 2 * h, '6d2h'],
  [7 * d + 23 * h, '7d23h'],
  [8 * d, '8d'],
  [729 * d + 23 * h, '729d'],
  [2 * y, '2y'],
  [2 * y + 30 * d, '2y30d'],
  [7 * y + 364 * d, '7y364d'],
  [8 * y, '8y'],
  [12 * y + 100 * d, '12y'],
];

describe('humanDuration', () => {
  it.each(cases)('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});
