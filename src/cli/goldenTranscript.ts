/**
 * For the CLI's golden tests: replays `testdata/NAME.sh` through a shell session on a fresh cluster and reads
 * (or, with `UPDATE_GOLDEN=1`, writes) `testdata/NAME.txt`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Cluster, type ClusterConfig } from '../engine';
import { ShellSession } from './shellSession';

const testdata = (file: string) => new URL(`./testdata/${file}`, import.meta.url);

/** What `svcsim shell` prints for the script `testdata/NAME.sh` on a cluster made with `config`. */
export function replayScript(name: string, config: Partial<ClusterConfig> = {}): string {
  const script = readFileSync(testdata(`${name}.sh`), 'utf8');
  const session = new ShellSession(new Cluster(config));
  let out = '';
  for (const line of script.split('\n')) out += session.feed(line);
  return out + session.close();
}

/** The committed transcript `testdata/NAME.txt`; `UPDATE_GOLDEN=1` writes `got` there first. */
export function goldenTranscript(name: string, got: string): string {
  const url = testdata(`${name}.txt`);
  if (process.env.UPDATE_GOLDEN) writeFileSync(url, got);
  return readFileSync(url, 'utf8');
}
