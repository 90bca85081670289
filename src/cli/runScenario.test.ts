// CI plays every built-in scenario headless, as `svcsim run NAME` does: each must pass all its checks.
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenario/library';
import { parseScenario } from '../scenario/parseScenario';
import { runScenarioCommand } from './runScenario';

function run(args: string[], files: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const status = runScenarioCommand(
    args,
    (p) => {
      if (!(p in files)) throw new Error('no such file');
      return files[p];
    },
    (t) => {
      out += t;
    },
    (t) => {
      err += t;
    },
  );
  return { status, out, err };
}

describe('svcsim run', () => {
  for (const { name, text } of builtinScenarios) {
    it(`plays the built-in scenario ${name} with every check passing`, () => {
      const r = run([name]);
      expect(r.err).toBe('');
      expect(r.out).not.toContain('✗');
      expect(r.out).toMatch(/\n(\d+) of \1 checks passed\n$/);
      expect(r.status).toBe(0);
      // every step of a built-in is written in both languages
      const parsed = parseScenario(text);
      if (!parsed.ok) throw new Error('invalid');
      const s = parsed.scenario;
      for (const t of [s.title, s.description, ...s.steps.flatMap((st) => [st.title, st.narration])]) expect(t['zh-TW'], t.en).toBeTruthy();
    });
  }

  it('prints the zh-TW titles with --lang zh-TW', () => {
    expect(run(['alpaca-prod', '--lang', 'zh-TW']).out).toContain('## 2. 用 expose 建立 Service\n');
  });

  it('exits 1 and marks the check ✗ when a check fails', () => {
    const file = `apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata: {name: failing}
title: Failing
steps:
  - title: Expect a Service that is not there
    checks:
      - service: {name: ghost}
`;
    const r = run(['failing.svcsim.yaml'], { 'failing.svcsim.yaml': file });
    expect(r.status).toBe(1);
    expect(r.out).toContain('✗ service ghost: exists (found: not found)\n');
    expect(r.out).toContain('0 of 1 checks passed');
  });

  it('exits 2 with FILE:LINE:COL errors for an invalid scenario, and for a missing file', () => {
    const r = run(['bad.yaml'], { 'bad.yaml': 'apiVersion: svcsim.dev/v1alpha1\nkind: Scenario\nmetadata: {name: Bad}\ntitle: x\nsteps: []\n' });
    expect(r.status).toBe(2);
    expect(r.err).toContain('bad.yaml:3:18: metadata.name: must be lower-case letters');
    expect(r.err).toContain('bad.yaml:5:8: steps: needs at least one step');
    const missing = run(['nope.yaml']);
    expect(missing.status).toBe(2);
    expect(missing.err).toContain('cannot read nope.yaml');
  });
});
