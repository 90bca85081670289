// The English check lines of every built-in scenario, exactly as `svcsim run` prints them (`✓ expected` /
// `✗ expected (found: actual)`), pinned in testdata/checkLines.en.txt. Each step's checks are evaluated before its
// action too, where most do not hold yet, so the "found" side of every check kind is pinned as well.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from './stepChecks';
import { everyBuiltinCheck } from './testdata/everyBuiltinCheck';

const line = (r: CheckResult) => (r.ok ? `✓ ${r.expected}` : `✗ ${r.expected} (found: ${r.actual})`);

describe('check lines in English', () => {
  it('are what svcsim run has always printed, for every built-in scenario', () => {
    const text = everyBuiltinCheck()
      .map((c) => `${c.where}: ${line(c.result)}\n`)
      .join('');
    const golden = readFileSync(new URL('./testdata/checkLines.en.txt', import.meta.url), 'utf8');
    expect(text).toBe(golden);
  });
});
