/**
 * The UI language: from the URL's `lang=`, else the user's earlier choice, else the browser's languages.
 * Kept in a tiny store so every component re-renders when the switch changes it.
 */
import { create } from 'zustand';
import { browserLang, isLang, type Lang } from './language';
import { translate, type MessageKey, type MessageParams, type Translate } from './translate';

const storageKey = 'svcsim.lang';

interface LanguageState {
  lang: Lang;
}

export const useLanguageStore = create<LanguageState>(() => ({ lang: 'en' }));

const selectLang = (s: LanguageState) => s.lang;

export function useLang(): Lang {
  return useLanguageStore(selectLang);
}

/** `t(key, params)` in the current language; components re-render when it changes. */
export function useT(): Translate {
  const lang = useLang();
  return (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
}

/** `t` for code outside React (notices, dialogs built in actions): the language at the time of the call. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(useLanguageStore.getState().lang, key, params);
}

/** The user chose a language: remembered where storage allows it (a denied storage only loses the memory). */
export function setLang(lang: Lang, remember = true): void {
  useLanguageStore.setState({ lang });
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  if (!remember) return;
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // storage denied (a cross-site iframe, private mode): the choice lasts for this page only
  }
}

/** At start: an explicit `lang` (URL, share link) wins, then the remembered choice, then the browser's. */
export function initLang(explicit: string | null | undefined, preferences: readonly string[]): void {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(storageKey);
  } catch {
    remembered = null;
  }
  const lang = isLang(explicit) ? explicit : isLang(remembered) ? remembered : browserLang(preferences);
  setLang(lang, false);
}
