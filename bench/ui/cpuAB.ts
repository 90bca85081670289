/**
 * Diagnostic (not a figure): main-thread CPU time of the page's renderer (Chrome trace thread time, which
 * depends on the machine's other load far less than wall-clock frame times) for the growth 10 → N pods and
 * for one scripted pan/zoom over those N pods, for a build given by its output directory, so two builds
 * can be compared on a busy machine:  npx tsx bench/ui/cpuAB.ts dist-bench/app 1000
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { preview } from 'vite';
import { launchChromium } from './browser';
import { repoRoot } from './builds';
import { webTier } from './manifests';
import { loadCluster, openPlayground } from './playground';
import { rendererCpu } from './rendererCpu';

const outDir = process.argv[2] ?? 'dist-bench/app';
const pods = Number(process.argv[3] ?? 1000);

/** Main-thread CPU ms of the renderer while `work` runs in the page (the trace's top-level tasks). */
async function mainCpu(page: Page, work: () => Promise<unknown>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const events: { name: string; ph: string; pid: number; tid: number; tdur?: number; args?: { name?: string } }[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  await cdp.send('Tracing.start', { categories: 'toplevel', transferMode: 'ReportEvents' });
  await work();
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
  const per = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.tdur !== 'number' || e.name !== 'ThreadControllerImpl::RunTask') continue;
    const k = `${e.pid}:${e.tid}`;
    if (threads.get(k) === 'CrRendererMain') per.set(k, (per.get(k) ?? 0) + e.tdur / 1000);
  }
  return Math.max(0, ...per.values());
}

const server = await preview({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir: join(repoRoot, outDir) }, preview: { host: '127.0.0.1', port: 0, open: false } });
const url = server.resolvedUrls?.local[0] ?? '';
const browser = await launchChromium();
const { page } = await openPlayground(browser, url);
await loadCluster(page, webTier(1, 10), 10);
await page.waitForTimeout(3000);
const growth = await mainCpu(page, () =>
  page.evaluate(
    async (o) => {
      const send = window.svcsim?.send;
      if (!send) throw new Error('no send');
      const start = performance.now();
      await send({ type: 'apply', yaml: o.manifest });
      await send({ type: 'advance', ms: 5 * 60_000 });
      const count = () => Number(document.querySelector('[data-testid="topology"]')?.getAttribute('data-pods'));
      while (count() < o.pods && performance.now() - start < 180_000) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 1000));
    },
    { manifest: webTier(1, pods), pods },
  ),
);
await page.waitForTimeout(2000);
const detail = await page.evaluate(() => document.querySelector('[data-testid="topology"]')?.getAttribute('data-detail'));
const pan = await rendererCpu(page, 60);
const edges = await page.evaluate(() => document.querySelectorAll('.react-flow__edge').length);
console.log(`${outDir}: growth 10 → ${pods}: main thread ${growth.toFixed(0)} ms CPU; pan/zoom pass at ${detail} detail: main ${pan.main.toFixed(0)} ms, compositor + raster ${pan.compositing.toFixed(0)} ms; ${edges} edges in the DOM after`);
await browser.close();
await server.close();
