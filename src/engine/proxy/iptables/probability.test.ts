import { describe, expect, it } from 'vitest';
import { proxierProbability, savedProbability } from './probability';

describe('statistic probabilities', () => {
  // kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go writes 0.5000000000 for two endpoints;
  // iptables-save on real nodes prints 0.33333333349 and 0.50000000000 (iptables extensions/libxt_statistic.c).
  it.each([
    [1, '1.0000000000', '1.00000000000'],
    [2, '0.5000000000', '0.50000000000'],
    [3, '0.3333333333', '0.33333333349'],
    [4, '0.2500000000', '0.25000000000'],
    [5, '0.2000000000', '0.20000000019'],
  ])('1/%i is written %s and saved %s', (n, written, saved) => {
    expect(proxierProbability(n)).toBe(written);
    expect(savedProbability(1 / n)).toBe(saved);
  });
});
