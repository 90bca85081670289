import { describe, expect, it } from 'vitest';
import { formatFloatG, goSprint, goSyntax } from './goFmt';

// golang/go src/strconv/ftoa.go formatDigits ('g', shortest: %e below 1e-4 and from 1e6 on) and
// src/fmt/print.go fmtFloat (%v is 'g' with the shortest precision).
describe('formatFloatG', () => {
  it.each([
    [1.5, '1.5'],
    [999999.5, '999999.5'],
    [1234567.5, '1.2345675e+06'],
    [1e21 + 0.5, '1e+21'],
    [0.0001, '0.0001'],
    [0.00001234, '1.234e-05'],
    [-2.5e-7, '-2.5e-07'],
    [1.5e300, '1.5e+300'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, '+Inf'],
    [Number.NEGATIVE_INFINITY, '-Inf'],
  ])('%d → %s', (n, want) => {
    expect(formatFloatG(n)).toBe(want);
  });

  it('is what %v and %#v print for a float64, integers staying integers', () => {
    expect(goSprint({ a: 1234567.5, b: 3 })).toBe('map[a:1.2345675e+06 b:3]');
    expect(goSyntax(0.00001)).toBe('1e-05');
  });
});
