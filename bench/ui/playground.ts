/** Drives the playground for the UI benchmarks: a fresh session, a cluster loaded and settled. */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { newContext } from './browser';

export interface Opened {
  context: BrowserContext;
  page: Page;
}

/**
 * A new browser context (so localStorage is empty: a fresh session) with the playground's first graph drawn.
 * `detail: 'pods'` opens it with `?detail=pods`: every pod drawn whatever the zoom (no level of detail), for
 * the figures that time one pod's element or compare against a page drawing every pod.
 */
export async function openPlayground(browser: Browser, url: string, detail?: 'pods'): Promise<Opened> {
  const context = await newContext(browser);
  const page = await context.newPage();
  // a still clock: the playground runs at ×1 by default, and its ticks would be part of every frame measured
  const opened = new URL(url);
  opened.searchParams.set('clock', 'paused');
  if (detail) opened.searchParams.set('detail', detail);
  await page.goto(opened.href);
  await page.waitForSelector('.react-flow__node');
  await page.waitForFunction(() => !!window.svcsim?.send);
  return { context, page };
}

/**
 * Replaces the cluster with `manifests` (the `init` command Reset uses, so the figures are about exactly these
 * objects and not the seed topology too), advances virtual time 5 minutes, and waits until the canvas holds
 * `readyPods` Ready pods and as many ready endpoints (the counts the canvas keeps on its root element, drawn
 * one by one or grouped), or with `{ pods }`, that many pods whatever their state (beyond 110 pods a node,
 * the rest stay Pending).
 */
export async function loadCluster(page: Page, manifests: string, want: number | { pods: number }): Promise<void> {
  const failed = await page.evaluate(async (m) => {
    const init = await window.svcsim?.send({ type: 'init', manifests: m });
    const items = init?.value?.kind === 'apply' ? init.value.items : [];
    await window.svcsim?.send({ type: 'advance', ms: 5 * 60_000 });
    return init?.ok ? items.filter((i) => i.error).map((i) => i.error) : [init?.error];
  }, manifests);
  if (failed.length) throw new Error(`the benchmark cluster was refused: ${failed.join('; ')}`);
  await page.waitForFunction(
    (w) => {
      const root = document.querySelector<HTMLElement>('[data-testid="topology"]');
      const count = (name: string) => Number(root?.getAttribute(name));
      if (typeof w !== 'number') return count('data-pods') === w.pods;
      return count('data-ready-pods') === w && count('data-ready-endpoints') === w;
    },
    want,
    { timeout: 120_000, polling: 200 },
  );
  await settle(page);
}

/** Waits out the camera's refit animation and anything else still moving: two quiet seconds. */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(2000);
}
