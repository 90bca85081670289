/**
 * The UI's message catalogs as the network sees them: one chunk per language (src/i18n/catalogs.ts). A journey
 * can hold a language's chunk back to see what the page shows meanwhile, and lists every catalog key that ever
 * appeared on the page as text, a title or a label (a text shown before its catalog was there).
 */
import type { Page } from '@playwright/test';
import type { Lang } from '../../src/i18n/language';
import { en } from '../../src/i18n/messages.en';

declare global {
  interface Window {
    __catalogKeysShown?: string[];
  }
}

const chunk = /\/assets\/messages\.(en|zh-TW)-[^/]*\.js$/;

export class MessageCatalogs {
  /** The languages whose catalog the page asked for, in order (a reload adds to it). */
  readonly requested: Lang[] = [];
  private readonly held = new Map<Lang, { release: () => void; done: Promise<void> }>();
  private readonly waiting = new Map<Lang, Array<() => void>>();

  constructor(private readonly page: Page) {}

  /** Before the first navigation: watches the catalog requests and every text the page shows. */
  async install(): Promise<void> {
    await this.page.route(chunk, async (route) => {
      const lang = (chunk.exec(route.request().url())?.[1] ?? 'en') as Lang;
      this.requested.push(lang);
      for (const wake of this.waiting.get(lang) ?? []) wake();
      this.waiting.delete(lang);
      await this.held.get(lang)?.done;
      await route.continue();
    });
    await this.page.addInitScript((keys: string[]) => {
      const known = new Set(keys);
      const shown: string[] = [];
      window.__catalogKeysShown = shown;
      const check = (text: string | null | undefined) => {
        const trimmed = text?.trim();
        if (trimmed && known.has(trimmed)) shown.push(trimmed);
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
    }, Object.keys(en));
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
  keysShown(): Promise<string[]> {
    return this.page.evaluate(() => window.__catalogKeysShown ?? []);
  }
}
