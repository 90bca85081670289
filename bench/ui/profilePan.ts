/**
 * Diagnostic (not a figure): a CPU profile of the page's main thread during the scripted pan/zoom over N pods
 * (bench/ui/panZoom.ts), aggregated by function (self and total ms). Build the page unminified first so names are readable:
 *   npx vite build --outDir dist-bench/prof --minify false && npx tsx bench/ui/profilePan.ts 1000
 */
import { join } from 'node:path';
import { preview } from 'vite';
import { launchChromium } from './browser';
import { repoRoot } from './builds';
import { type CpuProfile, printDomSummary, printHotFunctions } from './cpuProfile';
import { webTier } from './manifests';
import { frameTimes, panZoomInPage } from './panZoom';
import { loadCluster, openPlayground } from './playground';

const pods = Number(process.argv[2] ?? 1000);
const server = await preview({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir: join(repoRoot, 'dist-bench/prof') }, preview: { host: '127.0.0.1', port: 0, open: false } });
const url = server.resolvedUrls?.local[0] ?? '';
const browser = await launchChromium();
const { page } = await openPlayground(browser, url);
await loadCluster(page, webTier(1, pods), { pods });
await page.waitForTimeout(3000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
await cdp.send('Profiler.start');
const run = await page.evaluate(panZoomInPage, 60);
const times = frameTimes(run.stamps);
const longTasks = times.map((t) => Math.round(t));
const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
await printDomSummary(page);
if (process.env.PROFILE_OUT) (await import('node:fs')).writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
await browser.close();
await server.close();
console.log(`frames: ${longTasks.length}, under 25 ms: ${longTasks.filter((t) => t < 25).length}: ${longTasks.join(', ')}`);
printHotFunctions(profile);
