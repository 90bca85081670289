// src/worker is as deterministic as the engine: biome.jsonc bans wall time, global randomness and timers there
// (timers stay allowed in the entry file only). A file planted in src/worker must be rejected on every line.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const file = `src/worker/__planted_${process.pid}_wallclock.ts`;
const source = [
  'export const a = Date.now();',
  'export const b = Math.random();',
  'export const c = performance.now();',
  'setTimeout(() => {}, 0);',
  'export const d = new MessageChannel();',
  '',
].join('\n');

afterAll(() => rmSync(join(root, file), { force: true }));

it('rejects wall time, randomness and timers in src/worker outside its entry file', () => {
  let report: { diagnostics: { category: string; location: { start: { line: number } } }[] };
  try {
    writeFileSync(join(root, file), source);
    const run = spawnSync(join(root, 'node_modules', '.bin', 'biome'), ['lint', file, '--reporter=json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    report = JSON.parse(run.stdout);
  } finally {
    rmSync(join(root, file), { force: true });
  }
  const byLine = report.diagnostics.map((d) => [d.location.start.line, d.category]);
  expect(byLine).toEqual([
    [1, 'plugin'],
    [2, 'plugin'],
    [3, 'plugin'],
    [4, 'lint/style/noRestrictedGlobals'],
    [5, 'lint/style/noRestrictedGlobals'],
  ]);
}, 30_000);
