/** The headless Chromium the UI benchmarks measure in: the e2e journeys' binary and flags (e2e/chromium.ts). */
import { type Browser, type BrowserContext, chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../e2e/chromium';

export const viewport = { width: 1440, height: 900 } as const;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs], headless: true });
}

/**
 * A new context: empty storage but for the visit mark (a fresh session), the journeys' viewport. tsx compiles this code with esbuild's
 * keepNames, so functions handed to page.evaluate call `__name(...)`; the page gets a do-nothing one.
 */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript('globalThis.__name = (f) => f;');
  // a returning visitor (as the e2e journeys' openFresh is): a first visit opens the scenario gallery, and the
  // figures are about the playground's canvas
  await context.addInitScript("try { localStorage.setItem('svcsim.visited', '1'); } catch {}");
  return context;
}
