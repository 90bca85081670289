/**
 * The kubeconfig in the browser's worker: one per cluster, like `~/.kube/config` on a machine, so the namespace a
 * `kubectl config set-context` sets holds in every terminal tab and for Tab completion; a new cluster (Reset, a
 * scenario, the `init` of a replay) starts with the file kind writes; and since `kubectl config` lines are logged
 * terminal commands like any other, replaying the log restores the namespace.
 */
import { describe, expect, it } from 'vitest';
import { loggedCommandTypes, type Command, type Reply } from '../protocol/messages';
import { ClusterHost } from './clusterHost';
import { terminalParts } from './terminalParts';

const run = (session: string, line: string): Command => ({ type: 'terminal', session, line });

function text(reply: Reply): string {
  const v = reply.value;
  return v?.kind === 'terminal' ? v.output.map((o) => o.text).join('') : JSON.stringify(reply);
}

const session: Command[] = [
  { type: 'init', settings: { seed: 5 } },
  run('t1', 'kubectl create namespace dev'),
  run('t1', 'kubectl config set-context --current --namespace=dev'),
  run('t1', 'kubectl run web --image=nginx:1.27'),
];

describe('the terminals share one kubeconfig per cluster', () => {
  it('a namespace set in one tab is the default of the others, and of completion', () => {
    const host = new ClusterHost({ seed: 5 }, undefined, terminalParts);
    for (const c of session) expect(host.handle(1, c).ok).toBe(true);
    expect(text(host.handle(1, run('t2', 'kubectl get pods -o name')))).toBe('pod/web\n');
    expect(text(host.handle(1, run('t2', "kubectl config view --minify -o jsonpath='{..namespace}'")))).toBe('dev');
    expect(host.handle(1, { type: 'complete', line: 'kubectl logs w' }).value).toEqual({ kind: 'completions', replaceFrom: 'kubectl logs '.length, items: ['web'] });
    expect(host.handle(1, { type: 'complete', line: 'kubectl config use-context ' }).value).toEqual({ kind: 'completions', replaceFrom: 'kubectl config use-context '.length, items: ['kind-kind'] });
    // a new cluster comes with the kubeconfig kind writes for it
    host.handle(1, { type: 'init', settings: { seed: 5 } });
    expect(text(host.handle(1, run('t2', "kubectl config view --minify -o jsonpath='{..namespace}'")))).toBe('');
  });

  it('config lines are logged terminal commands, so a replay of the log restores the namespace', () => {
    expect(loggedCommandTypes).toContain('terminal');
    const replayed = new ClusterHost({}, undefined, terminalParts);
    for (const c of session) replayed.handle(1, c);
    expect(text(replayed.handle(1, run('t9', 'kubectl get pods')))).toMatch(/^NAME {3}READY {3}STATUS {14}RESTARTS {3}AGE\nweb {4}0\/1 {5}ContainerCreating {3}0 {10}0s\n$/);
  });
});
