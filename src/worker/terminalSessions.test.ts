/** Terminal sessions in the worker: sleep as sliced, interruptible work; watches streaming until Ctrl+C. */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../engine';
import { runKubectl, splitCommandLine } from '../kubectl/kubectl';
import type { TerminalChunk } from '../protocol/messages';
import type { RunningCommand } from './runningCommand';
import { type TerminalResult, TerminalSessions } from './terminalSessions';

function setup() {
  const cluster = new Cluster({ seed: 4 });
  const streamed: Array<{ session: string; chunks: TerminalChunk[]; ended?: boolean }> = [];
  const terminals = new TerminalSessions(
    () => cluster,
    (session, chunks, ended) => streamed.push({ session, chunks, ...(ended ? { ended } : {}) }),
  );
  return { cluster, terminals, streamed };
}

function running(r: TerminalResult | RunningCommand): RunningCommand {
  if (!('slice' in r)) throw new Error(`expected a running command, got ${JSON.stringify(r)}`);
  return r;
}

function finished(r: TerminalResult | RunningCommand): TerminalResult {
  if ('slice' in r) throw new Error('expected a finished command');
  return r;
}

/**
 * A container that exits 1 under restartPolicy Always: the kubelet restarts it forever (CrashLoopBackOff, back-off
 * capped at 5m), so virtual time keeps having work in it. An idle cluster has none: probes are quiet when nothing
 * changes, and a sleep there ends in one slice.
 */
const crashLoop = "kubectl run crash --image=busybox:1.36 -- sh -c 'exit 1'";

const objects = (c: Cluster) => JSON.stringify([c.now(), c.store.list('Pod'), c.store.list('EndpointSlice'), c.log.digest()]);

describe('TerminalSessions', () => {
  it('sleep moves virtual time in slices and ends with status 0', () => {
    const { cluster, terminals } = setup();
    finished(terminals.run('t1', crashLoop));
    const start = cluster.now();
    const sleep = running(terminals.run('t1', 'sleep 90s'));
    expect(sleep.label).toBe('sleep 90s');
    expect(sleep.session).toBe('t1');
    let slices = 0;
    while (!sleep.slice(3)) slices++;
    expect(slices).toBeGreaterThan(0);
    expect(cluster.now()).toBe(start + 90_000);
    expect(sleep.outcome()).toEqual({ value: { kind: 'terminal', output: [], exitCode: 0, watching: false } });
  });

  it('Ctrl+C stops a sleep between instants, says how far it got, and a replay stopping there gives the same cluster', () => {
    const a = setup();
    a.terminals.run('t1', 'kubectl create deployment web --image=nginx:1.27 --replicas=3');
    finished(a.terminals.run('t1', crashLoop));
    const start = a.cluster.now();
    const sleep = running(a.terminals.run('t1', 'sleep 1000000h'));
    for (let i = 0; i < 40; i++) sleep.slice(5);
    sleep.interrupt();
    while (!sleep.slice(5));
    const { value, interruptedAfterMs } = sleep.outcome();
    expect(value).toEqual({ kind: 'terminal', output: [], exitCode: 130, watching: false });
    expect(interruptedAfterMs).toBe(a.cluster.now() - start);
    expect(interruptedAfterMs).toBeGreaterThan(0);
    expect(sleep.progress().fraction).toBeLessThan(0.001);

    // the replay: the same commands, the sleep stopping after the virtual time it reached, unsliced
    const b = setup();
    b.terminals.run('t1', 'kubectl create deployment web --image=nginx:1.27 --replicas=3');
    finished(b.terminals.run('t1', crashLoop));
    const replayed = running(b.terminals.run('t1', 'sleep 1000000h', interruptedAfterMs));
    while (!replayed.slice(Number.POSITIVE_INFINITY));
    expect(replayed.outcome().interruptedAfterMs).toBe(interruptedAfterMs);
    expect(objects(b.cluster)).toBe(objects(a.cluster));
  });

  it('rejects a bad interval as GNU sleep does', () => {
    const { terminals } = setup();
    expect(finished(terminals.run('t1', 'sleep soon'))).toEqual({
      output: [{ stream: 'stderr', text: "sleep: invalid time interval 'soon'\n" }],
      exitCode: 1,
      watching: false,
    });
  });

  it('a watch streams rows into its own session until interrupted', () => {
    const { cluster, terminals, streamed } = setup();
    finished(terminals.run('t1', 'kubectl run alpaca --image=nginx:1.27'));
    const w = finished(terminals.run('t1', 'kubectl get pods --watch'));
    expect(w.watching).toBe(true);
    expect(w.output.map((c) => c.text).join('')).toMatch(/^NAME\s+READY\s+STATUS/);
    // the other tab deletes the pod: the watching tab gets rows as the pod terminates
    finished(terminals.run('t2', 'kubectl delete pod alpaca --wait=false'));
    cluster.advance(1000);
    expect(streamed.length).toBeGreaterThan(0);
    expect(streamed.every((s) => s.session === 't1')).toBe(true);
    expect(streamed.flatMap((s) => s.chunks).map((c) => c.text).join('')).toMatch(/alpaca/);
    expect(terminals.interrupt('t1')).toBe(true);
    const count = streamed.length;
    finished(terminals.run('t2', 'kubectl run second --image=nginx:1.27'));
    cluster.advance(5000);
    expect(streamed.length).toBe(count);
    expect(terminals.interrupt('t1')).toBe(false);
  });

  it('a watch that ends by itself (logs -f of a container that exited) gives the session its prompt back', () => {
    const { cluster, terminals, streamed } = setup();
    finished(terminals.run('t1', "kubectl run once --image=busybox:1.36 --restart=Never -- sh -c 'echo start; sleep 5; echo end'"));
    cluster.advance(3000);
    const f = finished(terminals.run('t1', 'kubectl logs -f once'));
    expect([f.watching, f.output.map((c) => c.text).join('')]).toEqual([true, 'start\n']);
    cluster.advance(10_000);
    expect(streamed).toEqual([
      { session: 't1', chunks: [{ stream: 'stdout', text: 'end\n' }] },
      { session: 't1', chunks: [], ended: true },
    ]);
    // nothing is left to interrupt: the session's watch is gone
    expect(terminals.interrupt('t1')).toBe(false);
  });

  it('keeps variables per session', () => {
    const { terminals } = setup();
    finished(terminals.run('t1', 'NAME=alpaca'));
    expect(finished(terminals.run('t1', 'echo $NAME')).output).toEqual([{ stream: 'stdout', text: 'alpaca\n' }]);
    expect(finished(terminals.run('t2', 'echo $NAME')).output).toEqual([{ stream: 'stdout', text: '\n' }]);
  });

  it('kubectl wait and rollout status run in slices and print exactly what they print in one go', () => {
    const script = [
      'kubectl create deployment web --image=nginx:1.27 --replicas=3',
      'kubectl rollout status deployment/web',
      'kubectl run alpaca --image=nginx:1.27',
      'kubectl wait --for=condition=Ready pod/alpaca --timeout=2m',
      'kubectl delete pod alpaca',
      'kubectl wait --for=delete pod/nothing-here --timeout=10s',
      'kubectl scale deployment web --replicas=1 --timeout=1m',
      'kubectl drain kind-worker --ignore-daemonsets --force',
    ];
    const sliced = setup();
    const slicedOut: string[] = [];
    const slicedLines: string[] = [];
    for (const line of script) {
      const r = sliced.terminals.run('t1', line);
      if ('slice' in r) {
        slicedLines.push(line.split(' ').slice(0, 2).join(' '));
        let slices = 0;
        while (!r.slice(4)) slices++;
        expect(slices).toBeGreaterThan(0);
        const v = r.outcome().value;
        slicedOut.push(v.kind === 'terminal' ? v.output.map((c) => c.text).join('') : '');
      } else slicedOut.push(r.output.map((c) => c.text).join(''));
    }
    // these blocked on virtual time (the scale was already synced: it had nothing to wait for)
    expect(slicedLines).toEqual(['kubectl rollout', 'kubectl wait', 'kubectl delete', 'kubectl drain']);
    const whole = new Cluster({ seed: 4 });
    const wholeOut = script.map((line) => runKubectl({ cluster: whole }, splitCommandLine(line).slice(1)).output.map((c) => c.text).join(''));
    expect(slicedOut).toEqual(wholeOut);
    expect(slicedOut[1]).toMatch(/deployment "web" successfully rolled out\n$/);
    expect(slicedOut[3]).toBe('pod/alpaca condition met\n');
    expect(slicedOut[7]).toMatch(/node\/kind-worker drained\n$/);
    expect(objects(sliced.cluster)).toBe(objects(whole));
  });

  it('Ctrl+C ends kubectl wait with nothing more printed, and a replay stops it at the same instant', () => {
    const a = setup();
    finished(a.terminals.run('t1', 'kubectl run alpaca --image=nginx:1.27'));
    finished(a.terminals.run('t1', crashLoop));
    const wait = running(a.terminals.run('t1', 'kubectl wait --for=delete pod/alpaca --timeout=-1s'));
    for (let i = 0; i < 30; i++) wait.slice(4);
    wait.interrupt();
    while (!wait.slice(4));
    const { value, interruptedAfterMs } = wait.outcome();
    expect(value).toEqual({ kind: 'terminal', output: [], exitCode: 130, watching: false });
    expect(interruptedAfterMs).toBeGreaterThan(0);
    // the wait's watch is gone: nothing streams into the session afterwards
    finished(a.terminals.run('t2', 'kubectl delete pod alpaca --wait=false'));
    a.cluster.advance(60_000);
    expect(a.streamed).toEqual([]);

    const b = setup();
    finished(b.terminals.run('t1', 'kubectl run alpaca --image=nginx:1.27'));
    finished(b.terminals.run('t1', crashLoop));
    const replay = running(b.terminals.run('t1', 'kubectl wait --for=delete pod/alpaca --timeout=-1s', interruptedAfterMs));
    while (!replay.slice(1000));
    expect(replay.outcome()).toEqual({ value, interruptedAfterMs });
    finished(b.terminals.run('t2', 'kubectl delete pod alpaca --wait=false'));
    b.cluster.advance(60_000);
    expect(objects(b.cluster)).toBe(objects(a.cluster));
  });

  it('a shell attached with kubectl exec -it takes the session\'s lines until exit; its prompt rides on each reply', () => {
    const { cluster, terminals } = setup();
    finished(terminals.run('t1', 'kubectl run bb --image=busybox:1.36 --command -- sleep 3600'));
    const wait = running(terminals.run('t1', 'kubectl wait --for=condition=Ready pod/bb --timeout=120s'));
    while (!wait.slice(1000));
    const attached = finished(terminals.run('t1', 'kubectl exec -it bb -- sh'));
    expect(attached).toEqual({ output: [], exitCode: 0, watching: false, prompt: '/ # ' });
    expect(terminals.prompt('t1')).toBe('/ # ');
    // another terminal is not attached
    expect(terminals.prompt('t2')).toBeUndefined();
    expect(finished(terminals.run('t2', 'hostname')).exitCode).toBe(127);
    // a pipeline's command runs in the container too
    expect(finished(terminals.run('t1', 'env | grep HOSTNAME'))).toMatchObject({ output: [{ stream: 'stdout', text: 'HOSTNAME=bb\n' }], prompt: '/ # ' });
    // kubectl is not in a busybox image
    expect(finished(terminals.run('t1', 'kubectl get pods'))).toMatchObject({ output: [{ stream: 'stderr', text: 'sh: kubectl: not found\n' }], exitCode: 127 });
    // the line reaches the shell as typed: `;` and loops are the container shell's, not the terminal's to refuse
    expect(finished(terminals.run('t1', 'for i in 1 2; do echo $i; done; hostname'))).toMatchObject({ output: [{ stream: 'stdout', text: '1\n2\nbb\n' }], exitCode: 0 });
    expect(finished(terminals.run('t1', 'for i in a b; do'))).toMatchObject({ output: [], prompt: '> ' });
    expect(finished(terminals.run('t1', 'echo $i; done'))).toMatchObject({ output: [{ stream: 'stdout', text: 'a\nb\n' }], prompt: '/ # ' });
    // sleep in the shell moves virtual time like the terminal's own
    const start = cluster.now();
    const sleep = running(terminals.run('t1', 'sleep 30'));
    while (!sleep.slice(100));
    expect(cluster.now()).toBe(start + 30_000);
    expect(sleep.outcome().value).toMatchObject({ kind: 'terminal', exitCode: 0, prompt: '/ # ' });
    const end = finished(terminals.run('t1', 'exit'));
    expect(end).toEqual({ output: [], exitCode: 0, watching: false });
    expect(terminals.prompt('t1')).toBeUndefined();
    expect(finished(terminals.run('t1', 'kubectl get pod bb -o name')).output).toEqual([{ stream: 'stdout', text: 'pod/bb\n' }]);
  });

  it("a loop with sleeps in a pod's shell streams each round as virtual time reaches it; Ctrl+C stops it, a replay stops where it did", () => {
    const { cluster, terminals, streamed } = setup();
    finished(terminals.run('t1', 'kubectl run bb --image=busybox:1.36 --command -- sleep 3600'));
    const wait = running(terminals.run('t1', 'kubectl wait --for=condition=Ready pod/bb --timeout=120s'));
    while (!wait.slice(1000));
    finished(terminals.run('t1', 'kubectl exec -it bb -- sh'));
    const start = cluster.now();
    streamed.length = 0;
    const loop = running(terminals.run('t1', 'for i in 1 2 3; do echo round $i; sleep 10; done; echo end'));
    // the first round's output is out before any time passes
    expect(streamed).toEqual([{ session: 't1', chunks: [{ stream: 'stdout', text: 'round 1\n' }] }]);
    while (!loop.slice(100));
    expect(streamed.map((s) => s.chunks[0].text)).toEqual(['round 1\n', 'round 2\n', 'round 3\n']);
    expect(loop.outcome().value).toEqual({ kind: 'terminal', output: [{ stream: 'stdout', text: 'end\n' }], exitCode: 0, watching: false, prompt: '/ # ' });
    expect(cluster.now()).toBe(start + 30_000);
    // Ctrl+C in the second round: 130, and how much virtual time it covered, for the replay
    const endless = running(terminals.run('t1', 'while true; do sleep 10; done'));
    while (cluster.now() < start + 45_000) endless.slice(1);
    endless.interrupt();
    while (!endless.slice(100));
    const out = endless.outcome();
    expect(out.value).toMatchObject({ exitCode: 130, prompt: '/ # ' });
    expect(out.interruptedAfterMs).toBe(cluster.now() - start - 30_000);
    // the replay of that line stops at the same virtual time by itself
    const { cluster: again, terminals: replayed } = setup();
    finished(replayed.run('t1', 'kubectl run bb --image=busybox:1.36 --command -- sleep 3600'));
    const w2 = running(replayed.run('t1', 'kubectl wait --for=condition=Ready pod/bb --timeout=120s'));
    while (!w2.slice(1000));
    finished(replayed.run('t1', 'kubectl exec -it bb -- sh'));
    const l2 = running(replayed.run('t1', 'for i in 1 2 3; do echo round $i; sleep 10; done; echo end'));
    while (!l2.slice(100));
    const r2 = running(replayed.run('t1', 'while true; do sleep 10; done', out.interruptedAfterMs));
    while (!r2.slice(100));
    expect(r2.outcome()).toMatchObject({ value: { exitCode: 130 }, interruptedAfterMs: out.interruptedAfterMs });
    expect(again.now()).toBe(cluster.now());
    // exit after a sleep ends the shell: the terminal's own prompt comes back
    const leaving = running(terminals.run('t1', 'sleep 1; exit 4'));
    while (!leaving.slice(100));
    expect(leaving.outcome().value).toEqual({ kind: 'terminal', output: [{ stream: 'stderr', text: 'command terminated with exit code 4\n' }], exitCode: 4, watching: false });
    expect(terminals.prompt('t1')).toBeUndefined();
  });

  it('a closed terminal hangs up its shell: a later terminal of that id gets the host prompt; kubectl run -it ends its pod', () => {
    const { cluster, terminals } = setup();
    finished(terminals.run('t1', 'kubectl run bb --image=busybox:1.36 --command -- sleep 3600'));
    const wait = running(terminals.run('t1', 'kubectl wait --for=condition=Ready pod/bb --timeout=120s'));
    while (!wait.slice(1000));
    finished(terminals.run('t2', 'kubectl exec -it bb -- sh'));
    terminals.hangup('t2');
    expect(terminals.prompt('t2')).toBeUndefined();
    expect(finished(terminals.run('t2', 'kubectl get pod bb -o name')).output).toEqual([{ stream: 'stdout', text: 'pod/bb\n' }]);
    // the exec'd shell ended with its session: the pod runs on
    expect(cluster.store.get('Pod', 'default/bb')?.status?.phase).toBe('Running');
    // kubectl run -it's shell is the container's process: stdinOnce closes its input for good, it exits with its
    // last status, and --rm (kubectl's own cleanup) never happens
    const run = running(terminals.run('t3', 'kubectl run -it --rm --restart=Never tmp --image=busybox:1.36 -- sh'));
    while (!run.slice(1000));
    expect(terminals.prompt('t3')).toBe('/ # ');
    finished(terminals.run('t3', 'false'));
    terminals.hangup('t3');
    const done = running(terminals.run('t1', 'sleep 5'));
    while (!done.slice(1000));
    expect(cluster.store.get('Pod', 'default/tmp')?.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });
});

describe('TerminalSessions: lists and loops on a line', () => {
  const text = (r: TerminalResult) => r.output.map((c) => c.text).join('');
  const toEnd = (r: TerminalResult | RunningCommand) => {
    if (!('slice' in r)) return r;
    while (!r.slice(50));
    const v = r.outcome().value;
    if (v.kind !== 'terminal') throw new Error(v.kind);
    return v;
  };

  it("runs ; && || and for loops as bash does, the loop variable inside double quotes; $? is the last command's status", () => {
    const { terminals } = setup();
    expect(text(finished(terminals.run('t1', 'kubectl run a --image=nginx:1.27; kubectl run b --image=nginx:1.27')))).toBe('pod/a created\npod/b created\n');
    const loop = finished(terminals.run('t1', `for p in a b; do kubectl get pod "$p" -o jsonpath='{.metadata.name}{"\\n"}'; done`));
    expect(loop).toEqual({ output: [{ stream: 'stdout', text: 'a\n' }, { stream: 'stdout', text: 'b\n' }], exitCode: 0, watching: false });
    expect(finished(terminals.run('t1', 'kubectl get pod x || echo missing')).output).toEqual([
      { stream: 'stderr', text: 'Error from server (NotFound): pods "x" not found\n' },
      { stream: 'stdout', text: 'missing\n' },
    ]);
    expect(text(finished(terminals.run('t1', 'kubectl get pod x 2>/dev/null; echo $?')))).toContain("'>' is not supported");
    expect(text(finished(terminals.run('t1', 'false && echo no || echo "status $?"')))).toBe('status 1\n');
    // $? on the next line too, and the words of a loop from $(...)
    expect(finished(terminals.run('t1', 'kubectl get pod x')).exitCode).toBe(1);
    expect(text(finished(terminals.run('t1', 'echo $?')))).toBe('1\n');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's ${NAME}, not a template
    expect(text(finished(terminals.run('t1', 'for p in $(kubectl get pods -o name | sort -r); do echo "${p}!"; done | head -1')))).toBe('pod/b!\n');
  });

  it('streams what comes before a command that takes virtual time, then runs on; Ctrl+C ends the list, and a replay stops where it did', () => {
    const a = setup();
    finished(a.terminals.run('t1', crashLoop));
    const start = a.cluster.now();
    const list = running(a.terminals.run('t1', 'echo one; sleep 10; echo two'));
    expect(list.label).toBe('echo one; sleep 10; echo two');
    expect(a.streamed).toEqual([{ session: 't1', chunks: [{ stream: 'stdout', text: 'one\n' }] }]);
    expect(toEnd(list)).toEqual({ kind: 'terminal', output: [{ stream: 'stdout', text: 'two\n' }], exitCode: 0, watching: false });
    expect(a.cluster.now()).toBe(start + 10_000);

    const loop = 'for i in 1 2 3; do echo round $i; sleep 100; done; echo after';
    const interrupted = running(a.terminals.run('t1', loop));
    const shown = () => a.streamed.slice(1).flatMap((s) => s.chunks.map((c) => c.text));
    // Ctrl+C in the second round's sleep
    while (!shown().includes('round 2\n')) interrupted.slice(1);
    interrupted.slice(1);
    interrupted.interrupt();
    while (!interrupted.slice(5));
    const { value, interruptedAfterMs } = interrupted.outcome();
    expect(value).toEqual({ kind: 'terminal', output: [], exitCode: 130, watching: false });
    expect(interruptedAfterMs).toBe(a.cluster.now() - start - 10_000);
    expect(shown()).toEqual(['round 1\n', 'round 2\n']);
    expect(interruptedAfterMs).toBeGreaterThanOrEqual(100_000);
    expect(text(finished(a.terminals.run('t1', 'echo $?')))).toBe('130\n');

    const b = setup();
    finished(b.terminals.run('t1', crashLoop));
    toEnd(b.terminals.run('t1', 'echo one; sleep 10; echo two'));
    const replay = running(b.terminals.run('t1', loop, interruptedAfterMs));
    while (!replay.slice(Number.POSITIVE_INFINITY));
    expect(replay.outcome()).toEqual({ value, interruptedAfterMs });
    expect(objects(b.cluster)).toBe(objects(a.cluster));
  });

  it('a delete that waits for its pod, then the next command', () => {
    const { cluster, terminals } = setup();
    finished(terminals.run('t1', 'kubectl run a --image=nginx:1.27; kubectl run b --image=nginx:1.27'));
    cluster.advance(10_000);
    const list = running(terminals.run('t1', 'kubectl delete pod a && kubectl get pods -o name'));
    expect(toEnd(list)).toEqual({
      kind: 'terminal',
      output: [
        { stream: 'stdout', text: 'pod "a" deleted from default namespace\n' },
        { stream: 'stdout', text: 'pod/b\n' },
      ],
      exitCode: 0,
      watching: false,
    });
    expect(cluster.store.get('Pod', 'default/a')).toBeUndefined();
  });

  it('a watch keeps the terminal and ends the list; an interactive session in a list gets its input closed', () => {
    const { cluster, terminals } = setup();
    finished(terminals.run('t1', 'kubectl run bb --image=busybox:1.36 --command -- sleep 3600'));
    cluster.advance(10_000);
    const w = finished(terminals.run('t1', 'echo before; kubectl get pods --watch; echo never'));
    expect(w.watching).toBe(true);
    expect(text(w)).toMatch(/^before\nNAME +READY +STATUS/);
    expect(text(w)).not.toContain('never');
    expect(terminals.interrupt('t1')).toBe(true);
    // piped on, the watch is refused as in a pipeline
    const piped = finished(terminals.run('t1', 'for i in 1; do kubectl get pods -w; done | wc -l; echo after'));
    expect(piped.watching).toBe(false);
    expect(text(piped)).toContain('svcsim: a watch cannot be piped');
    expect(text(piped)).toMatch(/after\n$/);
    expect(terminals.interrupt('t1')).toBe(false);

    const it = finished(terminals.run('t1', 'kubectl exec -it bb -- sh; echo after'));
    expect(it).toEqual({
      output: [
        { stream: 'stderr', text: 'svcsim: an interactive session cannot read the terminal inside a list or a loop: its input was closed at once (run it on a line of its own)\n' },
        { stream: 'stdout', text: 'after\n' },
      ],
      exitCode: 0,
      watching: false,
    });
    expect(terminals.prompt('t1')).toBeUndefined();
  });

  it('refuses what it does not run, and a loop left open, before anything runs', () => {
    const { terminals } = setup();
    expect(finished(terminals.run('t1', 'kubectl run a --image=nginx:1.27; kubectl get pods > pods.txt'))).toMatchObject({ exitCode: 2, output: [{ stream: 'stderr', text: expect.stringContaining("'>' is not supported") }] });
    expect(text(finished(terminals.run('t1', 'kubectl get pods -o name')))).toBe('');
    expect(text(finished(terminals.run('t1', '(kubectl get pods)')))).toMatch(/^svcsim: subshells, groups and functions are not supported/);
  });

  it('reads on after a line that leaves a loop open, as bash does at its `> ` prompt, and Ctrl+C drops it', () => {
    const { terminals } = setup();
    finished(terminals.run('t1', 'kubectl run a --image=nginx:1.27'));
    // nothing runs until `done` closes the loop
    expect(finished(terminals.run('t1', 'for p in a nope; do'))).toEqual({ output: [], exitCode: 0, watching: false, continuation: true });
    expect(finished(terminals.run('t1', '  kubectl get pod $p -o name'))).toMatchObject({ output: [], continuation: true });
    const r = finished(terminals.run('t1', 'done'));
    expect(r.continuation).toBeUndefined();
    expect(r.output).toEqual([
      { stream: 'stdout', text: 'pod/a\n' },
      { stream: 'stderr', text: 'Error from server (NotFound): pods "nope" not found\n' },
    ]);
    // Ctrl+C at `> ` (the page sends an interrupt) forgets the lines typed so far
    expect(finished(terminals.run('t1', 'for p in a; do'))).toMatchObject({ continuation: true });
    terminals.interrupt('t1');
    expect(text(finished(terminals.run('t1', 'echo fresh')))).toBe('fresh\n');
  });
});
