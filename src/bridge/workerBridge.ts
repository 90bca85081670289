/**
 * The main-thread side of the simulation worker: typed request/reply over postMessage, diffs delivered in
 * one batch per animation frame (at most `maxObjectsPerFrame` objects a frame, so a cluster growing by thousands
 * of pods is drawn over several frames instead of blocking one), an acknowledgement once they are drawn (a long command
 * waits for it, so the simulation does not take the core the page renders on), progress of long commands, and crash recovery. Every command that changes the
 * cluster is logged as started before it is sent and finished when its reply comes. If the worker throws or
 * stops answering its heartbeat, a new worker is started and the log is replayed, without the command that was
 * running when it died (the poison: replaying it would hang again), and within a time budget per command and in
 * total. The engine is deterministic, so the rebuilt cluster is the same cluster.
 */
import {
  type ClusterDiff,
  type Command,
  type CommandEnvelope,
  type Reply,
  type TerminalChunk,
  type WorkProgress,
  type WorkerMessage,
  describeCommand,
  isMutating,
} from '../protocol/messages';
import { diffSize } from '../protocol/diffChunks';
import { CommandLog } from './commandLog';
import type { SessionEntry, SessionStore } from './sessionStore';

export type DiffListener = (diffs: ClusterDiff[]) => void;

/** What a rebuild (after a crash, a hang, or a reload) did. */
export interface RebuildReport {
  /** Why it happened: `the simulation stopped answering`, or `reload`. */
  reason: string;
  /** Commands replayed. */
  replayed: number;
  /** Commands not replayed because they hung, crashed or never finished, as the user would name them. */
  skipped: string[];
  /** Commands left out because the replay ran past its total time budget. */
  abandoned: number;
}

export interface BridgeEvents {
  onDiffs: DiffListener;
  /** Output a terminal's foreground watch produced as the cluster changed. */
  onTerminalStream?(session: string, chunks: TerminalChunk[], ended?: boolean): void;
  /** A long command's progress; `undefined` once no command is running. */
  onProgress?(progress: WorkProgress | undefined): void;
  /** The worker was replaced, or the saved session restored, and its cluster rebuilt. */
  onRebuilt?(report: RebuildReport): void;
}

/** The minimal Worker surface the bridge uses (a fake one drives the tests in Node). */
export interface WorkerLike {
  postMessage(msg: CommandEnvelope): void;
  terminate(): void;
  onmessage: ((ev: { data: WorkerMessage }) => void) | null;
  onerror: ((ev: { message?: string; preventDefault(): void }) => void) | null;
}

export interface BridgeOptions {
  store?: SessionStore;
  /** Wall clock, ms. */
  now?: () => number;
  /** Runs `fn` before the next paint (diffs are delivered in one batch per frame). */
  frame?: (fn: () => void) => void;
  /** Runs `fn` after the current frame is painted: when the worker is told the diffs are drawn. */
  afterPaint?: (fn: () => void) => void;
  /** True while the page is hidden: no frame comes, so diffs are acknowledged as they arrive. */
  hidden?: () => boolean;
  heartbeatEveryMs?: number;
  /** No message for this long means the worker hangs. */
  heartbeatTimeoutMs?: number;
  /** A replayed command that takes longer than this, or goes silent for the heartbeat timeout, is a poison one. */
  replayCommandMs?: number;
  /** A replay stops after this long; the rest of the log is left out. */
  replayTotalMs?: number;
}

interface Pending {
  command: Command;
  seq?: number;
  resolve(r: Reply): void;
}

/** Objects applied per animation frame; a larger backlog waits for the next frames, in order. */
const maxObjectsPerFrame = 100;

/** Runs `fn` when the page is next idle (at most 200 ms later), or after the current task where there is no idle callback. */
function idleCallback(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout: 200 });
  else setTimeout(fn, 0);
}

/** What arrived from the worker and waits for a frame: a diff, or a reply that must not overtake the diffs before it. */
type Inbound = { diff: ClusterDiff } | { resolve(): void };

/** Why the bridge restarted the worker, when it knows (the page names them in its language); else the browser's or the worker's own message. */
export const restartReasons = {
  terminated: 'the worker was terminated',
  failed: 'the simulation worker failed',
  unresponsive: 'the simulation stopped answering',
} as const;

export class WorkerBridge {
  private worker!: WorkerLike;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private inbox: Inbound[] = [];
  /** Diff messages received from the current worker (what a `drawn` acknowledges). */
  private diffsReceived = 0;
  private framed = false;
  private readonly log: CommandLog;
  private lastHeard = 0;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private rebuilding: Promise<void> | undefined;
  private progressId: number | undefined;
  private readonly now: () => number;
  private readonly frame: (fn: () => void) => void;
  private readonly afterPaint: (fn: () => void) => void;
  private readonly hidden: () => boolean;
  private readonly heartbeatEveryMs: number;
  private readonly timeoutMs: number;
  private readonly replayCommandMs: number;
  private readonly replayTotalMs: number;

  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly events: BridgeEvents,
    options: BridgeOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.frame = options.frame ?? ((fn) => requestAnimationFrame(() => fn()));
    // once the frame is painted and the work it set off (React Flow measuring the new cards, effects, deferred
    // renders) is done: the worker must not take the core back while the page still renders
    this.afterPaint = options.afterPaint ?? idleCallback;
    this.hidden = options.hidden ?? (() => typeof document !== 'undefined' && document.visibilityState === 'hidden');
    this.heartbeatEveryMs = options.heartbeatEveryMs ?? 2000;
    this.timeoutMs = options.heartbeatTimeoutMs ?? 15_000;
    this.replayCommandMs = options.replayCommandMs ?? 30_000;
    this.replayTotalMs = options.replayTotalMs ?? 120_000;
    this.log = new CommandLog(options.store);
    this.worker = this.spawn();
    this.heartbeat = setInterval(() => this.checkHeartbeat(), this.heartbeatEveryMs);
  }

  /** Sends a command and resolves with the worker's reply. */
  async send(command: Command): Promise<Reply> {
    while (this.rebuilding) await this.rebuilding;
    if (!isMutating(command)) return this.post(command);
    const seq = this.log.start(command);
    const reply = await this.post(command, seq);
    // a command cut short by a restart was dropped from the log there
    if (reply.ok || !reply.error?.startsWith('the simulation restarted')) this.log.finish(seq, replayAs(command, reply));
    return reply;
  }

  /**
   * Rebuilds the saved session in the (fresh) worker: the commands that finished are replayed; one that never
   * finished (the page was reloaded while it ran, or it hung the worker) is skipped. Returns what it did.
   * `onLogRead` is called once the saved log has been read, with the replay under way.
   */
  async restore(onLogRead?: () => void): Promise<RebuildReport> {
    // commands sent meanwhile wait: they come after the saved ones
    let loaded!: () => void;
    this.rebuilding = new Promise((resolve) => {
      loaded = resolve;
    });
    try {
      await this.log.loadSaved();
    } finally {
      this.rebuilding = undefined;
      loaded();
    }
    const rebuilt = this.rebuild('reload', () => {});
    // the replay's first command (or, with nothing saved, the caller's first) is posted before any other task runs
    onLogRead?.();
    return rebuilt;
  }

  /** Test and diagnostics hook: kill the worker as if it had crashed. */
  crashForTest(): void {
    this.worker.terminate();
    void this.restart(restartReasons.terminated);
  }

  /** The logged commands, oldest first: what a restart replays (an export or a take-over writes them whole). */
  entries(): SessionEntry[] {
    return this.log.entries();
  }

  /** How many commands a restart would replay. */
  get loggedCommands(): number {
    return this.log.size;
  }

  dispose(): void {
    this.worker.terminate();
    if (this.heartbeat) clearInterval(this.heartbeat);
  }

  private post(command: Command, seq?: number): Promise<Reply> {
    const id = this.nextId++;
    const envelope: CommandEnvelope = { id, command };
    return new Promise((resolve) => {
      this.pending.set(id, { command, seq, resolve });
      this.worker.postMessage(envelope);
    });
  }

  private spawn(): WorkerLike {
    const w = this.createWorker();
    this.diffsReceived = 0;
    this.lastHeard = this.now();
    w.onmessage = (ev) => {
      if (w === this.worker) this.receive(ev.data);
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      if (w === this.worker) void this.restart(ev.message || restartReasons.failed);
    };
    return w;
  }

  private checkHeartbeat(): void {
    if (this.rebuilding) return;
    if (this.now() - this.lastHeard > this.timeoutMs) {
      this.worker.terminate();
      void this.restart(restartReasons.unresponsive);
      return;
    }
    // the worker answers pings between the slices of long work, so one is always welcome
    void this.post({ type: 'ping' });
  }

  private restart(reason: string): Promise<void> {
    if (this.rebuilding) return this.rebuilding;
    // The command the worker was running when it died is the poison: the oldest one still unfinished.
    // Whatever was in flight dies with the old worker (its caller gets an error).
    const inFlight = [...this.pending];
    this.pending.clear();
    // replies already received are answers; only the old worker's diffs die
    for (const item of this.inbox) if ('resolve' in item) item.resolve();
    this.inbox = [];
    for (const [id, p] of inFlight) if (p.command.type !== 'ping') p.resolve({ type: 'reply', id, ok: false, error: `the simulation restarted (${reason})` });
    const done = this.rebuild(reason, () => {
      this.worker.terminate();
      this.worker = this.spawn();
    }).then((report) => this.events.onRebuilt?.(report));
    return done;
  }

  /**
   * Replays the log's finished commands into a new worker. Unfinished ones are dropped (the first named as
   * skipped); a replayed command that takes longer than its budget is poison too: dropped, and the rebuild
   * starts over without it.
   */
  private rebuild(reason: string, freshWorker: () => void): Promise<RebuildReport> {
    const run = async (): Promise<RebuildReport> => {
      const skipped: string[] = [];
      this.setProgress(undefined);
      const unfinished = this.log.entries().filter((e) => e.status !== 'finished');
      for (const e of unfinished) if (isUserCommand(e.command)) skipped.push(describeCommand(e.command));
      this.log.drop(unfinished.map((e) => e.seq));
      const started = this.now();
      for (;;) {
        freshWorker();
        const entries = this.log.entries();
        const outcome = await this.replay(entries, started);
        if (outcome.type === 'done') return { reason, replayed: entries.length, skipped, abandoned: 0 };
        if (outcome.type === 'abandoned') {
          this.log.drop(entries.slice(outcome.index).map((e) => e.seq));
          return { reason, replayed: outcome.index, skipped, abandoned: entries.length - outcome.index };
        }
        // a poison command: leave it out and start over in a new worker
        skipped.push(describeCommand(entries[outcome.index].command));
        this.log.drop([entries[outcome.index].seq]);
        this.worker.terminate();
        freshWorker = () => {
          this.worker = this.spawn();
        };
      }
    };
    const p = run().finally(() => {
      this.rebuilding = undefined;
    });
    this.rebuilding = p.then(() => undefined);
    return p;
  }

  private async replay(entries: readonly SessionEntry[], started: number): Promise<{ type: 'done' } | { type: 'poison' | 'abandoned'; index: number }> {
    for (let i = 0; i < entries.length; i++) {
      const left = this.replayTotalMs - (this.now() - started);
      if (left <= 0) return { type: 'abandoned', index: i };
      const budget = Math.min(this.replayCommandMs, left);
      const reply = await this.postWithin(entries[i].command, budget);
      if (!reply) {
        // silent, or over its own budget: poison; over what was left of the total: the replay ran out of time
        const total = this.now() - started >= this.replayTotalMs;
        return { type: total ? 'abandoned' : 'poison', index: i };
      }
    }
    return { type: 'done' };
  }

  /**
   * Posts a command; undefined when no reply came within `ms`, or the worker went silent (no progress, no
   * reply) for the heartbeat timeout while it ran: the worker is then terminated.
   */
  private postWithin(command: Command, ms: number): Promise<Reply | undefined> {
    return new Promise((resolve) => {
      const started = this.now();
      const check = setInterval(() => {
        const t = this.now();
        if (t - started <= ms && t - this.lastHeard <= this.timeoutMs) return;
        clearInterval(check);
        this.worker.terminate();
        this.pending.clear();
        resolve(undefined);
      }, this.heartbeatEveryMs);
      void this.post(command).then((r) => {
        clearInterval(check);
        resolve(r);
      });
    });
  }

  private setProgress(p: WorkProgress | undefined): void {
    if (p === undefined && this.progressId === undefined) return;
    this.progressId = p?.id;
    this.events.onProgress?.(p);
  }

  private schedule(): void {
    if (this.framed) return;
    this.framed = true;
    this.frame(() => {
      this.framed = false;
      this.deliver();
    });
  }

  /** One frame's worth of the inbox, in arrival order: diffs up to the budget, and the replies between them. */
  private deliver(): void {
    let batch: ClusterDiff[] = [];
    let used = 0;
    while (this.inbox.length) {
      const item = this.inbox[0];
      if ('diff' in item) {
        const size = diffSize(item.diff);
        if (used > 0 && used + size > maxObjectsPerFrame) break;
        batch.push(item.diff);
        used += size;
      } else {
        if (batch.length) this.events.onDiffs(batch);
        batch = [];
        item.resolve();
      }
      this.inbox.shift();
    }
    if (batch.length) this.events.onDiffs(batch);
    if (this.inbox.length) this.schedule();
    // everything the worker sent is drawn once this frame is painted: a long command waits for that
    else if (used > 0) {
      const worker = this.worker;
      const diffs = this.diffsReceived;
      this.afterPaint(() => this.drawn(worker, diffs));
    }
  }

  /** Tells `worker` the page has drawn the first `diffs` diffs it sent (fire and forget: never answered, never logged). */
  private drawn(worker: WorkerLike, diffs: number): void {
    if (worker === this.worker) worker.postMessage({ id: 0, command: { type: 'drawn', diffs } });
  }

  private receive(msg: WorkerMessage): void {
    this.lastHeard = this.now();
    if (msg.type === 'diff') {
      this.diffsReceived++;
      this.inbox.push({ diff: msg });
      this.schedule();
      if (this.hidden()) this.drawn(this.worker, this.diffsReceived);
      return;
    }
    if (msg.type === 'progress') {
      if (!this.rebuilding) this.setProgress(msg);
      return;
    }
    if (msg.type === 'terminalStream') {
      if (!this.rebuilding) this.events.onTerminalStream?.(msg.session, msg.chunks, msg.ended);
      return;
    }
    if (msg.type === 'reply') {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.id === this.progressId) this.setProgress(undefined);
      if (!p) return;
      // Replies wait for the diffs sent before them, so a caller sees the cluster the reply describes.
      if (this.inbox.length === 0) p.resolve(msg);
      else this.inbox.push({ resolve: () => p.resolve(msg) });
      return;
    }
    this.worker.terminate();
    void this.restart(msg.error);
  }
}

/** What a replay runs for a command given its reply: an interrupted one stops where it stopped. */
function replayAs(command: Command, reply: Reply): Command {
  // a step replays as the advance it made, so it merges with the clock's ticks around it in the log
  if (command.type === 'step' && reply.value?.kind === 'step') return { type: 'advance', ms: reply.value.movedMs };
  const at = reply.interruptedAfterMs;
  if (at === undefined) return command;
  if (command.type === 'terminal') return { ...command, stopAfterMs: at };
  if (command.type === 'advance' || command.type === 'step') return { type: 'advance', ms: at };
  return command;
}

/** Clock ticks and Ctrl+C are not worth naming when skipped: the user did not type them as commands. */
function isUserCommand(c: Command): boolean {
  return c.type !== 'advance' && c.type !== 'step' && c.type !== 'interrupt';
}
