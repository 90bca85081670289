/**
 * The scenario player as the UI holds it: which screen shows (the gallery or the playground), the open
 * scenario and its progress as the worker reported it. The worker owns the cluster
 * and the player's state; this store only mirrors its replies.
 */
import { create } from 'zustand';
import type { ScenarioCard, ScenarioProgress, WireScenario } from '../../protocol/messages';

import type { Lang } from '../../i18n/language';

export interface ScenarioUiState {
  screen: 'gallery' | 'playground';
  /** Why the gallery shows instead of what was asked (a broken share link). */
  galleryMessage: string | undefined;
  catalog: ScenarioCard[] | undefined;
  open: WireScenario | undefined;
  progress: ScenarioProgress | undefined;
  /** A command for the scenario is on its way to the worker. */
  busy: boolean;
}

export const useScenarioStore = create<ScenarioUiState>(() => ({
  screen: 'playground',
  galleryMessage: undefined,
  catalog: undefined,
  open: undefined,
  progress: undefined,
  busy: false,
}));

/** Localized text for the current language, falling back to English. */
export function pick(text: { en: string } & Record<string, string | undefined>, lang: Lang): string {
  return text[lang] ?? text.en;
}
