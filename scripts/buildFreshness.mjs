// Is dist/ older than what it is built from? Shared by `npm start` (scripts/start.mjs) and `npm run e2e`
// (scripts/ensureFreshBuild.mjs), so neither serves or tests a stale build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What `vite build` reads: the sources, the page, static assets, the Vite config and the installed packages. */
export const buildInputs = ['src', 'index.html', 'embed.html', 'public', 'vite.config.ts', 'package.json', 'package-lock.json'];

// Unit tests and their golden files are never bundled; editing them must not force a rebuild.
const notBundled = /\.test\.tsx?$|(^|\/)testdata$/;

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (notBundled.test(entry)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/**
 * Why `root`/dist must be rebuilt, or null when it is at least as new as every build input.
 * @param {string} root the repository root
 * @returns {string | null}
 */
export function staleReason(root) {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built)) return 'no build yet';
  const builtAt = statSync(built).mtimeMs;
  const newer = buildInputs.filter((input) => newestMtime(join(root, input)) > builtAt);
  return newer.length === 0 ? null : `${newer.join(', ')} changed since the last build`;
}

/**
 * Runs `vite build` in `root` when dist/ is stale; returns the build's exit status (0 when nothing was needed).
 * @param {string} root the repository root
 * @param {string} who the command asking, for the message
 * @returns {number}
 */
export function buildIfStale(root, who) {
  const reason = staleReason(root);
  if (reason === null) return 0;
  console.log(`${who}: building the playground (${reason})...`);
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}
