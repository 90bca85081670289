/**
 * The UI's message catalogs as the network sees them: one chunk per language (src/i18n/catalogs.ts). A journey
 * can hold a language's chunk back to see what the page shows meanwhile, and lists every catalog key that ever
 * appeared on the page as text, a title or a label (a text shown before its catalog was there). The keys are
 * read from the catalog chunks the page fetched: a journey imports no app code.
 */
import type { Page } from '@playwright/test';

type Lang = 'en' | 'zh-TW';

declare global {
  interface Window {
    __keyShapedTexts?: string[];
  }
}

const chunk = /\/assets\/messages\.(en|zh-TW)-[^/]*\.js$/;

export class MessageCatalogs {
  /** The languages whose catalog the page asked for, in order (a reload adds to it). */
  readonly requested: Lang[] = [];
  private readonly held = new Map<Lang, { release: () => void; done: Promise<void> }>();
  private readonly waiting = new Map<Lang, Array<() => void>>();
  /** Every key of the catalogs fetched so far (their chunks are object literals: `"topbar.language":`). */
  private readonly keys = new Set<string>();

  constructor(private readonly page: Page) {}

  /** Before the first navigation: watches the catalog requests and every text the page shows. */
  async install(): Promise<void> {
    await this.page.route(chunk, async (route) => {
      const lang = (chunk.exec(route.request().url())?.[1] ?? 'en') as Lang;
      this.requested.push(lang);
      for (const wake of this.waiting.get(lang) ?? []) wake();
      this.waiting.delete(lang);
      await this.held.get(lang)?.done;
      const response = await route.fetch();
      for (const m of (await response.text()).matchAll(/"([a-zA-Z][\w-]*(?:\.[\w-]+)+)":/g)) this.keys.add(m[1]);
      await route.fulfill({ response });
    });
    // every text, title or label shaped like a catalog key (`word.word…`); keysShown keeps the catalogs' keys
    await this.page.addInitScript(() => {
      const shown: string[] = [];
      window.__keyShapedTexts = shown;
      const check = (text: string | null | undefined) => {
        const trimmed = text?.trim();
        if (trimmed && /^[a-zA-Z][\w-]*(\.[\w-]+)+$/.test(trimmed)) shown.push(trimmed);
      };
      const visit = (node: Node) => {
        if (node.nodeType === Node.TEXT_NODE) check(node.textContent);
        if (node instanceof Element) {
          for (const name of ['title', 'aria-label', 'placeholder']) check(node.getAttribute(name));
          for (const child of node.childNodes) visit(child);
        }
      };
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'characterData') check(r.target.textContent);
          else if (r.type === 'attributes' && r.target instanceof Element && r.attributeName) check(r.target.getAttribute(r.attributeName));
          else for (const n of r.addedNodes) visit(n);
        }
      }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['title', 'aria-label', 'placeholder'] });
    });
  }

  /** Requests for `lang`'s catalog wait until `release`. */
  hold(lang: Lang): void {
    let release: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.held.set(lang, { release, done });
  }

  release(lang: Lang): void {
    this.held.get(lang)?.release();
    this.held.delete(lang);
  }

  /** Resolves when the page has asked for `lang`'s catalog (at once if it already has since the last `reset`). */
  async asked(lang: Lang): Promise<void> {
    if (this.requested.includes(lang)) return;
    await new Promise<void>((resolve) => this.waiting.set(lang, [...(this.waiting.get(lang) ?? []), resolve]));
  }

  /** After the next frame: a render that did not wait for its catalog would have been committed by then. */
  async nextFrame(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  }

  /** Forgets the requests seen so far (before a reload or another page). */
  reset(): void {
    this.requested.length = 0;
  }

  /** Every catalog key the page has shown as if it were text since it loaded. */
  async keysShown(): Promise<string[]> {
    if (this.keys.size < 100) throw new Error(`only ${this.keys.size} catalog keys read from the fetched catalogs: has their chunk's format changed?`);
    const texts = await this.page.evaluate(() => window.__keyShapedTexts ?? []);
    return texts.filter((t) => this.keys.has(t));
  }
}
