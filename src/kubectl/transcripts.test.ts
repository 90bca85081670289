/**
 * Golden replays of the transcripts in testdata/ (each a script of kubectl commands and pauses, with the
 * output the emulator printed and a reviewer checked). Formats checked against kubectl v0.34.0 sources:
 * run.go / cli-runtime name.go (`pod/x created`), expose.go (`service/x exposed`), cli-runtime
 * tableprinter.go + tabwriter.go and kubernetes pkg/printers/internalversion/printers.go (tables, `kind/name`,
 * the blank line between kinds in get.go), describe.go (describeService, describeEndpoints, describePod,
 * describeReplicaSet, describeEndpointSliceV1), the v1 Endpoints deprecation warning (APILifecycleDeprecated 1.33,
 * kubernetes/enhancements keps/sig-network/4974-deprecate-endpoints),
 * client-go jsonpath, customcolumn.go, label.go, delete.go PrintObj (`deleted from default namespace`, 1.34),
 * version.go, apiresources.go and clusterinfo.go. The transcripts of the later verbs (rollout, patch/label/
 * annotate, wait, drain, port-forward/logs, create service, events) name the kubectl v0.34.1 sources they were
 * checked against in their own header. Set UPDATE_GOLDEN=1 to rewrite them.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import { replayTranscript } from './transcript';

const dir = join(__dirname, 'testdata');
const transcripts = readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('golden transcripts', () => {
  it.each(transcripts)('%s', (file) => {
    const path = join(dir, file);
    const actual = replayTranscript(readFileSync(path, 'utf8'), createCluster({ seed: 1 }));
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
    expect(actual).toBe(readFileSync(path, 'utf8'));
  });
});
