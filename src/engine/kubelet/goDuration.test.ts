import { describe, expect, it } from 'vitest';
import { formatGoDuration } from './goDuration';

// Expected strings follow Go's time.Duration.String() (src/time/time.go), as seen in kubelet events
// such as `Successfully pulled image "busybox" in 1.661s (1.661s including waiting)` and `in 313ms`.
describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [313, '313ms'],
    [1661, '1.661s'],
    [2000, '2s'],
    [10_000, '10s'],
    [80_000, '1m20s'],
    [300_000, '5m0s'],
    [3_600_000, '1h0m0s'],
    [62_500, '1m2.5s'],
  ])('%d ms -> %s', (ms, want) => {
    expect(formatGoDuration(ms)).toBe(want);
  });
});
