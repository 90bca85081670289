/**
 * Diagnostic (not a figure): a CPU profile of the page's main thread while a Deployment grows 10 → N pods,
 * aggregated by function (self and total ms). Build the page unminified first so names are readable:
 *   npx vite build --outDir dist-bench/prof --minify false && npx tsx bench/ui/profileGrowth.ts 1000
 */
import { join } from 'node:path';
import { preview } from 'vite';
import { launchChromium } from './browser';
import { repoRoot } from './builds';
import { type CpuProfile, printDomSummary, printHotFunctions } from './cpuProfile';
import { webTier } from './manifests';
import { loadCluster, openPlayground } from './playground';

const pods = Number(process.argv[2] ?? 1000);
const server = await preview({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir: join(repoRoot, 'dist-bench/prof') }, preview: { host: '127.0.0.1', port: 0, open: false } });
const url = server.resolvedUrls?.local[0] ?? '';
const browser = await launchChromium();
const { page } = await openPlayground(browser, url);
await loadCluster(page, webTier(1, 10), 10);
await page.waitForTimeout(3000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
await cdp.send('Profiler.start');
const longTasks = await page.evaluate(async (o) => {
  const tasks: number[] = [];
  const po = new PerformanceObserver((l) => {
    for (const e of l.getEntries()) tasks.push(Math.round(e.duration));
  });
  po.observe({ type: 'longtask' });
  const send = window.svcsim?.send;
  if (!send) throw new Error('no send');
  const start = performance.now();
  await send({ type: 'apply', yaml: o.manifest });
  await send({ type: 'advance', ms: 5 * 60_000 });
  const count = () => Number(document.querySelector('[data-testid="topology"]')?.getAttribute('data-pods'));
  while (count() < o.pods && performance.now() - start < 120_000) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1000));
  po.disconnect();
  return tasks;
}, { manifest: webTier(1, pods), pods });
const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
await printDomSummary(page);
if (process.env.PROFILE_OUT) (await import('node:fs')).writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
await browser.close();
await server.close();
console.log(`long tasks: ${longTasks.length}: ${longTasks.join(', ')}`);
printHotFunctions(profile);
