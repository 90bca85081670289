/**
 * The message catalogs, one lazily imported chunk per language: a page shows one language at a time, so it fetches
 * only that one (issue 10 §3 budgets the embed page's JavaScript; both catalogs cost it ~9 kB gzip). A catalog is
 * imported once and kept for the page's life; `translate` reads the loaded ones synchronously.
 */
import type { Lang } from './language';
import type { MessageKey } from './messages.en';

export type Catalog = Readonly<Record<MessageKey, string>>;

/** How each language's catalog is fetched (a dynamic import in the app, a stand-in in the loader's tests). */
export type CatalogImporters = Record<Lang, () => Promise<Catalog>>;

export interface CatalogLoader {
  /** Resolves once `lang`'s catalog is loaded; concurrent calls share one import, a failed one can be retried. */
  load(lang: Lang): Promise<void>;
  /** The catalog if it is loaded, else undefined. */
  loaded(lang: Lang): Catalog | undefined;
}

export function createCatalogLoader(importers: CatalogImporters): CatalogLoader {
  const catalogs = new Map<Lang, Catalog>();
  const pending = new Map<Lang, Promise<void>>();
  return {
    load(lang) {
      if (catalogs.has(lang)) return Promise.resolve();
      const inFlight = pending.get(lang);
      if (inFlight) return inFlight;
      const loading = importers[lang]()
        .then((catalog) => {
          catalogs.set(lang, catalog);
        })
        .finally(() => pending.delete(lang));
      pending.set(lang, loading);
      return loading;
    },
    loaded: (lang) => catalogs.get(lang),
  };
}

// one chunk per language; the English catalog's type (MessageKey) is a type-only import elsewhere, erased
const pageCatalogs = createCatalogLoader({
  en: () => import('./messages.en').then((m) => m.en),
  'zh-TW': () => import('./messages.zh-TW').then((m) => m.zhTW),
});

/** Fetches `lang`'s catalog (once); `setLang` awaits it before the UI switches. */
export function loadCatalog(lang: Lang): Promise<void> {
  return pageCatalogs.load(lang);
}

export function catalogLoaded(lang: Lang): boolean {
  return pageCatalogs.loaded(lang) !== undefined;
}

/** The loaded catalog of `lang`, or undefined while it is not there. */
export function loadedCatalog(lang: Lang): Catalog | undefined {
  return pageCatalogs.loaded(lang);
}
