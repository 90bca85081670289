/**
 * The worker's command loop, driven by hand: `later` queues macrotasks the test runs one by one, and a fake
 * wall clock ends each slice, so what happens between two slices is visible.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Command, Reply, WorkProgress, WorkerMessage } from '../protocol/messages';
import { formatTimestamp } from '../engine/clock';
import { ClusterHost } from './clusterHost';
import { terminalParts } from './terminalParts';
import { CommandLoop } from './commandLoop';
import { dataFor } from './lazyCommandData';

function setup(paced = false) {
  const host = new ClusterHost({ seed: 6 }, undefined, terminalParts);
  host.takeDiff();
  const posted: WorkerMessage[] = [];
  const tasks: Array<() => void> = [];
  /** The page-draw timeouts set, in order (run by hand). */
  const timeouts: Array<{ ms: number; fn: () => void }> = [];
  /** Diff messages the page has drawn (what the worker entry counts from `drawn`). */
  let drawn = 0;
  const diffsPosted = () => posted.filter((m) => m.type === 'diff').length;
  let wall = 0;
  const loop = new CommandLoop(host, {
    post: (m) => posted.push(m),
    // every look at the clock costs 1 ms: a slice of 8 ms is a handful of steps
    now: () => wall++,
    later: (fn) => tasks.push(fn),
    // paced: shorter slices, so a short command still posts several diffs
    sliceMs: paced ? 2 : 8,
    progressEveryMs: 0,
    ...(paced ? { awaitDrawn: { timeoutMs: 250, after: (ms: number, fn: () => void) => timeouts.push({ ms, fn }), behind: () => drawn < diffsPosted() } } : {}),
  });
  let nextId = 1;
  const send = (command: Command) => {
    const id = nextId++;
    loop.receive({ id, command });
    return id;
  };
  const replyTo = (id: number) => posted.find((m): m is Reply => m.type === 'reply' && m.id === id);
  const runTask = () => tasks.shift()?.();
  const runAll = () => {
    while (tasks.length) runTask();
  };
  /** The page says it drew the first `n` diffs (all of them by default). */
  const draw = (n = diffsPosted()) => {
    drawn = Math.max(drawn, n);
    send({ type: 'drawn', diffs: n });
  };
  return { host, loop, posted, tasks, timeouts, send, replyTo, runTask, runAll, draw, diffsPosted };
}

/**
 * Starts a container that exits 1 under restartPolicy Always: restarted forever (CrashLoopBackOff), it keeps
 * virtual time busy. On an idle cluster probes are quiet and a sleep ends in one slice.
 */
function crashLoop(t: ReturnType<typeof setup>): void {
  const id = t.send({ type: 'terminal', session: 't9', line: "kubectl run crash --image=busybox:1.36 -- sh -c 'exit 1'" });
  expect(t.replyTo(id)?.value).toMatchObject({ exitCode: 0 });
}

describe('CommandLoop', () => {
  it('answers short commands at once', () => {
    const t = setup();
    const id = t.send({ type: 'terminal', session: 't1', line: 'echo hi' });
    expect(t.replyTo(id)?.value).toEqual({ kind: 'terminal', output: [{ stream: 'stdout', text: 'hi\n' }], exitCode: 0, watching: false });
    expect(t.tasks).toHaveLength(0);
  });

  it('runs a long sleep in slices, answering ping and reads, streaming progress, and queueing changes behind it', () => {
    const t = setup();
    crashLoop(t);
    const start = t.host.current.now();
    const sleep = t.send({ type: 'terminal', session: 't1', line: 'sleep 24h' });
    expect(t.replyTo(sleep)).toBeUndefined();
    t.runTask();
    t.runTask();
    const ping = t.send({ type: 'ping' });
    const pong = t.replyTo(ping)?.value;
    expect(pong?.kind === 'pong' && pong.time).toBeGreaterThanOrEqual(start);
    expect(pong?.kind === 'pong' && pong.time).toBeLessThan(start + 86_400_000);
    const read = t.send({ type: 'selectorMatches', namespace: 'default', selector: { app: 'x' } });
    expect(t.replyTo(read)?.value).toEqual({ kind: 'names', names: [] });
    const apply = t.send({ type: 'terminal', session: 't2', line: 'kubectl run late --image=nginx:1.27' });
    expect(t.replyTo(apply)).toBeUndefined();
    t.runAll();
    const progress = t.posted.filter((m): m is WorkProgress => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((p) => p.id === sleep && p.label === 'sleep 24h')).toBe(true);
    expect(progress.map((p) => p.fraction)).toEqual([...progress.map((p) => p.fraction)].sort((a, b) => a - b));
    expect(t.replyTo(sleep)?.value).toEqual({ kind: 'terminal', output: [], exitCode: 0, watching: false });
    // the queued command ran after the sleep, at its end time
    const order = t.posted.filter((m): m is Reply => m.type === 'reply').map((m) => m.id);
    expect(order.indexOf(apply)).toBeGreaterThan(order.indexOf(sleep));
    expect(t.host.current.store.get('Pod', 'default/late')?.metadata?.creationTimestamp).toBe(formatTimestamp(start + 86_400_000));
    expect(t.host.current.now()).toBe(start + 86_400_000);
  });

  it('Ctrl+C in the sleeping session ends the sleep with status 130 and how far it got; Stop does the same by id', () => {
    const t = setup();
    crashLoop(t);
    const start = t.host.current.now();
    const sleep = t.send({ type: 'terminal', session: 't1', line: 'sleep 1000000h' });
    for (let i = 0; i < 5; i++) t.runTask();
    // Ctrl+C in another session does not touch it
    t.send({ type: 'interrupt', session: 't2' });
    t.runTask();
    expect(t.replyTo(sleep)).toBeUndefined();
    t.send({ type: 'interrupt', session: 't1' });
    t.runAll();
    const r = t.replyTo(sleep);
    expect(r?.value).toEqual({ kind: 'terminal', output: [], exitCode: 130, watching: false });
    expect(r?.interruptedAfterMs).toBe(t.host.current.now() - start);

    const adv = t.send({ type: 'advance', ms: 1e12 });
    t.runTask();
    t.send({ type: 'stop', id: adv });
    t.runAll();
    expect(t.replyTo(adv)?.interruptedAfterMs).toBeGreaterThan(0);
    expect(t.loop.busy).toBe(false);
  });

  it('an init (Reset) interrupts the long command instead of waiting behind it', () => {
    const t = setup();
    crashLoop(t);
    const sleep = t.send({ type: 'terminal', session: 't1', line: 'sleep 1000000h' });
    t.runTask();
    const init = t.send({ type: 'init', settings: { seed: 6 } });
    t.runAll();
    expect(t.replyTo(sleep)?.value).toMatchObject({ exitCode: 130 });
    expect(t.replyTo(init)?.ok).toBe(true);
  });

  it('paced to the page: a long command slices only while the page has drawn every diff, else waits for `drawn` or the timeout', () => {
    const t = setup(true);
    t.send({ type: 'terminal', session: 't1', line: 'kubectl create deployment web --image=nginx:1.27 --replicas=40' });
    expect(t.diffsPosted()).toBe(1);
    const adv = t.send({ type: 'advance', ms: 120_000 });
    t.runAll();
    // the page has not drawn the create's diff: the advance's first slice waits
    expect(t.diffsPosted()).toBe(1);
    expect(t.tasks).toHaveLength(0);
    expect(t.replyTo(adv)).toBeUndefined();
    // a ping is answered while it waits
    expect(t.replyTo(t.send({ type: 'ping' }))?.ok).toBe(true);
    t.draw();
    expect(t.tasks).toHaveLength(1);
    t.runAll();
    // one slice ran and posted what it changed; the next waits for the page again
    expect(t.diffsPosted()).toBe(2);
    expect(t.tasks).toHaveLength(0);
    // an acknowledgement of older diffs only: the slice looks, and waits on
    t.draw(1);
    t.runAll();
    expect(t.diffsPosted()).toBe(2);
    // the first wait's timeout, firing late, does not end the current wait
    t.timeouts[0].fn();
    expect(t.tasks).toHaveLength(0);
    // the current wait's does: a page that draws nothing must not stall the command
    expect(t.timeouts.at(-1)?.ms).toBe(250);
    t.timeouts.at(-1)?.fn();
    t.runAll();
    expect(t.diffsPosted()).toBe(3);
    // Stop ends the wait at once, and the command (a Reset's init does the same: see below)
    t.send({ type: 'stop', id: adv });
    t.runAll();
    expect(t.replyTo(adv)?.interruptedAfterMs).toBeGreaterThan(0);
    expect(t.loop.busy).toBe(false);
  });

  it('a Reset (init) does not wait for the page: it interrupts the waiting command at once', () => {
    const t = setup(true);
    t.send({ type: 'terminal', session: 't1', line: 'kubectl create deployment web --image=nginx:1.27 --replicas=40' });
    const adv = t.send({ type: 'advance', ms: 120_000 });
    t.runAll();
    expect(t.tasks).toHaveLength(0);
    const init = t.send({ type: 'init', settings: { seed: 6 } });
    t.runAll();
    expect(t.replyTo(adv)?.interruptedAfterMs).toBe(0);
    expect(t.replyTo(init)?.ok).toBe(true);
  });

  it('a paced run, drawn at every wait, builds the same cluster as an unpaced one', () => {
    const script: Command[] = [
      { type: 'terminal', session: 't1', line: 'kubectl create deployment web --image=nginx:1.27 --replicas=30' },
      { type: 'terminal', session: 't1', line: 'kubectl expose deployment web --port=80' },
      { type: 'advance', ms: 120_000 },
      { type: 'terminal', session: 't1', line: 'kubectl scale deployment web --replicas=2' },
      { type: 'terminal', session: 't1', line: 'sleep 5m' },
    ];
    const run = (paced: boolean) => {
      const t = setup(paced);
      for (const c of script) t.send(c);
      let waits = 0;
      for (;;) {
        t.runAll();
        if (!t.loop.busy) break;
        waits++;
        t.draw();
      }
      return { t, waits };
    };
    const paced = run(true);
    const unpaced = run(false);
    expect(paced.waits).toBeGreaterThan(1);
    expect(unpaced.waits).toBe(0);
    const dump = (h: ClusterHost) => JSON.stringify([h.current.now(), h.current.store.list('Pod'), h.current.store.list('EndpointSlice'), h.current.log.digest()]);
    expect(dump(paced.t.host)).toBe(dump(unpaced.t.host));
    // the page sees the same final cluster either way: every reply is the same
    const replies = (t: ReturnType<typeof setup>) => JSON.stringify(t.posted.filter((m) => m.type === 'reply'));
    expect(replies(paced.t)).toBe(replies(unpaced.t));
  });

  it('gives the same cluster as running every command in one go', () => {
    const script: Command[] = [
      { type: 'terminal', session: 't1', line: 'kubectl create deployment web --image=nginx:1.27 --replicas=3' },
      { type: 'terminal', session: 't1', line: 'kubectl expose deployment web --port=80' },
      { type: 'terminal', session: 't1', line: 'sleep 10m' },
      { type: 'terminal', session: 't1', line: 'kubectl scale deployment web --replicas=1' },
      { type: 'advance', ms: 90_000 },
    ];
    const sliced = setup();
    for (const c of script) sliced.send(c);
    sliced.runAll();
    const whole = new ClusterHost({ seed: 6 }, undefined, terminalParts);
    for (const c of script) whole.handle(1, c);
    const dump = (h: ClusterHost) => JSON.stringify([h.current.now(), h.current.store.list('Pod'), h.current.store.list('EndpointSlice'), h.current.log.digest()]);
    expect(dump(sliced.host)).toBe(dump(whole));
  });
});

describe('CommandLoop with data loaded on demand', () => {
  it('holds a command that needs kubectl explain’s schemas, and those after it, until they are loaded', async () => {
    const host = new ClusterHost({ seed: 6 }, undefined, terminalParts);
    const posted: WorkerMessage[] = [];
    let release: () => void = () => {};
    const loaded = new Promise<void>((r) => {
      release = r;
    });
    const loop = new CommandLoop(host, {
      post: (m) => posted.push(m),
      now: () => 0,
      later: () => {},
      dataFor: (c) => (c.type === 'terminal' && c.line.includes('explain') ? dataFor(c)?.then(() => loaded) : undefined),
    });
    const reply = (id: number) => posted.find((m): m is Reply => m.type === 'reply' && m.id === id);
    // a pipe runs kubectl synchronously: the schemas must be in before it starts
    loop.receive({ id: 1, command: { type: 'terminal', session: 't1', line: 'kubectl explain svc.spec.type | head -4' } });
    loop.receive({ id: 2, command: { type: 'terminal', session: 't1', line: 'echo after' } });
    expect(reply(1)).toBeUndefined();
    expect(reply(2)).toBeUndefined();
    release();
    await vi.waitFor(() => expect(reply(2)).toBeDefined());
    expect(reply(1)?.value).toMatchObject({ output: [{ stream: 'stdout', text: 'KIND:       Service\nVERSION:    v1\n\nFIELD: type <string>\n' }], exitCode: 0 });
    expect(posted.filter((m) => m.type === 'reply').map((m) => (m as Reply).id)).toEqual([1, 2]);
  });
});
