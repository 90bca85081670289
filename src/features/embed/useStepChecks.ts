/**
 * In a frame the step's checks follow the cluster as in the playground's step bar, with or without the bar
 * (`controls=0`): a presenter who types the step (`svcsim:command`) sees ✓ and the deck gets `svcsim:check`.
 */
import { useRecheckOnChange } from '../scenarios/StepBar';
import { type ScenarioUiState, useScenarioStore } from '../scenarios/scenarioStore';

const selectWaiting = (s: ScenarioUiState) => {
  const { open, progress } = s;
  const step = open && progress ? open.stepList[progress.step] : undefined;
  return !!step && !!progress && !progress.ran[progress.step] && step.checks > 0;
};

export function useStepChecks(): void {
  useRecheckOnChange(useScenarioStore(selectWaiting));
}
