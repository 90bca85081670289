/**
 * The worker's event loop: commands run one after another, and a long one (virtual time moving far) runs in
 * slices of a few ms of CPU, yielding to the event loop between them. Between slices the worker answers
 * `ping` (so the heartbeat never mistakes long work for a hang), answers questions that change nothing,
 * streams progress and diffs, and takes `interrupt` (Ctrl+C) and `stop`. Commands that change the cluster wait
 * their turn, so the order of changes is the order they were sent, sliced or not.
 */
import { type Command, type CommandEnvelope, type WorkerMessage, isMutating } from '../protocol/messages';
import type { ClusterHost } from './clusterHost';
import type { RunningCommand } from './runningCommand';

export interface CommandLoopOptions {
  post(msg: WorkerMessage): void;
  /** Wall clock in ms (`performance.now`): how long a slice has run. */
  now(): number;
  /** Runs `fn` after the events waiting now (a zero-delay macrotask). */
  later(fn: () => void): void;
  /** The `hang` test hook (an endless loop in the real worker). */
  hang?(): void;
  /** CPU ms per slice. */
  sliceMs?: number;
  /** Least wall ms between two progress messages. */
  progressEveryMs?: number;
  /**
   * Pace long commands to the page: while the page has not drawn every diff it was sent (`behind`), the next
   * slice waits for its `drawn` (or `timeoutMs`, for a page that draws nothing), so the page renders on a core
   * of its own. Unset: slices follow each other.
   */
  awaitDrawn?: { timeoutMs: number; after(ms: number, fn: () => void): void; behind(): boolean };
  /**
   * Data a command needs that loads on demand (src/worker/lazyCommandData.ts): a promise while it loads, then the
   * command runs (and every command after it waits its turn). Undefined: the command runs now.
   */
  dataFor?(command: Command): Promise<unknown> | undefined;
}

/** Steps of work between two looks at the wall clock. */
const stepsPerCheck = 32;

export class CommandLoop {
  private readonly queue: CommandEnvelope[] = [];
  private running: { id: number; command: RunningCommand } | undefined;
  private lastProgress = Number.NEGATIVE_INFINITY;
  private scheduled = false;
  /** Set while a long command waits for the page to draw what it was sent; counts the waits. */
  private waiting: number | undefined;
  private waits = 0;
  /** The next slice runs whether or not the page has drawn (a wait timed out, or Ctrl+C must be taken). */
  private goOn = false;
  /** Set while the next command's data loads. */
  private loading = false;

  constructor(
    private readonly host: ClusterHost,
    private readonly options: CommandLoopOptions,
  ) {}

  /** One message from the main thread. */
  receive(envelope: CommandEnvelope): void {
    const { id, command } = envelope;
    switch (command.type) {
      case 'ping':
        this.options.post(this.host.handle(id, command));
        return;
      case 'drawn':
        this.resume(false);
        return;
      case 'interrupt':
      case 'hangup':
        if (this.running?.command.session === command.session) {
          this.running.command.interrupt();
          this.resume(true);
        }
        // also stops the session's watch, and is logged and replayed like any other command
        this.options.post(this.host.handle(id, command));
        return;
      case 'stop':
        if (this.running?.id === command.id) {
          this.running.command.interrupt();
          this.resume(true);
        }
        this.options.post({ type: 'reply', id, ok: true, value: { kind: 'none' } });
        return;
      case 'hang':
        this.options.hang?.();
        this.options.post({ type: 'reply', id, ok: false, error: 'hang: this worker has no hang hook' });
        return;
    }
    // Reset rebuilds the cluster from scratch: what runs now would only delay it
    if (command.type === 'init' && this.running) {
      this.running.command.interrupt();
      this.resume(true);
    }
    if (!isMutating(command) && this.running) {
      this.options.post(this.host.handle(id, command));
      return;
    }
    this.queue.push(envelope);
    this.pump();
  }

  /** True while a command is being worked on or waits its turn. */
  get busy(): boolean {
    return this.running !== undefined || this.queue.length > 0;
  }

  private pump(): void {
    while (!this.running && !this.loading) {
      const next = this.queue[0];
      if (!next) return;
      const data = this.options.dataFor?.(next.command);
      if (data) {
        this.loading = true;
        // a load that fails is the command's to report: it runs either way
        const go = () => {
          this.loading = false;
          this.pump();
        };
        data.then(go, go);
        return;
      }
      this.queue.shift();
      const started = this.host.begin(next.id, next.command);
      if (started.type === 'reply') {
        this.reply(started);
        continue;
      }
      this.running = { id: next.id, command: started.running };
      this.lastProgress = this.options.now();
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.options.later(() => {
      this.scheduled = false;
      this.slice();
    });
  }

  private slice(): void {
    const r = this.running;
    if (!r) return;
    if (this.waitForPage()) return;
    const until = this.options.now() + (this.options.sliceMs ?? 8);
    let reply = this.host.step(r.id, r.command, stepsPerCheck);
    while (!reply && this.options.now() < until) reply = this.host.step(r.id, r.command, stepsPerCheck);
    if (reply) {
      this.running = undefined;
      this.reply(reply);
      this.pump();
      return;
    }
    const t = this.options.now();
    if (t - this.lastProgress >= (this.options.progressEveryMs ?? 100)) {
      this.lastProgress = t;
      const p = r.command.progress();
      const diff = this.host.takeDiff();
      if (diff) this.options.post(diff);
      this.options.post({ type: 'progress', id: r.id, label: r.command.label, fraction: p.fraction, doneMs: p.doneMs });
    }
    this.schedule();
  }

  /** True when the next slice must first wait for the page to draw what it was sent (the wait is then set). */
  private waitForPage(): boolean {
    const pace = this.options.awaitDrawn;
    if (this.goOn || !pace?.behind()) {
      this.goOn = false;
      return false;
    }
    const wait = ++this.waits;
    this.waiting = wait;
    pace.after(pace.timeoutMs, () => {
      if (this.waiting === wait) this.resume(true);
    });
    return true;
  }

  /** The page drew (the slice looks again), or the wait is over regardless (`force`): the running command goes on. */
  private resume(force: boolean): void {
    if (this.waiting === undefined) return;
    this.waiting = undefined;
    if (force) this.goOn = true;
    this.schedule();
  }

  /** A reply goes after the diff of what its command changed, so the UI sees the cluster the reply describes. */
  private reply(reply: ReturnType<ClusterHost['handle']>): void {
    const diff = this.host.takeDiff();
    if (diff) this.options.post(diff);
    this.options.post(reply);
  }
}
