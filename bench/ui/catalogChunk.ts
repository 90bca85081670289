/**
 * The UI's message catalogs are one lazily imported chunk per language (src/i18n/catalogs.ts), but a page renders
 * nothing before its language's catalog is there: one of them is on the critical path although no modulepreload
 * names it. The larger one is counted (a zh-TW page fetches it), so the figure is what the heavier start costs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { appOutDir } from './builds';

/** The build's catalog chunks, by their source in Vite's manifest, and the larger one gzip -9. */
export function languageCatalogChunks(manifest: Record<string, { file: string }>): { files: string[]; largest?: { file: string; gz: number } } {
  const files = Object.entries(manifest)
    .filter(([key]) => /^src\/i18n\/messages\.[^/]+\.ts$/.test(key))
    .map(([, c]) => c.file);
  const sized = files.map((file) => ({ file, gz: gzipSync(readFileSync(join(appOutDir, file)), { level: 9 }).length }));
  const largest = sized.sort((a, b) => b.gz - a.gz)[0];
  return { files, ...(largest ? { largest } : {}) };
}
