/**
 * Long work in the worker: a command that moves virtual time far (`sleep 1000000h`, `advance`, `step`) runs in
 * budgeted slices, so between two slices the worker answers pings, streams progress and takes Ctrl+C.
 */
import { type Cluster, type Kind, StepToChange } from '../engine';
import type { ReplyValue } from '../protocol/messages';

/** A command being worked on in slices. */
export interface RunningCommand {
  /** What runs, as the user would name it. */
  readonly label: string;
  /** The terminal session it runs in, when it was typed into one. */
  readonly session?: string;
  /** Does at most about `maxSteps` steps of work; true once the command has finished. */
  slice(maxSteps: number): boolean;
  /** Share of the virtual time to cover that is done (0..1), and the virtual ms covered so far. */
  progress(): { fraction: number; doneMs: number };
  /** Ctrl+C: the next slice finishes the current instant and ends the command. */
  interrupt(): void;
  /** The reply value once finished, and how far it got when interrupted. */
  outcome(): { value: ReplyValue; interruptedAfterMs?: number };
}

/**
 * Virtual time moving to `start + ms`, or only to `start + stopAfterMs` when a replay says it was interrupted
 * there. An interruption lands between two instants: the instant being worked on is finished first, so the
 * cluster is one a replay can reach again by advancing exactly `interruptedAfterMs`.
 */
export class AdvanceWork {
  private readonly start: number;
  private readonly target: number;
  private readonly stopAt: number;
  private interrupted = false;
  private done = false;

  constructor(
    private readonly cluster: Cluster,
    ms: number,
    stopAfterMs?: number,
  ) {
    this.start = cluster.now();
    this.target = this.start + Math.max(0, ms);
    this.stopAt = stopAfterMs === undefined ? this.target : Math.min(this.target, this.start + Math.max(0, stopAfterMs));
  }

  slice(maxSteps: number): boolean {
    if (this.done) return true;
    if (this.interrupted) {
      this.cluster.drain();
      this.done = true;
      return true;
    }
    this.done = this.cluster.advanceSlice(this.stopAt, maxSteps);
    if (this.done && this.stopAt < this.target) this.interrupted = true;
    return this.done;
  }

  interrupt(): void {
    if (!this.done) this.interrupted = true;
  }

  /** Virtual ms covered so far. */
  get doneMs(): number {
    return this.cluster.now() - this.start;
  }

  /** True when the advance ended before its target (Ctrl+C now, or in the run a replay reproduces). */
  get wasInterrupted(): boolean {
    return this.interrupted;
  }

  progress(): { fraction: number; doneMs: number } {
    const total = this.target - this.start;
    const doneMs = this.doneMs;
    return { fraction: total > 0 ? Math.min(1, doneMs / total) : 1, doneMs };
  }
}

/** The clock's `advance` and `step` commands as running commands. */
export function advanceCommand(cluster: Cluster, label: string, ms: number): RunningCommand {
  const work = new AdvanceWork(cluster, ms);
  return {
    label,
    slice: (n) => work.slice(n),
    progress: () => work.progress(),
    interrupt: () => work.interrupt(),
    outcome: () => ({ value: { kind: 'none' }, ...(work.wasInterrupted ? { interruptedAfterMs: work.doneMs } : {}) }),
  };
}

/**
 * The clock's `step`: time moves to the next write to an object of `kinds` (what the UI shows), at most `maxMs`.
 * Ctrl+C or Stop ends it at the instant it has reached, finished first, as an interrupted advance does.
 */
export function stepCommand(cluster: Cluster, kinds: ReadonlySet<Kind>, maxMs: number): RunningCommand {
  const step = new StepToChange(cluster, kinds, maxMs);
  const start = cluster.now();
  let interrupted = false;
  let done = false;
  return {
    label: 'step',
    slice: (n) => {
      if (done) return true;
      if (interrupted) {
        step.finish();
        cluster.drain();
        done = true;
        return true;
      }
      done = step.slice(n);
      return done;
    },
    progress: () => {
      const doneMs = cluster.now() - start;
      return { fraction: maxMs > 0 ? Math.min(1, doneMs / maxMs) : 1, doneMs };
    },
    interrupt: () => {
      if (!done) interrupted = true;
    },
    outcome: () => {
      const { changed, movedMs } = step.outcome();
      return { value: { kind: 'step', changed, movedMs }, ...(interrupted ? { interruptedAfterMs: movedMs } : {}) };
    },
  };
}
