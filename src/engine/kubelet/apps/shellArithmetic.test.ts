import { describe, expect, it } from 'vitest';
import { evaluateArithmetic } from './shellArithmetic';
import { environLookup, expandShell } from './shellSyntax';

const vars: Record<string, string> = { i: '4', n: '-3', empty: '' };
const value = (name: string) => vars[name] ?? '';

describe('$((…)): POSIX arithmetic expansion', () => {
  it("C's operators and precedence, names for their values, unset and empty names for 0", () => {
    const cases: Array<[string, number]> = [
      ['i+1', 5],
      ['1 + 2 * 3', 7],
      ['(1 + 2) * 3', 9],
      ['-7 / 2', -3],
      ['-7 % 2', -1],
      ['n * i', -12],
      ['unset + empty + 1', 1],
      ['i > 3 && n < 0', 1],
      ['!i || 0', 0],
      ['1 << 4 | 1', 17],
      ['i == 4 ? 10 : 20', 10],
      ['0x10 + 010', 24],
      ['', 0],
    ];
    for (const [expr, want] of cases) expect(evaluateArithmetic(expr, value), expr).toEqual({ value: want });
  });

  it('what the shell refuses: a syntax error, a division by zero, a name that is not a number', () => {
    expect(evaluateArithmetic('1 +', value)).toEqual({ error: 'arithmetic syntax error' });
    expect(evaluateArithmetic('i / 0', value)).toEqual({ error: 'divide by zero' });
    expect(evaluateArithmetic('(1', value)).toEqual({ error: 'arithmetic syntax error' });
    expect(evaluateArithmetic('x', () => 'abc')).toEqual({ error: 'arithmetic syntax error' });
  });

  it('expands in a word, after the $ expansions inside it; one the shell refuses is left as written', () => {
    const environ = environLookup(['i=4']);
    expect(expandShell('i=$((i+1))', environ)).toBe('i=5');
    expect(expandShell('"$(( $i * (2 + 1) ))s"', environ)).toBe('"12s"');
    expect(expandShell("'$((i+1))'", environ)).toBe("'$((i+1))'");
    expect(expandShell('$((1/0))', environ)).toBe('$((1/0))');
  });
});
