/** Test support: every check of every built-in scenario, evaluated the way a learner meets it. */
import { builtinScenarios } from '../library';
import { parseScenario } from '../parseScenario';
import { ScenarioRun } from '../player';
import type { CheckResult } from '../stepChecks';

/** Every check result of every built-in scenario, before and after each step's action. */
export function everyBuiltinCheck(): Array<{ where: string; result: CheckResult }> {
  const out: Array<{ where: string; result: CheckResult }> = [];
  for (const { name, text } of builtinScenarios) {
    const parsed = parseScenario(text);
    if (!parsed.ok) throw new Error(`${name} does not parse`);
    const run = new ScenarioRun(parsed.scenario);
    try {
      parsed.scenario.steps.forEach((_, i) => {
        for (const result of run.check(i)) out.push({ where: `${name} ${i + 1} before`, result });
        run.runAction(i);
        for (const result of run.check(i)) out.push({ where: `${name} ${i + 1} after`, result });
      });
    } finally {
      run.close();
    }
  }
  return out;
}

