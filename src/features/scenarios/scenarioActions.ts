/**
 * What the scenario UI asks of the worker. Opening a scenario starts a new session log (`init`, then
 * `scenarioOpen`), so a reload replays it exactly; moving between steps and "run this step" are logged too.
 */
import { t } from '../../i18n/languageStore';
import type { ReplyValue } from '../../protocol/messages';
import { send } from '../../state/simulation';
import { useAppStore } from '../../state/store';
import { markVisited, saveScenarioStep } from './scenarioProgressStorage';
import { useScenarioStore } from './scenarioStore';

const set = useScenarioStore.setState;

export async function loadCatalog(): Promise<void> {
  const r = await send({ type: 'scenarioCatalog' });
  if (r.ok && r.value?.kind === 'scenarioCatalog') set({ catalog: r.value.items });
}

/** Leaves the gallery for the playground (with the session it has). */
export function openPlayground(): void {
  markVisited();
  set({ screen: 'playground', galleryMessage: undefined });
}

/** Shows the gallery, with a message when something the learner asked for could not be opened. */
export function showGallery(message?: string): void {
  set({ screen: 'gallery', galleryMessage: message });
}

export async function openScenario(source: { name: string } | { text: string }, step = 0): Promise<boolean> {
  markVisited();
  // a scenario starts paused: its steps move time themselves, and a shared step must show what its author saw
  useAppStore.getState().setClock(false);
  set({ busy: true });
  try {
    await send({ type: 'init' });
    const r = await send({ type: 'scenarioOpen', source, step });
    if (!r.ok || r.value?.kind !== 'scenario') {
      showGallery(r.ok ? t('notice.scenarioFailed') : t('notice.scenarioFailedWhy', { error: r.error ?? '' }));

      return false;
    }
    set({ open: r.value.scenario, progress: r.value.progress, screen: 'playground', galleryMessage: undefined });
    afterStep(r.value);
    return true;
  } finally {
    set({ busy: false });
  }
}

export async function gotoStep(step: number): Promise<void> {
  await progressCommand(() => send({ type: 'scenarioGoto', step }));
}

export async function runThisStep(): Promise<void> {
  await progressCommand(() => send({ type: 'scenarioRunStep' }));
}

/** Re-evaluates the current step's checks (the learner typed the step themselves). Quietly does nothing when no scenario is open. */
export async function recheck(): Promise<void> {
  const r = await send({ type: 'scenarioCheck' });
  if (r.ok && r.value?.kind === 'scenario') set({ open: r.value.scenario, progress: r.value.progress });
}

export function closeScenario(): void {
  set({ open: undefined, progress: undefined });
}

async function progressCommand(run: () => ReturnType<typeof send>): Promise<void> {
  if (useScenarioStore.getState().busy) return;
  set({ busy: true });
  try {
    const r = await run();
    if (r.ok && r.value?.kind === 'scenarioProgress') {
      set({ progress: r.value.progress });
      afterStep(r.value);
    }
  } finally {
    set({ busy: false });
  }
}

/** Remembers the step and highlights the step's first focused object. */
function afterStep(value: ReplyValue): void {
  const { open } = useScenarioStore.getState();
  const progress = value.kind === 'scenario' || value.kind === 'scenarioProgress' ? value.progress : undefined;
  if (!open || !progress) return;
  if (open.builtin) saveScenarioStep(open.name, progress.step);
  const focused = open.stepList[progress.step]?.focus ?? [];
  // `panel:rules` (a dock tab) opens that tab; other panels (`panel:endpoints`) are drawn on the canvas
  for (const f of focused) {
    const tab = /^panel:(terminal|rules|traffic|inspector|events)$/.exec(f)?.[1];
    if (tab === 'terminal' || tab === 'rules' || tab === 'traffic') useAppStore.getState().setBottomTab(tab);
    else if (tab === 'inspector' || tab === 'events') useAppStore.getState().setDockTab(tab);
  }
  const focus = focused.find((f) => /^(pod|service|svc|deployment|statefulset)\//.test(f));
  if (!focus) return;
  const [kind, name] = focus.split('/');
  const type = kind === 'pod' ? 'pod' : kind === 'deployment' ? 'deploy' : kind === 'statefulset' ? 'sts' : 'svc';
  useAppStore.getState().select(`${type}:default/${name}`);
}
