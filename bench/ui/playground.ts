/** Drives the playground for the UI benchmarks: a fresh session, a cluster loaded and settled. */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { newContext } from './browser';

export interface Opened {
  context: BrowserContext;
  page: Page;
}

/** A new browser context (so localStorage is empty: a fresh session) with the playground's first graph drawn. */
export async function openPlayground(browser: Browser, url: string): Promise<Opened> {
  const context = await newContext(browser);
  const page = await context.newPage();
  // a still clock: the playground runs at ×1 by default, and its ticks would be part of every frame measured
  const paused = new URL(url);
  paused.searchParams.set('clock', 'paused');
  await page.goto(paused.href);
  await page.waitForSelector('.react-flow__node');
  await page.waitForFunction(() => !!window.svcsim?.send);
  return { context, page };
}

/**
 * Replaces the cluster with `manifests` (the `init` command Reset uses, so the figures are about exactly these
 * objects and not the seed topology too), advances virtual time 5 minutes, and waits until the canvas shows
 * `readyPods` Ready pods and as many ready endpoint edges.
 */
export async function loadCluster(page: Page, manifests: string, readyPods: number): Promise<void> {
  const failed = await page.evaluate(async (m) => {
    const init = await window.svcsim?.send({ type: 'init', manifests: m });
    const items = init?.value?.kind === 'apply' ? init.value.items : [];
    await window.svcsim?.send({ type: 'advance', ms: 5 * 60_000 });
    return init?.ok ? items.filter((i) => i.error).map((i) => i.error) : [init?.error];
  }, manifests);
  if (failed.length) throw new Error(`the benchmark cluster was refused: ${failed.join('; ')}`);
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('.pod-node[data-state="ready"]').length === n &&
      document.querySelectorAll('[data-testid^="rf__edge-ep:"][data-ready="true"]').length === n,
    readyPods,
    { timeout: 60_000, polling: 200 },
  );
  await settle(page);
}

/** Waits out the camera's refit animation and anything else still moving: two quiet seconds. */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(2000);
}
