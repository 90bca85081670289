/**
 * CPU time the page's renderer spends on one scripted pan/zoom, from a Chrome trace: main thread and raster
 * workers separately. Unlike frame times it hardly depends on what else the machine is running, so it tells
 * where a frame-time gap comes from.
 */
import type { Page } from '@playwright/test';
import { panZoomInPage } from './panZoom';

export interface RendererCpu {
  /** Main-thread CPU ms (script, style, layout, paint, layerisation). */
  main: number;
  /** Compositor and raster-worker CPU ms (software rasterisation and drawing of what was painted). */
  compositing: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string };
}

export async function rendererCpu(page: Page, framesPerPhase: number): Promise<RendererCpu> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'toplevel', transferMode: 'ReportEvents' });
  await page.evaluate(panZoomInPage, framesPerPhase);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
  // top-level task slices only (nested ones would count their time twice): the run loop's on the main and
  // compositor threads, the pool's on raster workers
  const perThread = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    const pool = (threads.get(key) ?? '').startsWith('ThreadPool');
    if (e.ph !== 'X' || typeof e.tdur !== 'number' || e.name !== (pool ? 'ThreadPool_RunTask' : 'ThreadControllerImpl::RunTask')) continue;
    perThread.set(key, (perThread.get(key) ?? 0) + e.tdur / 1000);
  }
  // the page's renderer is the process whose main thread worked hardest (other pages in the browser idle)
  const mains = [...perThread.entries()].filter(([k]) => threads.get(k) === 'CrRendererMain').sort((a, b) => b[1] - a[1]);
  const pid = mains[0]?.[0].split(':')[0];
  const cpu: RendererCpu = { main: mains[0]?.[1] ?? 0, compositing: 0 };
  for (const [k, ms] of perThread) {
    if (k.split(':')[0] !== pid) continue;
    if (/^(Compositor|ThreadPoolForegroundWorker|CompositorTileWorker)/.test(threads.get(k) ?? '')) cpu.compositing += ms;
  }
  return cpu;
}
