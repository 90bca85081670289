/**
 * The built-in scenarios, as scenario-format text (the same YAML a user can export, edit and import), in
 * gallery order (the numbering of the issue that asked for them). Data only: `src/scenario/library` imports nothing, so the app may list them without the engine.
 */
import { dnsDeepDiveScenario } from './dnsDeepDive';
import { envVarCatchScenario } from './envVarCatch';
import { externalTrafficPolicyScenario } from './externalTrafficPolicy';
import { initContainersScenario } from './initContainers';
import { kubeProxyModesScenario } from './kubeProxyModes';
import { nodePortOnKindScenario } from './nodePortOnKind';
import { readinessProbesScenario } from './readinessProbes';
import { rollingUpdateScenario } from './rollingUpdate';
import { seedWalkthroughScenario } from './seedWalkthrough';
import { serviceTypesScenario } from './serviceTypes';
import { sessionAffinityScenario } from './sessionAffinity';
import { statefulSetNamesScenario } from './statefulSetNames';

/** name (metadata.name) → scenario text. */
export const builtinScenarios: ReadonlyArray<{ name: string; text: string }> = [
  { name: 'alpaca-prod', text: seedWalkthroughScenario },
  { name: 'service-types', text: serviceTypesScenario },
  { name: 'readiness-probes', text: readinessProbesScenario },
  { name: 'kube-proxy-modes', text: kubeProxyModesScenario },
  { name: 'rolling-update', text: rollingUpdateScenario },
  { name: 'dns-deep-dive', text: dnsDeepDiveScenario },
  { name: 'env-var-catch', text: envVarCatchScenario },
  { name: 'external-traffic-policy', text: externalTrafficPolicyScenario },
  { name: 'session-affinity', text: sessionAffinityScenario },
  { name: 'nodeport-on-kind', text: nodePortOnKindScenario },
  { name: 'init-wait-for-service', text: initContainersScenario },
  { name: 'statefulset-stable-names', text: statefulSetNamesScenario },
];

export function builtinScenarioText(name: string): string | undefined {
  return builtinScenarios.find((s) => s.name === name)?.text;
}
