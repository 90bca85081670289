import { describe, expect, it } from 'vitest';
import { ShellSession } from '../cli/shellSession';
import { Cluster } from '../engine';
import { ClusterHost } from '../worker/clusterHost';
import { terminalParts } from '../worker/terminalParts';
import { startLikePlayground } from './playgroundStart';
import { seedTopologyManifest } from './library/seedTopology';

// The browser terminal (worker ClusterHost after the app's init + 15 s advance) and `svcsim shell --playground`
// must print the same bytes for the same commands.
const commands = [
  'kubectl get pods -o wide',
  'kubectl get endpointslices -l kubernetes.io/service-name=nginx',
  'kubectl get pods | grep -c nginx',
  'kubectl delete pod app',
  'sleep 5s',
  'kubectl get pods -o wide | sort | head -n 3',
  'kubectl get events | wc -l',
];

function browser(): string {
  const host = new ClusterHost({}, undefined, terminalParts);
  host.handle(1, { type: 'init', manifests: seedTopologyManifest });
  host.handle(2, { type: 'advance', ms: 15_000 });
  let out = '';
  commands.forEach((line, i) => {
    const r = host.handle(3 + i, { type: 'terminal', session: 't1', line });
    if (!r.ok || r.value?.kind !== 'terminal') throw new Error(`${line}: ${r.ok ? r.value?.kind : r.error}`);
    out += `$ ${line}\n${r.value.output.map((c) => c.text).join('')}`;
  });
  return out;
}

describe('svcsim shell --playground', () => {
  it('starts where the playground starts: same commands, same bytes', () => {
    const cluster = new Cluster({});
    expect(startLikePlayground(cluster)).toEqual([]);
    const shell = new ShellSession(cluster);
    const cli = commands.map((c) => shell.feed(c)).join('');
    expect(cli).toContain('nginx-');
    expect(cli).toBe(browser());
  });
});
