/**
 * Figure 4: critical-path JavaScript, the entry chunk plus the chunks index.html modulepreloads, gzipped; and
 * proof that the heavy libraries (Monaco; Mermaid when it is a dependency) sit only in lazy chunks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { atMost, type Figure } from '../figures';
import { appOutDir, repoRoot } from './builds';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const gz = (file: string) => gzipSync(readFileSync(join(appOutDir, file)), { level: 9 }).length;
const kB = (bytes: number) => bytes / 1000;

/** Chunk keys reachable from `key` through static imports only. */
function staticGraph(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const k of manifest[key]?.imports ?? []) staticGraph(manifest, k, seen);
  return seen;
}

/** Strings a library's code cannot lose to minification (global and protocol names it reads). */
const markers: Record<string, RegExp> = {
  'monaco-editor': /MonacoEnvironment/,
  mermaid: /mermaid/i,
  '@xterm/xterm': /xterm-helper-textarea/,
};

export function bundleBench(): Figure[] {
  const html = readFileSync(join(appOutDir, 'index.html'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(appOutDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const strip = (u: string) => u.replace(/^\//, '');
  const htmlScripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => strip(m[1]));
  const htmlPreloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => strip(m[1]));
  const critical = [...new Set([...htmlScripts, ...htmlPreloads])];
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry) ?? 'index.html';
  const graphFiles = [...staticGraph(manifest, entryKey)].map((k) => manifest[k].file);
  const unlisted = graphFiles.filter((f) => !critical.includes(f));
  const bytes = critical.map((f) => ({ f, raw: readFileSync(join(appOutDir, f)).length, gz: gz(f) }));
  const total = bytes.reduce((s, b) => s + b.gz, 0);
  // every other chunk loads on demand (dynamic import) and is outside the budget
  const lazyFiles = Object.values(manifest)
    .map((c) => c.file)
    .filter((f) => f.endsWith('.js') && !critical.includes(f));
  const code = (f: string) => readFileSync(join(appOutDir, f), 'utf8');

  const figures: Figure[] = [
    {
      name: 'critical-path JavaScript (entry + modulepreloads), gzip -9',
      value: kB(total),
      unit: 'kB',
      ...atMost(kB(total), 170, 'kB'),
      note: `${bytes.map((b) => `${b.f} ${kB(b.raw).toFixed(0)} kB raw / ${kB(b.gz).toFixed(1)} kB gzip`).join('; ')}${unlisted.length ? `; statically imported but not preloaded: ${unlisted.join(', ')}` : ''}`,
    },
  ];
  for (const [lib, marker] of Object.entries(markers)) {
    if (!pkg.dependencies[lib]) {
      figures.push({ name: `${lib} chunks on the critical path`, value: 0, unit: 'chunks', budget: '0', pass: true, note: 'not a dependency of the playground' });
      continue;
    }
    const onPath = critical.filter((f) => marker.test(code(f)));
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
  // the worker is an asset of the entry (new Worker(new URL(...))): fetched on startup, but off the main thread
  const workers = [...new Set(Object.values(manifest).flatMap((c) => c.assets ?? []))].filter((f) => /cluster\.worker/.test(f));
  for (const w of workers) {
    figures.push({
      name: 'simulation worker script (fetched before the first graph; not in the budget)',
      value: kB(gz(w)),
      unit: 'kB',
      note: `${w}, ${kB(readFileSync(join(appOutDir, w)).length).toFixed(0)} kB raw`,
    });
  }
  return figures;
}
