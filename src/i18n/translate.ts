/**
 * Message lookup: a key of the English catalog, the language, and values for its `{name}` placeholders.
 * The catalogs are plain data, each loaded on demand (catalogs.ts); a key missing in either language fails the
 * typecheck and messages.test.ts. The English catalog is imported for its type only, so it is not bundled here.
 */
import { loadedCatalog } from './catalogs';
import { type Lang, languages } from './language';
import type { MessageKey } from './messages.en';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

/** The message in `lang` with its placeholders filled; an unknown placeholder stays visible rather than vanish. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = lookUp(lang, key);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function lookUp(lang: Lang, key: MessageKey): string {
  const catalog = loadedCatalog(lang);
  if (catalog) return catalog[key] ?? loadedCatalog('en')?.[key] ?? key;
  // text asked for before its catalog is there is a missing `await setLang(...)`/`loadCatalog(...)`: tests and
  // the dev server say so loudly; a built page never crashes for it and makes do with what it has
  if (import.meta.env.DEV) throw new Error(`translate: the ${lang} message catalog is not loaded yet (key ${key}); await loadCatalog('${lang}') or setLang first`);
  for (const other of languages) {
    const text = loadedCatalog(other)?.[key];
    if (text !== undefined) return text;
  }
  return key;
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;
