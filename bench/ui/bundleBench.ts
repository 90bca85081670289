/**
 * Figure 4: critical-path JavaScript, gzipped: what is fetched before the first graph, which is the page's
 * entry chunk and the chunks index.html modulepreloads, plus the simulation worker's script and the chunks it
 * imports statically (the worker posts the first graph, computed at build time, from its script), and the page
 * language's message catalog, which the first render waits for (catalogChunk.ts); chunks loaded
 * by a dynamic `import()` (the engine and kubectl in the worker, Monaco and xterm in the page) are not. Also proof that the heavy
 * libraries (Monaco; Mermaid when it is a dependency) sit only in lazy chunks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { atMost, type Figure } from '../figures';
import { appOutDir, repoRoot } from './builds';
import { languageCatalogChunks } from './catalogChunk';
import { embedBundleFigures } from './embedBundle';
import { type Manifest, staticGraph } from './viteManifest';


const gz = (file: string) => gzipSync(readFileSync(join(appOutDir, file)), { level: 9 }).length;
const kB = (bytes: number) => bytes / 1000;


/**
 * Files a built ES module imports statically (`import … from "./x.js"`, `import "./x.js"`), transitively; a
 * dynamic `import("./x.js")` is not followed. The worker's chunks are not in Vite's manifest (a worker is
 * its own build), so its output is read.
 */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  const code = readFileSync(join(appOutDir, file), 'utf8');
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*"(\.\/[^"]+\.js)"/g)) staticImports(dir + m[1].slice(2), seen);
  return seen;
}

/** Files a built ES module loads with a dynamic `import("./x.js")` (Rolldown writes a template literal). */
function dynamicImports(file: string): string[] {
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  return [...readFileSync(join(appOutDir, file), 'utf8').matchAll(/\bimport\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) => dir + m[1].slice(2));
}

/** Strings a library's code cannot lose to minification (global and protocol names it reads). */
const markers: Record<string, RegExp> = {
  'monaco-editor': /MonacoEnvironment/,
  mermaid: /mermaid/i,
  '@xterm/xterm': /xterm-helper-textarea/,
};

/**
 * Where the marker above would also match svcsim's own words: the message catalogs sit on the critical path and
 * name Mermaid ("Copy Mermaid text"), so there the library is found by its API's name and its core chunk's name.
 */
const onPathMarkers: Record<string, RegExp> = {
  mermaid: /mermaidAPI|mermaid\.core/,
};

export function bundleBench(): Figure[] {
  const html = readFileSync(join(appOutDir, 'index.html'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(appOutDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const strip = (u: string) => u.replace(/^\//, '');
  const htmlScripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => strip(m[1]));
  const htmlPreloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => strip(m[1]));
  const catalogs = languageCatalogChunks(manifest);
  const critical = [...new Set([...htmlScripts, ...htmlPreloads, ...(catalogs.largest ? [catalogs.largest.file] : [])])];
  // the playground's entry (embed.html is an entry too: its figures are embedBundle.ts's)
  const entryKey = manifest['index.html'] ? 'index.html' : (Object.keys(manifest).find((k) => manifest[k].isEntry) ?? 'index.html');
  const graphFiles = [...staticGraph(manifest, entryKey)].map((k) => manifest[k].file);
  const unlisted = graphFiles.filter((f) => !critical.includes(f));
  const bytes = critical.map((f) => ({ f, raw: readFileSync(join(appOutDir, f)).length, gz: gz(f) }));
  const total = bytes.reduce((s, b) => s + b.gz, 0);
  // every other chunk loads on demand (dynamic import) and is outside the budget
  const lazyFiles = Object.values(manifest)
    .map((c) => c.file)
    .filter((f) => f.endsWith('.js') && !critical.includes(f) && !catalogs.files.includes(f));
  const code = (f: string) => readFileSync(join(appOutDir, f), 'utf8');

  // the worker is an asset of the entry (new Worker(new URL(...))): fetched on startup, before the first graph
  const workers = [...new Set(Object.values(manifest).flatMap((c) => c.assets ?? []))].filter((f) => /cluster\.worker/.test(f));
  const workerFiles = [...new Set(workers.flatMap((w) => [...staticImports(w)]))];
  const workerBytes = workerFiles.map((f) => ({ f, raw: readFileSync(join(appOutDir, f)).length, gz: gz(f) }));
  const workerTotal = workerBytes.reduce((s, b) => s + b.gz, 0);
  const workerLazy = [...new Set(workerFiles.flatMap(dynamicImports))].filter((f) => !workerFiles.includes(f));
  // the first graphs computed at build time (src/worker/bakedOpenings.ts): the seed's, and one per built-in
  // scenario and step; each is fetched only by the start it answers
  const seedChunk = workerLazy.find((f) => /svcsim-first-graph/.test(f));
  const openingChunks = workerLazy.filter((f) => /svcsim-opening-/.test(f));
  const dataChunks = [...(seedChunk ? [seedChunk] : []), ...openingChunks];
  // the engine and kubectl's side with everything they import: what any other start (a share link of a session,
  // a restored session, a scenario file) fetches before its first graph
  const engineFiles = [...new Set(workerLazy.filter((f) => !dataChunks.includes(f)).flatMap((f) => [...staticImports(f)]))].filter((f) => !workerFiles.includes(f));
  const engineTotal = engineFiles.reduce((s, f) => s + gz(f), 0);
  const seedBytes = seedChunk ? gz(seedChunk) : 0;
  const openings = openingChunks.map((f) => ({ f, gz: gz(f) })).sort((a, b) => b.gz - a.gz);
  const line = (b: { f: string; raw: number; gz: number }) => `${b.f} ${kB(b.raw).toFixed(0)} kB raw / ${kB(b.gz).toFixed(1)} kB gzip`;
  const figures: Figure[] = [
    {
      name: 'critical-path JavaScript (page entry + modulepreloads + language catalog + simulation worker + the seed’s first graph), gzip -9',
      value: kB(total + workerTotal + seedBytes),
      unit: 'kB',
      ...atMost(kB(total + workerTotal + seedBytes), 250, 'kB'),
      note: `${[...bytes, ...workerBytes].map(line).join('; ')}; ${seedChunk} ${kB(seedBytes).toFixed(1)} kB gzip${unlisted.length ? `; statically imported but not preloaded: ${unlisted.join(', ')}` : ''}`,
    },
    { name: '… of which the page (entry + modulepreloads + the larger language catalog)', value: kB(total), unit: 'kB' },
    {
      name: '… of which the simulation worker (its script and static imports)',
      value: kB(workerTotal),
      unit: 'kB',
      note: `loaded on demand: the engine and kubectl, the seed's first graph, ${openings.length} scenario openings`,
    },
    { name: '… of which the seed’s first graph (a chunk the worker fetches for the seed’s start)', value: kB(seedBytes), unit: 'kB' },
    {
      name: 'a built-in scenario’s first graph at a step (one chunk per scenario and step), the largest',
      value: kB(openings[0]?.gz ?? Number.NaN),
      unit: 'kB',
      note: `${openings.length} chunks; largest ${openings[0]?.f}; smallest ${kB(openings.at(-1)?.gz ?? 0).toFixed(1)} kB`,
    },
    {
      name: '… the engine and kubectl the worker loads after the seed’s first graph (before the first graph of any other start: scenario, share link, restored session)',
      value: kB(engineTotal),
      unit: 'kB',
      note: engineFiles.map((f) => `${f} ${kB(gz(f)).toFixed(1)}`).join(', '),
    },
  ];
  figures.push(...embedBundleFigures({ workerFiles, seedBytes, largestOpeningBytes: openings[0]?.gz ?? Number.NaN, engineBytes: engineTotal }));
  for (const [lib, marker] of Object.entries(markers)) {
    if (!pkg.dependencies[lib]) {
      figures.push({ name: `${lib} chunks on the critical path`, value: 0, unit: 'chunks', budget: '0', pass: true, note: 'not a dependency of the playground' });
      continue;
    }
    const onPath = critical.filter((f) => (onPathMarkers[lib] ?? marker).test(code(f)));
    const inLazy = lazyFiles.filter((f) => marker.test(code(f)));
    const lazyGz = inLazy.reduce((sum, f) => sum + gz(f), 0);
    figures.push({
      name: `${lib} chunks on the critical path`,
      value: onPath.length,
      unit: 'chunks',
      ...(lib === '@xterm/xterm' ? {} : { budget: '0', pass: onPath.length === 0 }),
      note: `${onPath.length ? `in ${onPath.join(', ')}; ` : ''}lazy: ${inLazy.join(', ') || 'none'} (${kB(lazyGz).toFixed(0)} kB gzip)`,
    });
  }
  return figures;
}
