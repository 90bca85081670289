/**
 * A learner's place in each scenario survives a reload and a return visit: `localStorage` key
 * `svcsim.scenario.<name>` holds the step reached. Storage may be denied (a cross-site frame): then nothing is kept.
 */
import { guardedStorage, storageDenial } from '../../state/persistence/storageAccess';

const key = (name: string) => `svcsim.scenario.${name}`;
const visitedKey = 'svcsim.visited';

export function loadScenarioStep(name: string): number | undefined {
  const v = Number(guardedStorage.getItem(key(name)));
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

export function saveScenarioStep(name: string, step: number): void {
  guardedStorage.setItem(key(name), String(step));
}

/**
 * Whether this browser has been here before (then the playground opens directly, not the gallery). Without
 * storage (a cross-site frame) there is no telling: the playground opens, as a frame's host expects.
 */
export function hasVisited(): boolean {
  if (storageDenial()) return true;
  return guardedStorage.getItem(visitedKey) !== null;
}

export function markVisited(): void {
  guardedStorage.setItem(visitedKey, '1');
}
