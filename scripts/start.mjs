#!/usr/bin/env node
// `npm start`: build the playground if there is no build yet (or the sources are newer), then serve it on
// localhost and print the URL. Everything is bundled, so it works offline.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(dist) || newestMtime(join(root, 'src')) > statSync(dist).mtimeMs;
if (stale) {
  console.log('svcsim: building the playground (first start or sources changed)...');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const port = process.env.PORT ?? '5173';
console.log(`svcsim: serving the playground at http://localhost:${port}/`);
const server = spawn('npx', ['vite', 'preview', '--host', 'localhost', '--port', port, '--strictPort'], { cwd: root, stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
