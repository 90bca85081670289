/**
 * The two builds the UI benchmarks load: the playground exactly as shipped (vite.config.ts) and the bare React
 * Flow page (vite.bare.config.ts). Both go under dist-bench/ (gitignored) so a benchmark never rewrites the
 * dist/ an e2e run may be serving at the same moment. A build is reused while it is newer than its sources.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = new URL('../../', import.meta.url).pathname;
export const appOutDir = join(repoRoot, 'dist-bench/app');
export const bareOutDir = join(repoRoot, 'dist-bench/bare');
export const bareConfig = join(repoRoot, 'bench/ui/vite.bare.config.ts');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function stale(marker: string, sources: string[]): boolean {
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  return sources.some((s) => newestMtime(join(repoRoot, s)) > built);
}

function viteBuild(args: string[]): void {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', ...args], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build ${args.join(' ')} failed (exit ${r.status})`);
}

const shared = ['package-lock.json', 'vite.config.ts'];

/** Builds what is out of date; says what it did. */
export function ensureBuilds(force: boolean): string[] {
  const did: string[] = [];
  // the manifest is what the bundle-size figure reads, so it doubles as the freshness marker
  if (force || stale(join(appOutDir, '.vite/manifest.json'), [...shared, 'src', 'index.html', 'embed.html', 'public'])) {
    viteBuild(['--outDir', appOutDir, '--emptyOutDir']);
    did.push('built the playground into dist-bench/app');
  }
  if (force || stale(join(bareOutDir, 'index.html'), [...shared, 'bench/ui/bare', 'bench/ui/vite.bare.config.ts'])) {
    viteBuild(['--config', bareConfig]);
    did.push('built the bare React Flow page into dist-bench/bare');
  }
  return did;
}
