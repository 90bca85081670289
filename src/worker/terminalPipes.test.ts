/**
 * The browser terminal piping into kubectl and reading here-documents line by line (bash's `> ` between them),
 * through the same shared pipeline as `svcsim shell` (src/kubectl/shell).
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../engine';
import type { TerminalChunk } from '../protocol/messages';
import type { RunningCommand } from './runningCommand';
import { type TerminalResult, TerminalSessions } from './terminalSessions';

function setup() {
  const cluster = new Cluster({ seed: 4 });
  const streamed: TerminalChunk[] = [];
  const terminals = new TerminalSessions(
    () => cluster,
    (_session, chunks) => streamed.push(...chunks),
  );
  const run = (line: string) => finished(terminals.run('t1', line));
  return { cluster, terminals, streamed, run };
}

function finished(r: TerminalResult | RunningCommand): TerminalResult {
  if ('slice' in r) throw new Error(`expected a finished command: ${r.label} runs`);
  return r;
}

const pod = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '', 'spec:', '  containers:', '  - name: c', '    image: nginx'];

describe('the browser terminal: pipes into kubectl', () => {
  it('kubectl reads the stdout of the commands before it; their stderr is shown; the status is the last stage', () => {
    const { run, cluster } = setup();
    expect(run('kubectl create configmap x --from-literal=a=b --dry-run=client -o yaml | kubectl apply -f -')).toEqual({
      output: [{ stream: 'stdout', text: 'configmap/x created\n' }],
      exitCode: 0,
      watching: false,
    });
    expect(cluster.store.get('ConfigMap', 'default/x')).toMatchObject({ data: { a: 'b' } });
    expect(run('kubectl get pod nope | kubectl apply -f -')).toEqual({
      output: [
        { stream: 'stderr', text: 'Error from server (NotFound): pods "nope" not found\n' },
        { stream: 'stderr', text: 'error: no objects passed to apply\n' },
      ],
      exitCode: 1,
      watching: false,
    });
    expect(run('N=$(kubectl create cm y --dry-run=client -o yaml | kubectl apply -f -)').exitCode).toBe(0);
    expect(run('echo $N').output).toEqual([{ stream: 'stdout', text: 'configmap/y created\n' }]);
  });

  it('a watch piped into kubectl gives the message it always gave, and leaves no watch running', () => {
    const { run } = setup();
    expect(run('kubectl get pods -w | kubectl apply -f -')).toEqual({
      output: [{ stream: 'stderr', text: 'svcsim: a watch cannot be piped (this shell pipes commands that finish)\n' }],
      exitCode: 1,
      watching: false,
    });
  });
});

describe('the browser terminal: here-documents', () => {
  it("continues after `kubectl apply -f - <<EOF` with bash's `> ` until the delimiter, blank lines kept", () => {
    const { run, cluster } = setup();
    expect(run('kubectl apply -f - <<EOF')).toEqual({ output: [], exitCode: 0, watching: false, continuation: true });
    for (const line of pod) expect(run(line).continuation).toBe(true);
    expect(run('EOF')).toEqual({ output: [{ stream: 'stdout', text: 'pod/web created\n' }], exitCode: 0, watching: false });
    expect(cluster.store.get('Pod', 'default/web')?.spec?.containers[0].image).toBe('nginx');
  });

  it('cat <<EOF | kubectl create -f -, the body expanded with the terminal variables', () => {
    const { run, cluster } = setup();
    run('APP=shop');
    for (const line of ['cat <<EOF | kubectl create -f -', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: $APP-config', 'EOF']) run(line);
    expect(cluster.store.get('ConfigMap', 'default/shop-config')).toBeDefined();
  });

  it('Ctrl+C at `> ` drops the here-document typed so far', () => {
    const { run, terminals } = setup();
    expect(run('cat <<EOF').continuation).toBe(true);
    expect(run('never shown').continuation).toBe(true);
    terminals.interrupt('t1');
    expect(run('echo after')).toEqual({ output: [{ stream: 'stdout', text: 'after\n' }], exitCode: 0, watching: false });
  });

  it('a kubectl that waits (delete -f - <<EOF) takes virtual time in slices as it does alone', () => {
    const { run, terminals, cluster } = setup();
    for (const line of ['kubectl apply -f - <<EOF', ...pod, 'EOF']) run(line);
    const sleep = terminals.run('t1', 'sleep 10');
    if ('slice' in sleep) while (!sleep.slice(1000));
    for (const line of ['kubectl delete -f - <<EOF', ...pod.slice(0, 4)]) run(line);
    const r = terminals.run('t1', 'EOF');
    if (!('slice' in r)) throw new Error('expected the delete to wait for its pod');
    expect(r.label).toBe('kubectl delete -f -');
    while (!r.slice(1000));
    expect(r.outcome().value).toMatchObject({ kind: 'terminal', output: [{ stream: 'stdout', text: 'pod "web" deleted from default namespace\n' }], exitCode: 0 });
    expect(cluster.store.get('Pod', 'default/web')).toBeUndefined();
  });
});
