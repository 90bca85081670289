/**
 * The embed page's share of figure 4 (issue 10 §3): JavaScript before the first graph of
 * `embed.html?embed=1&view=graph` — its entry and modulepreloads plus the simulation worker the page starts —
 * against its own budget, and proof that no chunk the embed page can load (statically or by `import()`) holds
 * Monaco or Mermaid.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { atMost, type Figure } from '../figures';
import { appOutDir } from './builds';

/** Issue 10 §3: "JavaScript before the first graph, the simulation worker included, ≤ 200 KB gzip". */
export const embedBudgetKb = 200;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

const gz = (file: string) => gzipSync(readFileSync(join(appOutDir, file)), { level: 9 }).length;
const kB = (bytes: number) => bytes / 1000;

/** Every chunk key the entry can load, through static and dynamic imports alike. */
function reachable(manifest: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const k of [...(manifest[key]?.imports ?? []), ...(manifest[key]?.dynamicImports ?? [])]) reachable(manifest, k, seen);
  return seen;
}

/** `workerFiles`: the simulation worker's script and its static imports (bundleBench finds them). */
export function embedBundleFigures(workerFiles: readonly string[], engineBytes: number): Figure[] {
  const htmlPath = join(appOutDir, 'embed.html');
  if (!existsSync(htmlPath)) return [{ name: 'embed page (view=graph) JavaScript before the first graph, gzip -9', value: Number.NaN, unit: 'kB', note: 'no embed.html in the build' }];
  const html = readFileSync(htmlPath, 'utf8');
  const strip = (u: string) => u.replace(/^\//, '');
  const page = [
    ...new Set([
      ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => strip(m[1])),
      ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => strip(m[1])),
    ]),
  ];
  const pageBytes = page.reduce((s, f) => s + gz(f), 0);
  const workerBytes = workerFiles.reduce((s, f) => s + gz(f), 0);
  const total = pageBytes + workerBytes;
  const manifest = JSON.parse(readFileSync(join(appOutDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const loadable = [...reachable(manifest, 'embed.html')].map((k) => manifest[k]?.file).filter((f): f is string => !!f && f.endsWith('.js'));
  // Mermaid by its API's and its core chunk's names: the UI's message catalogs (in a shared chunk) name Mermaid too
  const heavy = loadable.filter((f) => /MonacoEnvironment|mermaidAPI|mermaid\.core/.test(readFileSync(join(appOutDir, f), 'utf8')));
  return [
    {
      name: 'embed page (view=graph) JavaScript before the first graph: entry + modulepreloads + simulation worker, gzip -9',
      value: kB(total),
      unit: 'kB',
      ...atMost(kB(total), embedBudgetKb, 'kB'),
      note: `page ${kB(pageBytes).toFixed(1)} kB (${page.map((f) => `${f} ${kB(gz(f)).toFixed(1)}`).join(', ')}); worker ${kB(workerBytes).toFixed(1)} kB`,
    },
    {
      // a scenario's first graph is the engine's (only the seed's is computed at build time), and scenarios play
      // through kubectl's side: an embed with `scenario=NAME` or a `#s=` state fetches both before it draws
      name: 'embed page with scenario=NAME or #s= JavaScript before the first graph: the above + the engine and kubectl, gzip -9',
      value: kB(total + engineBytes),
      unit: 'kB',
      ...atMost(kB(total + engineBytes), embedBudgetKb, 'kB'),
      note: `engine and kubectl ${kB(engineBytes).toFixed(1)} kB`,
    },
    {
      name: 'Monaco or Mermaid chunks the embed page can load',
      value: heavy.length,
      unit: 'chunks',
      budget: '0',
      pass: heavy.length === 0,
      note: heavy.length ? `in ${heavy.join(', ')}` : `none of its ${loadable.length} loadable chunks`,
    },
  ];
}
