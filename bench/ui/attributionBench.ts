/**
 * Diagnostic, not a budget (`npm run bench:ui -- --only=attribution`): where the playground's pan/zoom
 * rendering cost goes. Renderer CPU for the scripted pan/zoom over the 300-pod canvas, again with one thing
 * taken away at a time by a stylesheet; what a row saves is roughly what that thing costs per pass.
 */
import type { Browser } from '@playwright/test';
import type { Figure } from '../figures';
import { webTier } from './manifests';
import { loadCluster, openPlayground } from './playground';
import { type RendererCpu, rendererCpu } from './rendererCpu';
import { median } from './stats';

const without: Record<string, string> = {
  'no dot grid (Background)': '.react-flow__background{display:none}',
  'no minimap': '.react-flow__minimap{display:none}',
  'no port labels on the edges': '.react-flow__edgelabel-renderer{display:none}',
  'endpoint edges 1 px wide instead of 2 px': '.react-flow__edge-path{stroke-width:1px!important}',
  'no clipping of pod card text (ellipsis)': '.pod-name,.deploy-badge{overflow:visible!important}',
  'no Monaco editor view': '.editor-host .monaco-editor{display:none}',
};
const rounds = 3;

export async function attributionBench(browser: Browser, appUrl: string): Promise<Figure[]> {
  const { context, page } = await openPlayground(browser, appUrl);
  await loadCluster(page, webTier(30, 10), 300);
  const variants: Record<string, string> = { 'as shipped': '', ...without };
  const samples = new Map<string, RendererCpu[]>();
  // interleaved rounds, so a busy moment of the machine spreads over every variant
  for (let r = 0; r < rounds; r++) {
    for (const [name, css] of Object.entries(variants)) {
      await page.evaluate((c) => {
        let style = document.getElementById('bench-attribution');
        if (!style) {
          style = document.createElement('style');
          style.id = 'bench-attribution';
          document.head.append(style);
        }
        style.textContent = c;
      }, css);
      await page.waitForTimeout(300);
      samples.set(name, [...(samples.get(name) ?? []), await rendererCpu(page, 60)]);
    }
  }
  await context.close();
  const total = (name: string) => median((samples.get(name) ?? []).map((c) => c.main + c.compositing));
  const base = total('as shipped');
  return Object.keys(variants).map((name) => {
    const cpu = samples.get(name) ?? [];
    const note = `main ${median(cpu.map((c) => c.main)).toFixed(0)} ms, compositor + raster ${median(cpu.map((c) => c.compositing)).toFixed(0)} ms`;
    if (name === 'as shipped') return { name: 'renderer CPU per pan/zoom pass, playground as shipped', value: base, unit: 'ms', note };
    return { name: `… saved with ${name}`, value: base - total(name), unit: 'ms', note };
  });
}
