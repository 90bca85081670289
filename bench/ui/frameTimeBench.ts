/**
 * Figure 1: frame-time p95 while panning and zooming a 300-pod / 30-Service cluster, in the playground and on
 * a bare React Flow page drawing the same graph (every pod, every endpoint edge); the budget is on their ratio.
 * The playground draws it as shipped, with level of detail (grouped cards when zoomed out, only visible
 * elements); a third page, the playground with `?detail=pods`, draws every pod at every zoom, to show what
 * the grouping saves and what the cards cost without it.
 */
import type { Browser, Page } from '@playwright/test';
import { ownersBelowZoom } from '../../src/graph/levelOfDetail';
import { atMost, type Figure } from '../figures';
import type { BareGraph } from './bare/bareGraph';
import { newContext } from './browser';
import { webTier } from './manifests';
import { frameTimes, type PanZoomRun, panZoomInPage } from './panZoom';
import { loadCluster, openPlayground, settle } from './playground';
import { rendererCpu } from './rendererCpu';
import { median, p95 } from './stats';

const trials = 5;
const framesPerPhase = 60;

/**
 * Runs in the page: wheel-zooms out about the graph's top-left corner until the whole graph is in view. The
 * playground's own fit stops at the legible zoom (FitOnGrowth.tsx), where 300 pods are a pan away; this bench
 * compares the pages with every element in view, so it zooms out as a user would, to below `zoom`.
 */
async function zoomOutToWholeInPage(zoom: number): Promise<number> {
  const pane = document.querySelector('.react-flow__pane');
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!pane || !viewport) throw new Error('no canvas');
  const scale = () => Number(/scale\(([\d.e-]+)\)/.exec(viewport.style.transform)?.[1] ?? 1);
  const p = pane.getBoundingClientRect();
  for (let i = 0; i < 40 && scale() > zoom; i++) {
    pane.dispatchEvent(new WheelEvent('wheel', { deltaY: 200, deltaMode: 0, clientX: p.left + 8, clientY: p.top + 8, bubbles: true, cancelable: true, view: window }));
    await new Promise((r) => requestAnimationFrame(r));
  }
  return scale();
}

/** The zoom at which 300 pods on the 1440×900 playground fitted its canvas (before the fit stopped at a legible zoom). */
const wholeGraphZoom = 0.067;

/** Runs in the playground: its canvas as a BareGraph (absolute positions, rendered sizes, endpoint edges). */
function copyGraphInPage(): BareGraph {
  const flow = document.querySelector('.react-flow');
  if (!flow) throw new Error('no canvas');
  const box = flow.getBoundingClientRect();
  const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
    const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(el.style.transform);
    const id = el.dataset.id ?? '';
    return {
      id,
      label: id.slice(id.lastIndexOf('/') + 1).replace(/^node:/, ''),
      x: Number(m?.[1] ?? 0),
      y: Number(m?.[2] ?? 0),
      width: el.offsetWidth,
      height: el.offsetHeight,
      container: el.classList.contains('react-flow__node-k8sNode'),
    };
  });
  nodes.sort((a, b) => Number(b.container) - Number(a.container));
  const edges: BareGraph['edges'] = [];
  for (const el of document.querySelectorAll('[data-testid^="rf__edge-ep:"]')) {
    const id = (el.getAttribute('data-testid') ?? '').slice('rf__edge-'.length);
    const [ns, svc, pod] = id.slice('ep:'.length).split('/');
    edges.push({ id, source: `svc:${ns}/${svc}`, target: `pod:${ns}/${pod}` });
  }
  return { width: box.width, height: box.height, nodes: nodes.map(({ container: _, ...n }) => n), edges };
}

async function openBare(browser: Browser, url: string, graph: BareGraph): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => !!window.renderBareFlow);
  await page.evaluate((g) => window.renderBareFlow?.(g), graph);
  const drawn = await page.evaluate(() => [document.querySelectorAll('.react-flow__node').length, document.querySelectorAll('.react-flow__edge').length]);
  if (drawn[0] !== graph.nodes.length || drawn[1] !== graph.edges.length) {
    throw new Error(`the bare page drew ${drawn[0]} nodes / ${drawn[1]} edges, expected ${graph.nodes.length} / ${graph.edges.length}`);
  }
  await settle(page);
  return page;
}

interface Trial {
  p95: number;
  /** Mean frame time: less coarse than a p95 of vsync-quantised frames, so it is reported beside it. */
  mean: number;
  run: PanZoomRun;
  visible: boolean;
}

async function run(page: Page): Promise<Trial> {
  await page.bringToFront();
  await page.waitForTimeout(500);
  const result = await page.evaluate(panZoomInPage, framesPerPhase);
  const visible = await page.evaluate(() => document.visibilityState === 'visible');
  const times = frameTimes(result.stamps);
  return { p95: p95(times), mean: times.reduce((s, t) => s + t, 0) / times.length, run: result, visible };
}

export async function frameTimeBench(browser: Browser, appUrl: string, bareUrl: string): Promise<Figure[]> {
  // every pod drawn (at the fitted view every element is in view): the graph the bare page copies
  const full = await openPlayground(browser, appUrl, 'pods');
  await loadCluster(full.page, webTier(30, 10), 300);
  await full.page.evaluate(zoomOutToWholeInPage, wholeGraphZoom);
  await settle(full.page);
  const graph = await full.page.evaluate(copyGraphInPage);
  const app = await openPlayground(browser, appUrl);
  await loadCluster(app.page, webTier(30, 10), 300);
  await app.page.evaluate(zoomOutToWholeInPage, wholeGraphZoom);
  await settle(app.page);
  const drawnAtStart = await app.page.evaluate(() => [document.querySelectorAll('.react-flow__node').length, document.querySelector('[data-testid="topology"]')?.getAttribute('data-detail')]);
  const bare = await openBare(browser, bareUrl, graph);
  const appTrials: Trial[] = [];
  const fullTrials: Trial[] = [];
  const bareTrials: Trial[] = [];
  // alternate, so a slow moment of the machine does not land on one page only
  for (let i = 0; i < trials; i++) {
    const a = await run(app.page);
    const f = await run(full.page);
    const b = await run(bare);
    if (!a.visible || !b.visible || !f.visible) throw new Error('a benchmark page was hidden while measured (rAF would be throttled)');
    appTrials.push(a);
    fullTrials.push(f);
    bareTrials.push(b);
  }
  // one more pass each under a trace, apart from the timed ones (tracing has its own overhead)
  await app.page.bringToFront();
  const appCpu = await rendererCpu(app.page, framesPerPhase);
  await bare.bringToFront();
  const bareCpu = await rendererCpu(bare, framesPerPhase);
  await app.context.close();
  await full.context.close();
  await bare.context().close();
  const fullV = median(fullTrials.map((t) => t.p95));
  const appV = median(appTrials.map((t) => t.p95));
  const bareV = median(bareTrials.map((t) => t.p95));
  const ratio = appV / bareV;
  const meanRatio = median(appTrials.map((t) => t.mean)) / median(bareTrials.map((t) => t.mean));
  const summary = (ts: Trial[]) =>
    `p95 per run ${ts.map((t) => t.p95.toFixed(1)).join(', ')} ms; mean frame ${median(ts.map((t) => t.mean)).toFixed(1)} ms; start view ${ts[0].run.before}`;
  return [
    {
      name: 'frame-time p95, 3 s pan/zoom, playground (300 pods / 30 Services)',
      value: appV,
      unit: 'ms',
      note: `median of ${trials} runs; ${summary(appTrials)}; as shipped: ${drawnAtStart[0]} node elements drawn at the start view (detail: ${drawnAtStart[1]}); pods are drawn one by one from zoom ${ownersBelowZoom} up`,
    },
    {
      name: 'frame-time p95, same pan/zoom, bare React Flow page (the same graph, every pod drawn)',
      value: bareV,
      unit: 'ms',
      note: `median of ${trials} runs; ${summary(bareTrials)}; ${graph.nodes.length} nodes, ${graph.edges.length} edges, ${Math.round(graph.width)}×${Math.round(graph.height)} px canvas`,
    },
    {
      name: 'frame-time p95, same pan/zoom, playground with every pod drawn (`?detail=pods`)',
      value: fullV,
      unit: 'ms',
      note: `median of ${trials} runs; ${summary(fullTrials)}; ratio to the bare page ${(fullV / bareV).toFixed(2)}× (no budget: the level of detail is what the product ships)`,
    },
    {
      name: 'frame-time p95 ratio playground / bare',
      value: ratio,
      unit: '×',
      ...atMost(ratio, 1.3),
      note: `mean-frame-time ratio ${meanRatio.toFixed(2)}×`,
    },
    {
      name: 'renderer CPU for one pan/zoom pass, playground / bare',
      value: (appCpu.main + appCpu.compositing) / (bareCpu.main + bareCpu.compositing),
      unit: '×',
      note: `main thread ${appCpu.main.toFixed(0)} / ${bareCpu.main.toFixed(0)} ms, compositor + raster ${appCpu.compositing.toFixed(0)} / ${bareCpu.compositing.toFixed(0)} ms (Chrome trace, thread CPU time)`,
    },
  ];
}
