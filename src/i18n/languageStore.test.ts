/**
 * The language store with catalogs that load lazily: every test gets fresh modules (nothing loaded, unlike the
 * other tests, which the setup file gives both catalogs) and a zh-TW catalog whose import finishes on demand.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { zhTW } from './messages.zh-TW';

let finishZh: () => void = () => {};

async function freshModules() {
  vi.resetModules();
  const arrived = new Promise<void>((resolve) => {
    finishZh = resolve;
  });
  vi.doMock('./messages.zh-TW', async () => {
    await arrived;
    return { zhTW };
  });
  const store = await import('./languageStore');
  const catalogs = await import('./catalogs');
  const { translate } = await import('./translate');
  return { ...store, ...catalogs, translate };
}

/** Lets every pending promise callback run (the English import is a real one). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('setLang with lazily loaded catalogs', () => {
  let saved: Map<string, string>;
  beforeEach(() => {
    saved = new Map();
    vi.stubGlobal('localStorage', { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => saved.set(k, v) });
  });
  afterEach(() => {
    vi.doUnmock('./messages.zh-TW');
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it('switches only once the catalog is there, then remembers the choice', async () => {
    const m = await freshModules();
    const switched = m.setLang('zh-TW');
    await settle();
    // still loading: the UI stays in its language, nothing is remembered yet
    expect(m.catalogLoaded('zh-TW')).toBe(false);
    expect(m.useLanguageStore.getState().lang).toBe('en');
    expect(saved.size).toBe(0);
    finishZh();
    await switched;
    expect(m.useLanguageStore.getState().lang).toBe('zh-TW');
    expect(m.t('topbar.language')).toBe('語言');
    expect(saved.get('svcsim.lang')).toBe('zh-TW');
  });

  it('the last choice wins when an earlier catalog arrives after it', async () => {
    const m = await freshModules();
    const zh = m.setLang('zh-TW');
    const english = m.setLang('en');
    await english;
    expect(m.useLanguageStore.getState().lang).toBe('en');
    finishZh();
    await zh;
    await m.languageReady();
    expect(m.useLanguageStore.getState().lang).toBe('en');
    expect(saved.get('svcsim.lang')).toBe('en');
  });

  it('languageReady waits for the language chosen at start; initLang remembers nothing', async () => {
    saved.set('svcsim.lang', 'en');
    const m = await freshModules();
    let ready = false;
    void m.initLang('zh-TW', ['en-US']);
    void m.languageReady().then(() => {
      ready = true;
    });
    await settle();
    expect(ready).toBe(false);
    finishZh();
    await m.languageReady();
    expect(ready).toBe(true);
    expect(m.useLanguageStore.getState().lang).toBe('zh-TW');
    expect(saved.get('svcsim.lang')).toBe('en');
  });

  it('translate throws in tests for a language whose catalog is not loaded (a missing await)', async () => {
    const m = await freshModules();
    expect(() => m.translate('zh-TW', 'topbar.language')).toThrow(/zh-TW message catalog is not loaded/);
    await m.setLang('en', false);
    expect(m.translate('en', 'topbar.language')).toBe('Language');
  });

  it('a built page never crashes for it: the loaded catalog stands in, else the key', async () => {
    vi.stubEnv('DEV', false);
    const m = await freshModules();
    expect(m.translate('zh-TW', 'topbar.language')).toBe('topbar.language');
    await m.loadCatalog('en');
    expect(m.translate('zh-TW', 'topbar.speedLabel', { speed: 2 })).toBe('Speed ×2');
  });
});
