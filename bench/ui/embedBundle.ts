/**
 * The embed page's share of figure 4 (issue 10 §3): JavaScript before the first graph of an embed — its entry and
 * modulepreloads, the simulation worker the page starts, and the first graph's data the worker fetches for that
 * start (the seed's, or the scenario's at its step; a free-form session's link carries its own) — against its own
 * budget, for each way an embed starts; and
 * proof that no chunk the embed page can load (statically or by `import()`) holds Monaco or Mermaid.
 * e2e/firstGraph.spec.ts opens a scenario embed with the engine's chunks held back and checks which scripts it
 * fetched.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { atMost, type Figure } from '../figures';
import { appOutDir } from './builds';
import { languageCatalogChunks } from './catalogChunk';
import { type Manifest, reachable, staticGraph } from './viteManifest';

/** Issue 10 §3: "JavaScript before the first graph, the simulation worker included, ≤ 200 KB gzip". */
export const embedBudgetKb = 200;

const gz = (file: string) => gzipSync(readFileSync(join(appOutDir, file)), { level: 9 }).length;
const kB = (bytes: number) => bytes / 1000;

export interface WorkerShare {
  /** The simulation worker's script and its static imports (bundleBench finds them). */
  workerFiles: readonly string[];
  /** The seed's first graph, and the largest scenario-at-a-step first graph (chunks the worker fetches). */
  seedBytes: number;
  largestOpeningBytes: number;
  /** The engine and kubectl's side, with their static imports. */
  engineBytes: number;
}

export function embedBundleFigures({ workerFiles, seedBytes, largestOpeningBytes, engineBytes }: WorkerShare): Figure[] {
  const htmlPath = join(appOutDir, 'embed.html');
  if (!existsSync(htmlPath)) return [{ name: 'embed page (view=graph) JavaScript before the first graph, gzip -9', value: Number.NaN, unit: 'kB', note: 'no embed.html in the build' }];
  const html = readFileSync(htmlPath, 'utf8');
  const strip = (u: string) => u.replace(/^\//, '');
  const manifest = JSON.parse(readFileSync(join(appOutDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  // the first render waits for the page language's catalog: the larger one is counted (catalogChunk.ts)
  const catalog = languageCatalogChunks(manifest).largest;
  const page = [
    ...new Set([
      ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => strip(m[1])),
      ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => strip(m[1])),
      ...(catalog ? [catalog.file] : []),
    ]),
  ];
  const pageBytes = page.reduce((s, f) => s + gz(f), 0);
  const workerBytes = workerFiles.reduce((s, f) => s + gz(f), 0);
  const total = pageBytes + workerBytes;
  // a `#s=` link: the page imports the link's decoder (and what it needs) before it opens anything
  const decoder = [...staticGraph(manifest, 'src/share/shareLinkDecode.ts')].flatMap((k) => (manifest[k] ? [manifest[k].file] : [])).filter((f) => !page.includes(f));
  const decoderBytes = decoder.reduce((s, f) => s + gz(f), 0);
  const row = (name: string, bytes: number, note: string): Figure => ({ name, value: kB(bytes), unit: 'kB', ...atMost(kB(bytes), embedBudgetKb, 'kB'), note });
  const loadable = [...reachable(manifest, 'embed.html')].map((k) => manifest[k]?.file).filter((f): f is string => !!f && f.endsWith('.js'));
  // Mermaid by its API's and its core chunk's names: the UI's message catalogs (in a shared chunk) name Mermaid too
  const heavy = loadable.filter((f) => /MonacoEnvironment|mermaidAPI|mermaid\.core/.test(readFileSync(join(appOutDir, f), 'utf8')));
  return [
    row(
      'embed page (view=graph, the usual starting cluster) JavaScript before the first graph: entry + modulepreloads + simulation worker + the seed’s first graph, gzip -9',
      total + seedBytes,
      `page ${kB(pageBytes).toFixed(1)} kB (${page.map((f) => `${f} ${kB(gz(f)).toFixed(1)}`).join(', ')}); worker ${kB(workerBytes).toFixed(1)} kB; seed's first graph ${kB(seedBytes).toFixed(1)} kB`,
    ),
    row(
      'embed page with scenario=NAME (any built-in scenario, any step=): page + worker + that step’s first graph (the largest), gzip -9',
      total + largestOpeningBytes,
      `the scenario's first graph ${kB(largestOpeningBytes).toFixed(1)} kB at most; the engine and kubectl load after it`,
    ),
    row(
      'embed page with a #s= link of a built-in scenario at a step: the above + the link’s decoder, gzip -9',
      total + decoderBytes + largestOpeningBytes,
      `decoder ${kB(decoderBytes).toFixed(1)} kB (${decoder.join(', ')})`,
    ),
    row(
      'embed code of a free-form session (a #s= link of commands, not a scenario, carrying the first graph the sender drew): page + worker + decoder + the seed’s first graph, gzip -9',
      total + decoderBytes + seedBytes,
      `the seed's first graph counted too (a session that began from the seed starts with its commands, which the worker answers from it); the engine and kubectl (${kB(engineBytes).toFixed(1)} kB) load after the first graph and replay the commands into the same cluster; a session whose link would pass 16 KB with its graph (and a plain share link given ?embed=1 by hand) goes without it, and its embed draws once they have (${kB(total + decoderBytes + engineBytes).toFixed(0)} kB)`,
    ),
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
