/**
 * Golden replay of the seed note's kubectl session (testdata/seed-walkthrough.txt). Formats checked against
 * kubectl v0.34.0 sources: run.go / name printer (`pod/x created`), expose.go (`service/x exposed`),
 * cli-runtime tableprinter.go + tabwriter.go and kubernetes printers.go (get tables, `kind/name` and the blank
 * line between kinds in get.go), describe.go describeService/describeEndpoints, the v1 Endpoints deprecation
 * warning (k8s-facts §1.4), jsonpath.go, and delete.go PrintObj (`deleted from default namespace`, 1.34).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import { replayTranscript } from './transcript';

const golden = join(__dirname, 'testdata', 'seed-walkthrough.txt');

describe('seed walk-through', () => {
  it('matches the golden transcript', () => {
    const text = readFileSync(golden, 'utf8');
    const actual = replayTranscript(text, createCluster({ seed: 1 }));
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });
});
