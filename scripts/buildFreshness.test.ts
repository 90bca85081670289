import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleReason } from './buildFreshness.mjs';

// A fake checkout: every build input at t=1000 s, dist/index.html at t=2000 s.
const inputs = ['src/app/App.tsx', 'index.html', 'public/favicon.svg', 'vite.config.ts', 'package.json', 'package-lock.json'];
let root: string;

function touch(file: string, seconds: number) {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '');
  utimesSync(path, seconds, seconds);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'svcsim-freshness-'));
  for (const file of inputs) touch(file, 1000);
  touch('dist/index.html', 2000);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('staleReason', () => {
  it('is null when the build is newer than every input', () => {
    expect(staleReason(root)).toBeNull();
  });

  it('asks for a build when there is none', () => {
    rmSync(join(root, 'dist'), { recursive: true });
    expect(staleReason(root)).toBe('no build yet');
  });

  it.each([
    ['src/app/App.tsx', 'src'],
    ['src/engine/deep/new.ts', 'src'],
    ['index.html', 'index.html'],
    ['public/favicon.svg', 'public'],
    ['vite.config.ts', 'vite.config.ts'],
    ['package.json', 'package.json'],
    ['package-lock.json', 'package-lock.json'],
  ])('names %s when it is newer than the build', (file, input) => {
    touch(file, 3000);
    expect(staleReason(root)).toBe(`${input} changed since the last build`);
  });

  it('ignores unit tests and golden files, which are never bundled', () => {
    touch('src/engine/clock.test.ts', 3000);
    touch('src/kubectl/testdata/get.txt', 3000);
    expect(staleReason(root)).toBeNull();
  });
});
