import { describe, expect, it } from 'vitest';
import { Cluster } from '../engine';
import type { RunningCommand } from './runningCommand';
import { type TerminalResult, TerminalSessions } from './terminalSessions';

const kuard = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kuard' }, spec: { containers: [{ name: 'kuard', image: 'gcr.io/kuar-demo/kuard-amd64:blue', ports: [{ containerPort: 8080 }] }] } } as const;

function clusterWithKuard(): Cluster {
  const c = new Cluster();
  c.create('Pod', structuredClone(kuard) as never);
  c.advance(30_000);
  return c;
}

const text = (r: TerminalResult | RunningCommand) => ('output' in r ? r.output.map((o) => o.text).join('') : '');

describe('terminal sessions and port-forward', () => {
  it('share one localhost port registry per cluster across terminals, and start afresh with a new cluster', () => {
    let cluster = clusterWithKuard();
    const terminals = new TerminalSessions(() => cluster, () => {});
    expect(text(terminals.run('a', 'kubectl port-forward kuard 7000:8080'))).toContain('Forwarding from 127.0.0.1:7000 -> 8080');
    expect(text(terminals.run('b', 'kubectl port-forward kuard 7000:8080'))).toContain('bind: address already in use');
    cluster = clusterWithKuard();
    expect(text(terminals.run('b', 'kubectl port-forward kuard 7000:8080'))).toContain('Forwarding from 127.0.0.1:7000 -> 8080');
  });
});
