/**
 * The built-in scenarios, as scenario-format text (the same YAML a user can export, edit and import), in
 * gallery order. Data only: `src/scenario/library` imports nothing, so the app may list them without the engine.
 */
import { envVarCatchScenario } from './envVarCatch';
import { readinessProbesScenario } from './readinessProbes';
import { rollingUpdateScenario } from './rollingUpdate';
import { seedWalkthroughScenario } from './seedWalkthrough';
import { serviceTypesScenario } from './serviceTypes';

/** name (metadata.name) → scenario text. */
export const builtinScenarios: ReadonlyArray<{ name: string; text: string }> = [
  { name: 'alpaca-prod', text: seedWalkthroughScenario },
  { name: 'service-types', text: serviceTypesScenario },
  { name: 'readiness-probes', text: readinessProbesScenario },
  { name: 'rolling-update', text: rollingUpdateScenario },
  { name: 'env-var-catch', text: envVarCatchScenario },
];

export function builtinScenarioText(name: string): string | undefined {
  return builtinScenarios.find((s) => s.name === name)?.text;
}
