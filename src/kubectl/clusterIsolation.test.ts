/**
 * State belongs to its cluster: two clusters in one process, each replaying a golden transcript one step at a
 * time in turns (A, B, A, B, …), print exactly the goldens each prints when run alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import { transcriptSteps } from './transcript';

const golden = (file: string) => readFileSync(join(__dirname, 'testdata', file), 'utf8');

function inTurns(files: readonly string[]): string[] {
  const runs = files.map((f) => transcriptSteps(golden(f), createCluster({ seed: 1 })));
  const out: (string | undefined)[] = files.map(() => undefined);
  while (out.some((o) => o === undefined)) {
    runs.forEach((run, i) => {
      if (out[i] !== undefined) return;
      const r = run.next();
      if (r.done) out[i] = r.value;
    });
  }
  return out as string[];
}

describe('clusters in one process', () => {
  it('replay the seed walk-through in turns with another transcript, byte for byte', () => {
    const files = ['seed-walkthrough.txt', 'rollout.txt'];
    expect(inTurns(files)).toEqual(files.map(golden));
  });

  it('replay the same transcript in turns, byte for byte', () => {
    const files = ['seed-walkthrough.txt', 'seed-walkthrough.txt', 'portforward-logs.txt'];
    expect(inTurns(files)).toEqual(files.map(golden));
  });
});
