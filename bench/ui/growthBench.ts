/**
 * Figure: long tasks on the page's main thread while a Deployment grows from 10 to N replicas (`kubectl scale`
 * by a re-apply, then 5 virtual minutes so every pod runs and is Ready). The cluster's growth reaches the page
 * as diffs; the page must keep up without blocking: the budget is no task of 50 ms or more once the first
 * graph is drawn. Also: how long until the canvas shows all N pods.
 */
import type { Browser } from '@playwright/test';
import type { Figure } from '../engineBench';
import { webTier } from './manifests';
import { loadCluster, openPlayground } from './playground';

interface GrowthResult {
  longTasks: number[];
  /** ms per batch spent in the mirror and the graph model alone (`svcsim:model`). */
  modelFrames: number[];
  /** ms from the scale command until the canvas held every pod. */
  allDrawnMs: number;
  drawn: number;
}

/** Runs in the page: the scale and the advance, a long-task observer around them, until all pods are drawn. */
async function growInPage(o: { manifest: string; pods: number }): Promise<GrowthResult> {
  const longTasks: number[] = [];
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  po.observe({ type: 'longtask' });
  const modelFrames: number[] = [];
  const mo = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'svcsim:model') modelFrames.push(e.duration);
    }
  });
  mo.observe({ type: 'measure' });
  const send = window.svcsim?.send;
  if (!send) throw new Error('no window.svcsim.send');
  // pods in the canvas's graph, drawn one by one or grouped per owner and node (level of detail)
  const count = () => Number(document.querySelector('[data-testid="topology"]')?.getAttribute('data-pods'));
  const start = performance.now();
  const applied = await send({ type: 'apply', yaml: o.manifest });
  if (!applied.ok) throw new Error(applied.error);
  await send({ type: 'advance', ms: 5 * 60_000 });
  let drawn = count();
  while (drawn < o.pods && performance.now() - start < 120_000) {
    await new Promise((r) => setTimeout(r, 100));
    drawn = count();
  }
  const allDrawnMs = performance.now() - start;
  await new Promise((r) => setTimeout(r, 1000));
  for (const e of po.takeRecords()) longTasks.push(e.duration);
  for (const e of mo.takeRecords()) {
    if (e.name === 'svcsim:model') modelFrames.push(e.duration);
  }
  po.disconnect();
  mo.disconnect();
  return { longTasks, modelFrames, allDrawnMs, drawn };
}

async function growth(browser: Browser, appUrl: string, pods: number): Promise<Figure[]> {
  const { context, page } = await openPlayground(browser, appUrl);
  await loadCluster(page, webTier(1, 10), 10);
  // the editor loads after the first graph: let it finish, so its start-up is not counted as the growth's
  await page.waitForSelector('.monaco-editor', { timeout: 60_000 });
  await page.waitForTimeout(2000);
  const r = await page.evaluate(growInPage, { manifest: webTier(1, pods), pods });
  await context.close();
  if (r.drawn < pods) throw new Error(`only ${r.drawn} of ${pods} pods reached the canvas`);
  const longest = Math.max(0, ...r.longTasks);
  const total = r.longTasks.reduce((a, b) => a + b, 0);
  const worstModel = Math.max(0, ...r.modelFrames);
  return [
    {
      name: `mirror + graph model per frame, worst, growth 10 → ${pods} pods`,
      value: worstModel,
      unit: 'ms',
      budget: '< 50 ms',
      pass: worstModel < 50,
      note: `${r.modelFrames.length} batches; in all ${r.modelFrames.reduce((a, b) => a + b, 0).toFixed(0)} ms`,
    },
    {
      name: `long tasks ≥ 50 ms while a Deployment grows 10 → ${pods} pods`,
      value: r.longTasks.length,
      unit: 'tasks',
      budget: '0',
      pass: r.longTasks.length === 0,
      note: r.longTasks.length ? `longest ${longest.toFixed(0)} ms, ${total.toFixed(0)} ms in all; all ${pods} pods drawn ${r.allDrawnMs.toFixed(0)} ms after the scale` : `all ${pods} pods drawn ${r.allDrawnMs.toFixed(0)} ms after the scale`,
    },
  ];
}

export async function growthBench(browser: Browser, appUrl: string): Promise<Figure[]> {
  return [...(await growth(browser, appUrl, 1000)), ...(await growth(browser, appUrl, 5000))];
}
