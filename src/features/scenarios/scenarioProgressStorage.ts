/**
 * A learner's place in each scenario survives a reload and a return visit: `localStorage` key
 * `svcsim.scenario.<name>` holds the step reached. Storage may be denied (a cross-site frame): then nothing is kept.
 */
import { guardedStorage, storageDenial } from '../../state/persistence/storageAccess';

const key = (name: string) => `svcsim.scenario.${name}`;
const visitedKey = 'svcsim.visited';
/** False in an embedded frame: a slide's steps are the presenter's, not a learner's progress to keep. */
let keeping = true;

/** From now on this page keeps no scenario progress (embed mode: persistence off). */
export function keepNoScenarioProgress(): void {
  keeping = false;
}

export function loadScenarioStep(name: string): number | undefined {
  const v = Number(guardedStorage.getItem(key(name)));
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

export function saveScenarioStep(name: string, step: number): void {
  if (keeping) guardedStorage.setItem(key(name), String(step));
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
  if (keeping) guardedStorage.setItem(visitedKey, '1');
}
