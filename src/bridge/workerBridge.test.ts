/**
 * WorkerBridge in Node: a fake Worker runs the real worker logic (ClusterHost behind a CommandLoop) and can be
 * told to hang or crash, so restart, replay, poison skipping and reload restore are tested end to end.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Command, CommandEnvelope, Reply, WorkProgress, WorkerMessage } from '../protocol/messages';
import { ClusterHost } from '../worker/clusterHost';
import { terminalParts } from '../worker/terminalParts';
import { CommandLoop } from '../worker/commandLoop';
import { MemorySessionStore } from './sessionStore';
import { type BridgeOptions, type RebuildReport, WorkerBridge, type WorkerLike } from './workerBridge';

class FakeWorker implements WorkerLike {
  onmessage: ((ev: { data: WorkerMessage }) => void) | null = null;
  onerror: ((ev: { message?: string; preventDefault(): void }) => void) | null = null;
  readonly host = new ClusterHost({ seed: 8 }, undefined, terminalParts);
  private readonly loop: CommandLoop;
  private hung = false;
  terminated = false;
  received: Command[] = [];
  /** Commands posted to this worker so far, counted as they are posted (before the worker gets them). */
  posted = 0;

  constructor(private readonly crashOn?: (c: Command) => boolean) {
    this.loop = new CommandLoop(this.host, {
      post: (m) => setImmediate(() => !this.hung && !this.terminated && this.onmessage?.({ data: m })),
      now: () => performance.now(),
      later: (fn) => setImmediate(() => !this.hung && !this.terminated && fn()),
      sliceMs: 2,
      // the real worker spins forever; the fake stops answering anything, which the bridge cannot tell apart
      hang: () => {
        this.hung = true;
      },
    });
  }

  postMessage(msg: CommandEnvelope): void {
    this.posted++;
    setImmediate(() => {
      if (this.hung || this.terminated) return;
      this.received.push(msg.command);
      if (this.crashOn?.(msg.command)) {
        this.onerror?.({ message: 'Uncaught RangeError: boom', preventDefault() {} });
        return;
      }
      this.loop.receive(msg);
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

const bridges: WorkerBridge[] = [];
afterEach(() => {
  for (const b of bridges.splice(0)) b.dispose();
});

function setup(opts: { store?: MemorySessionStore; crashOn?: (c: Command) => boolean; options?: BridgeOptions } = {}) {
  const workers: FakeWorker[] = [];
  const reports: RebuildReport[] = [];
  const progress: Array<WorkProgress | undefined> = [];
  const bridge = new WorkerBridge(
    () => {
      const w = new FakeWorker(opts.crashOn);
      workers.push(w);
      return w;
    },
    { onDiffs: () => {}, onRebuilt: (r) => reports.push(r), onProgress: (p) => progress.push(p) },
    // building a kind cluster (kube-system included) blocks the fake worker's thread for a few hundred ms on a
    // loaded machine: the heartbeat timeout leaves room for that, or a busy build would look like a hang
    { store: opts.store, frame: (fn) => setImmediate(fn), heartbeatEveryMs: 20, heartbeatTimeoutMs: 2000, replayCommandMs: 10_000, replayTotalMs: 20_000, ...opts.options },
  );
  bridges.push(bridge);
  const current = () => workers[workers.length - 1];
  return { bridge, workers, current, reports, progress };
}

const until = async (cond: () => boolean, ms = 10_000) => {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

const pods = (w: FakeWorker) => w.host.current.store.list('Pod', 'default').map((p) => p.metadata?.name).sort();
const run = (line: string): Command => ({ type: 'terminal', session: 't1', line });
/**
 * A container that exits 1 under restartPolicy Always, restarted forever (CrashLoopBackOff): it keeps virtual time
 * busy. On an idle cluster probes are quiet, nothing is due, and even `sleep 1000000h` ends in one slice.
 */
const crashLoop = run("kubectl run crash --image=busybox:1.36 -- sh -c 'exit 1'");

describe('WorkerBridge', () => {
  it('replays the log into a new worker after a crash, and the cluster is the same', async () => {
    const t = setup();
    await t.bridge.send({ type: 'init', settings: { seed: 8 } });
    await t.bridge.send(run('kubectl create deployment web --image=nginx:1.27 --replicas=2'));
    await t.bridge.send({ type: 'advance', ms: 30_000 });
    const before = { pods: pods(t.current()), time: t.current().host.current.now() };
    t.bridge.crashForTest();
    await until(() => t.reports.length === 1);
    expect(t.workers).toHaveLength(2);
    expect(t.reports[0]).toEqual({ reason: 'the worker was terminated', replayed: 3, skipped: [], abandoned: 0 });
    expect({ pods: pods(t.current()), time: t.current().host.current.now() }).toEqual(before);
  });

  it('a running clock and steps keep the log short: ticks and steps merge into one advance that replays exactly', async () => {
    const t = setup();
    await t.bridge.send({ type: 'init', settings: { seed: 8 } });
    await t.bridge.send(run('kubectl create deployment web --image=nginx:1.27 --replicas=3'));
    // (the IndexedDB session log folds its records the same way: see sessionLog.test.ts) a minute of the ×1 clock (250 ms ticks), with Step pressed in between
    for (let i = 0; i < 240; i++) {
      await t.bridge.send(i % 60 === 30 ? { type: 'step', maxMs: 3_600_000 } : { type: 'advance', ms: 250 });
    }
    const time = t.current().host.current.now();
    expect(t.bridge.entries().map((e) => e.command.type)).toEqual(['init', 'terminal', 'advance']);
    t.bridge.crashForTest();
    await until(() => t.reports.length === 1);
    expect(t.reports[0].replayed).toBe(3);
    expect(t.current().host.current.now()).toBe(time);
  });

  it('skips the command that hung the worker, names it, and fails its caller', async () => {
    const t = setup();
    await t.bridge.send({ type: 'init', settings: { seed: 8 } });
    await t.bridge.send(run('kubectl run alpaca --image=nginx:1.27'));
    const hung = await t.bridge.send({ type: 'hang' });
    expect(hung.ok).toBe(false);
    expect(hung.error).toBe('the simulation restarted (the simulation stopped answering)');
    await until(() => t.reports.length === 1);
    expect(t.reports[0]).toEqual({ reason: 'the simulation stopped answering', replayed: 2, skipped: ['hang'], abandoned: 0 });
    expect(t.current().received.map((c) => c.type)).not.toContain('hang');
    expect(pods(t.current())).toEqual(['alpaca']);
    expect(t.bridge.loggedCommands).toBe(2);
    // and the new worker answers
    expect((await t.bridge.send({ type: 'ping' })).ok).toBe(true);
  });

  it('skips a command that crashes the worker', async () => {
    const t = setup({ crashOn: (c) => c.type === 'terminal' && c.line === 'kubectl poison' });
    await t.bridge.send({ type: 'init', settings: { seed: 8 } });
    await t.bridge.send(run('kubectl run alpaca --image=nginx:1.27'));
    const r = await t.bridge.send(run('kubectl poison'));
    expect(r.ok).toBe(false);
    await until(() => t.reports.length === 1);
    expect(t.reports[0].skipped).toEqual(['kubectl poison']);
    expect(t.reports[0].reason).toBe('Uncaught RangeError: boom');
    expect(t.workers).toHaveLength(2);
  });

  it('on reload, replays what finished and skips the command that never did', async () => {
    const store = new MemorySessionStore([
      { seq: 1, command: { type: 'init', settings: { seed: 8 } }, status: 'finished' },
      { seq: 2, command: run('kubectl run alpaca --image=nginx:1.27'), status: 'finished' },
      { seq: 3, command: run('sleep 1000000h'), status: 'started' },
    ]);
    const t = setup({ store });
    const report = await t.bridge.restore();
    expect(report).toEqual({ reason: 'reload', replayed: 2, skipped: ['sleep 1000000h'], abandoned: 0 });
    expect(pods(t.current())).toEqual(['alpaca']);
    expect(store.snapshot().map((e) => e.seq)).toEqual([1, 2]);
    // an unfinished clock tick is dropped without being named
    const ticking = new MemorySessionStore([
      { seq: 1, command: { type: 'init' }, status: 'finished' },
      { seq: 2, command: { type: 'advance', ms: 250 }, status: 'started' },
    ]);
    expect((await setup({ store: ticking }).bridge.restore()).skipped).toEqual([]);
  });

  it('says when the saved log has been read: the first replayed command is posted by then, the rebuild still runs', async () => {
    const store = new MemorySessionStore([
      { seq: 1, command: { type: 'init', settings: { seed: 8 } }, status: 'finished' },
      { seq: 2, command: run('kubectl run alpaca --image=nginx:1.27'), status: 'finished' },
    ]);
    const t = setup({ store });
    let rebuilt = false;
    const atRead: { posted: number; rebuilt: boolean }[] = [];
    const restoring = t.bridge.restore(() => atRead.push({ posted: t.current().posted, rebuilt }));
    const report = await restoring;
    rebuilt = true;
    // the page's first render waits for this (src/app/startApp.ts readyToRender), not for the whole replay
    expect(atRead).toEqual([{ posted: 1, rebuilt: false }]);
    expect(report.replayed).toBe(2);
    // with nothing saved it is called as well: the caller then sends the first command itself
    const empty = setup();
    let calls = 0;
    await empty.bridge.restore(() => calls++);
    expect(calls).toBe(1);
  });

  it('a replayed command that goes silent is poison: dropped, and the replay starts over without it', async () => {
    const store = new MemorySessionStore([
      { seq: 1, command: { type: 'init', settings: { seed: 8 } }, status: 'finished' },
      { seq: 2, command: { type: 'hang' }, status: 'finished' },
      { seq: 3, command: run('kubectl run alpaca --image=nginx:1.27'), status: 'finished' },
    ]);
    const t = setup({ store });
    const report = await t.bridge.restore();
    expect(report).toEqual({ reason: 'reload', replayed: 2, skipped: ['hang'], abandoned: 0 });
    expect(t.workers).toHaveLength(2);
    expect(pods(t.current())).toEqual(['alpaca']);
    expect(store.snapshot().map((e) => e.seq)).toEqual([1, 3]);
  });

  it('a replayed command that stays alive but runs past its own budget is poison too', async () => {
    const store = new MemorySessionStore([
      { seq: 1, command: { type: 'init', settings: { seed: 8 } }, status: 'finished' },
      { seq: 2, command: crashLoop, status: 'finished' },
      { seq: 3, command: run('sleep 1000000h'), status: 'finished' },
      { seq: 4, command: run('kubectl run alpaca --image=nginx:1.27'), status: 'finished' },
    ]);
    const t = setup({ store, options: { replayCommandMs: 500 } });
    const report = await t.bridge.restore();
    expect(report).toEqual({ reason: 'reload', replayed: 3, skipped: ['sleep 1000000h'], abandoned: 0 });
    expect(pods(t.current())).toEqual(['alpaca', 'crash']);
  });

  it('a replay past its total budget leaves the rest out and says how many', async () => {
    const store = new MemorySessionStore([
      { seq: 1, command: { type: 'init', settings: { seed: 8 } }, status: 'finished' },
      ...Array.from({ length: 30 }, (_, i) => ({ seq: i + 2, command: run(`kubectl run p${i} --image=nginx:1.27`), status: 'finished' as const })),
    ]);
    const t = setup({ store, options: { replayTotalMs: 1 } });
    const report = await t.bridge.restore();
    expect(report.abandoned).toBeGreaterThan(0);
    expect(report.replayed + report.abandoned).toBe(31);
    expect(t.bridge.loggedCommands).toBe(report.replayed);
  });

  it('records an interrupted sleep with how far it got, so a restart rebuilds the time the user saw', async () => {
    const store = new MemorySessionStore();
    // a timeout well above a loaded machine's scheduling hiccups, and a sleep that outlasts it
    const t = setup({ store, options: { heartbeatTimeoutMs: 1500 } });
    await t.bridge.send({ type: 'init', settings: { seed: 8 } });
    await t.bridge.send(crashLoop);
    const sleeping = t.bridge.send(run('sleep 1000000h'));
    await until(() => t.progress.some((p) => p !== undefined && p.doneMs > 0));
    expect(t.progress.find((p) => p)?.label).toBe('sleep 1000000h');
    // the heartbeat keeps being answered while it sleeps
    await new Promise((r) => setTimeout(r, 2500));
    expect(t.workers).toHaveLength(1);
    await t.bridge.send({ type: 'interrupt', session: 't1' });
    const reply: Reply = await sleeping;
    expect(reply.value).toMatchObject({ kind: 'terminal', exitCode: 130 });
    expect(t.progress[t.progress.length - 1]).toBeUndefined();
    const at = reply.interruptedAfterMs ?? 0;
    expect(at).toBeGreaterThan(0);
    expect(store.snapshot()[2].command).toEqual({ ...run('sleep 1000000h'), stopAfterMs: at });
    const time = t.current().host.current.now();
    t.bridge.crashForTest();
    await until(() => t.reports.length === 1);
    expect(t.current().host.current.now()).toBe(time);
  });
});
