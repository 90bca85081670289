/**
 * `npm run bench:ui`: the UI benchmarks of the playground issue, measured in headless Chromium on this
 * machine. Prints each figure beside its budget and rewrites the `## UI` section of bench/RESULTS.md (the
 * engine section is left as `npm run bench` wrote it). These are figures, not tests: nothing here fails a build.
 *
 *   npm run bench:ui                      all figures, RESULTS.md updated
 *   npm run bench:ui -- --rebuild         rebuild both pages even if they look fresh
 *   npm run bench:ui -- --only=frames,big,delete,flips,growth,bundle,paint,attribution   a subset, printed only
 *
 * The last rows (attribution) are a diagnostic, not a budget: where the pan/zoom rendering cost goes.
 */
import { loadavg } from 'node:os';
import type { Browser } from '@playwright/test';
import { type Figure, figureLine, figureTable } from '../figures';
import { machineLine } from '../machine';
import { writeResults } from '../results';
import { attributionBench } from './attributionBench';
import { bigClusterBench } from './bigClusterBench';
import { launchChromium } from './browser';
import { ensureBuilds } from './builds';
import { bundleBench } from './bundleBench';
import { firstPaintBench } from './firstPaintBench';
import { frameTimeBench } from './frameTimeBench';
import { growthBench } from './growthBench';
import { podDeleteBench } from './podDeleteBench';
import { readinessFlipBench } from './readinessFlipBench';
import { startServers } from './servers';

interface Urls {
  app: string;
  bare: string;
}
type Bench = (browser: Browser, urls: Urls) => Promise<Figure[]> | Figure[];

const benches: Record<string, Bench> = {
  frames: (b, u) => frameTimeBench(b, u.app, u.bare),
  big: (b, u) => bigClusterBench(b, u.app),
  delete: (b, u) => podDeleteBench(b, u.app),
  flips: (b, u) => readinessFlipBench(b, u.app),
  growth: (b, u) => growthBench(b, u.app),
  bundle: () => bundleBench(),
  paint: (b, u) => firstPaintBench(b, u.app),
  attribution: (b, u) => attributionBench(b, u.app),
};

function value(f: Figure): string {
  if (f.unit === '×') return f.value.toFixed(2);
  if (Number.isInteger(f.value)) return String(f.value);
  return f.value < 100 ? f.value.toFixed(1) : f.value.toFixed(0);
}

const method = `How it was measured:
- Pages are built with \`vite build\` into dist-bench/ (the playground with its own vite.config.ts, the bare page
  with bench/ui/vite.bare.config.ts) and served by \`vite preview\` on free localhost ports. Chromium runs headless
  with the e2e journeys' binary and flags (e2e/chromium.ts), viewport 1440×900, a new browser context (a fresh
  session) per figure. Clusters are loaded with the \`init\` command through \`window.svcsim.send\` and settled
  with a 5 min \`advance\`.
- Frame time: a requestAnimationFrame loop inside each page dispatches one synthetic wheel or mouse event per
  frame to React Flow's d3-zoom (60 frames zooming in ×8 at the centre, 60 frames dragging out and back, 60
  frames zooming out), identical on every page; frame times are the gaps between rAF timestamps. The bare page
  draws the whole graph (every pod and endpoint edge) copied from the DOM of a playground opened with
  \`?detail=pods\` (same positions and sizes, plain default nodes and edges, no minimap, dot grid or labels) in
  a box the size of the playground's canvas; all start from the same fitted view. The playground as shipped
  draws that graph with level of detail (grouped cards below 35 % zoom, only elements in view); the
  \`?detail=pods\` page draws every pod at every zoom and is timed too. The delete and flip figures, which time
  one pod's edge, open the playground with \`?detail=pods\`.
- 1,000 pods: one Deployment of 1,000 replicas behind a Service, 5 virtual minutes (the kind cluster's one
  worker takes 110 pods, the rest stay Pending in the unscheduled box); the same pan/zoom script twice, from
  the fitted view and after wheel-zooming in on a group card until pods are drawn one by one; the share of
  frames under 25 ms over both passes. Renderer CPU is the thread CPU time of the page's renderer (main thread; compositor and raster
  workers) over one more traced pass: it depends on the machine's other load less than frame times do. The
  "saved with" rows repeat that pass with one thing removed by a stylesheet (medians of 3; indicative only: on a
  shared machine they move by a few hundred ms from run to run).
- Pod delete: \`delete\` (grace period 0) sent from the page, timed to the MutationObserver callback that sees
  the pod's \`rf__edge-ep:…\` element gone.
- Readiness flips: every 50 ms an \`appHealth\` command turns one of 20 kuard pods' /ready off or on, followed by a
  1 s \`advance\`; a PerformanceObserver('longtask') on the page counts tasks over 50 ms.
- Growth: a fresh session with one 10-pod Deployment and its Service, the editor loaded; then the same
  Deployment re-applied with 1000 (then 5000) replicas and a 5 min \`advance\`, until the canvas's graph holds
  every pod (its \`data-pods\` count: pods drawn one by one or grouped),
  plus one quiet second. A PerformanceObserver('longtask') counts tasks ≥ 50 ms; the cluster slice's
  \`svcsim:model\` performance measure times the mirror and graph update of each delivered batch.
- Bundle: gzip -9 of the page's entry and modulepreloads (Vite's manifest) plus the simulation worker's
  script and the chunks it imports statically (read from the built files: a worker is its own build); chunks
  behind a dynamic \`import()\` are fetched later and not counted.
- First graph: an init script's MutationObserver notes when the first \`.react-flow__node\` is visible and the
  animation frame after it (the one that paints it), in ms since navigation start.`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  for (const note of ensureBuilds(args.includes('--rebuild'))) console.log(note);
  // frame times depend on what else the machine runs: record how busy it was
  const loadBefore = loadavg()[0];
  const servers = await startServers();
  const browser = await launchChromium();
  const figures: Figure[] = [];
  try {
    for (const [name, bench] of Object.entries(benches)) {
      if (only && !only.includes(name)) continue;
      const got = await bench(browser, { app: servers.appUrl, bare: servers.bareUrl });
      for (const f of got) console.log(figureLine(f, value));
      figures.push(...got);
    }
  } finally {
    const version = browser.version();
    await browser.close();
    await servers.close();
    if (!only) {
      const today = new Date().toISOString().slice(0, 10);
      writeResults({
        sections: {
          UI: `## UI

Latest \`npm run bench:ui\` (${today}) on: ${machineLine()}; headless Chromium ${version}; 1-minute load
average ${loadBefore.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end.

${figureTable(figures, value)}

${method}
`,
        },
      });
      console.log('\nwrote the UI section of bench/RESULTS.md');
    }
  }
}

await main();
