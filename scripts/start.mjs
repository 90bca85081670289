#!/usr/bin/env node
// `npm start`: build the playground if there is no build yet (or anything it is built from is newer), then serve it on
// localhost and print the URL. Everything is bundled, so it works offline.
import { spawn } from 'node:child_process';
import { buildIfStale } from './buildFreshness.mjs';

const root = new URL('..', import.meta.url).pathname;
const status = buildIfStale(root, 'svcsim');
if (status !== 0) process.exit(status);
const port = process.env.PORT ?? '5173';
console.log(`svcsim: serving the playground at http://localhost:${port}/`);
const server = spawn('npx', ['vite', 'preview', '--host', 'localhost', '--port', port, '--strictPort'], { cwd: root, stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
