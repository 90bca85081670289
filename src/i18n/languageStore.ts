/**
 * The UI language: from the URL's `lang=`, else the user's earlier choice, else the browser's languages.
 * Kept in a tiny store so every component re-renders when the switch changes it. The store changes only once
 * the language's catalog is loaded (catalogs.ts), so the UI never shows a key while a catalog is on its way.
 */
import { create } from 'zustand';
import { loadCatalog } from './catalogs';
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

/** The language last asked for: a switch made while an earlier one's catalog was loading wins over it. */
let wanted: Lang | undefined;
let switching: Promise<void> = Promise.resolve();

/**
 * The user chose a language: its catalog loads first, then the UI switches, and the choice is remembered where
 * storage allows it (a denied storage only loses the memory). Rejects, changing nothing, if the catalog cannot load.
 */
export function setLang(lang: Lang, remember = true): Promise<void> {
  wanted = lang;
  switching = loadCatalog(lang).then(() => {
    if (wanted !== lang) return;
    useLanguageStore.setState({ lang });
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
    if (!remember) return;
    try {
      localStorage.setItem(storageKey, lang);
    } catch {
      // storage denied (a cross-site iframe, private mode): the choice lasts for this page only
    }
  });
  return switching;
}

/** Settles when the language last asked for is on screen (or its catalog failed): the first render waits for it. */
export function languageReady(): Promise<void> {
  return switching.catch(() => undefined);
}

/**
 * At start: an explicit `lang` (URL, share link) wins, then the remembered choice, then the browser's. The
 * catalog's import starts now; the returned promise settles when it is there.
 */
export function initLang(explicit: string | null | undefined, preferences: readonly string[]): Promise<void> {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(storageKey);
  } catch {
    remembered = null;
  }
  const lang = isLang(explicit) ? explicit : isLang(remembered) ? remembered : browserLang(preferences);
  return setLang(lang, false);
}
