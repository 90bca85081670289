/**
 * Plays a scenario from start to end without a browser: for each step its title, its action's transcript and its
 * checks as ✓/✗. The result says how many checks failed; `svcsim run` exits non-zero when any did.
 */
import { ScenarioRun } from './player';
import { localize, type Scenario, type ScenarioLanguage } from './types';

export interface HeadlessResult {
  text: string;
  checks: number;
  failed: number;
}

export function playHeadless(scenario: Scenario, lang: ScenarioLanguage = 'en'): HeadlessResult {
  const run = new ScenarioRun(scenario);
  let text = `# ${localize(scenario.title, lang)}\n`;
  let checks = 0;
  let failed = 0;
  for (const e of run.setupErrors) {
    text += `✗ the scenario's manifests: ${e}\n`;
    failed++;
  }
  try {
    scenario.steps.forEach((step, i) => {
      text += `\n## ${i + 1}. ${localize(step.title, lang)}\n`;
      text += run.runAction(i).transcript;
      for (const r of run.check(i)) {
        checks++;
        if (!r.ok) failed++;
        text += r.ok ? `✓ ${r.expected}\n` : `✗ ${r.expected} (found: ${r.actual})\n`;
      }
    });
  } finally {
    run.close();
  }
  text += `\n${checks - failed} of ${checks} checks passed\n`;
  return { text, checks, failed };
}
