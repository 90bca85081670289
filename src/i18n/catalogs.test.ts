import { describe, expect, it } from 'vitest';
import { type Catalog, type CatalogImporters, createCatalogLoader, catalogLoaded, loadCatalog, loadedCatalog } from './catalogs';
import { en } from './messages.en';
import { zhTW } from './messages.zh-TW';

/** Importers that count their calls and finish only when the test says so. */
function gatedImporters() {
  const calls = { en: 0, 'zh-TW': 0 };
  const gates: Array<{ lang: keyof typeof calls; finish: () => void; fail: (e: Error) => void }> = [];
  const gated = (lang: keyof typeof calls, catalog: Catalog) => () => {
    calls[lang] += 1;
    return new Promise<Catalog>((resolve, reject) => gates.push({ lang, finish: () => resolve(catalog), fail: reject }));
  };
  const importers: CatalogImporters = { en: gated('en', en), 'zh-TW': gated('zh-TW', zhTW) };
  return { importers, calls, gates };
}

describe('createCatalogLoader', () => {
  it('imports a catalog once, however many ask for it at the same time or later', async () => {
    const { importers, calls, gates } = gatedImporters();
    const loader = createCatalogLoader(importers);
    const first = loader.load('zh-TW');
    const second = loader.load('zh-TW');
    expect(second).toBe(first);
    expect(calls['zh-TW']).toBe(1);
    expect(loader.loaded('zh-TW')).toBeUndefined();
    gates[0]?.finish();
    await first;
    expect(loader.loaded('zh-TW')).toBe(zhTW);
    await loader.load('zh-TW');
    expect(calls).toEqual({ en: 0, 'zh-TW': 1 });
  });

  it('keeps each language apart: loading one does not load the other', async () => {
    const { importers, calls, gates } = gatedImporters();
    const loader = createCatalogLoader(importers);
    const zh = loader.load('zh-TW');
    const english = loader.load('en');
    // the English one arrives first: it is there, the Chinese one is not yet
    gates[1]?.finish();
    await english;
    expect(loader.loaded('en')).toBe(en);
    expect(loader.loaded('zh-TW')).toBeUndefined();
    gates[0]?.finish();
    await zh;
    expect(loader.loaded('zh-TW')?.['topbar.language']).toBe('語言');
    expect(calls).toEqual({ en: 1, 'zh-TW': 1 });
  });

  it('a failed import rejects, keeps nothing, and the next load tries again', async () => {
    const { importers, calls, gates } = gatedImporters();
    const loader = createCatalogLoader(importers);
    const failing = loader.load('zh-TW');
    gates[0]?.fail(new Error('network down'));
    await expect(failing).rejects.toThrow('network down');
    expect(loader.loaded('zh-TW')).toBeUndefined();
    const retry = loader.load('zh-TW');
    gates[1]?.finish();
    await retry;
    expect(loader.loaded('zh-TW')).toBe(zhTW);
    expect(calls['zh-TW']).toBe(2);
  });
});

describe("the page's catalogs", () => {
  it('import the catalog modules themselves, one per language', async () => {
    // the test setup (loadCatalogsForTests.ts) loaded both; loading again is the same object, not a copy
    await loadCatalog('zh-TW');
    await loadCatalog('en');
    expect(catalogLoaded('en') && catalogLoaded('zh-TW')).toBe(true);
    expect(loadedCatalog('en')).toBe(en);
    expect(loadedCatalog('zh-TW')).toBe(zhTW);
  });
});
