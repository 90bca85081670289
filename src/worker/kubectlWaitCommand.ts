/**
 * A kubectl command blocked on virtual time (`wait`, `rollout status`, `delete` waiting for the objects to go)
 * as a running command: its waits run in slices, and Ctrl+C ends it where it is. As kubectl killed by SIGINT,
 * it prints nothing more (the terminal echoes `^C`) and the status is 130. A replay with `stopAfterMs` ends it
 * at the same virtual instant.
 */
import { advanceRefusal, type Cluster, TimeLimitError } from '../engine';
import type { KubectlResult, KubectlRun } from '../kubectl/kubectl';
import type { TerminalResult } from './terminalSessions';
import type { RunningCommand } from './runningCommand';
import type { ReplyValue } from '../protocol/messages';

type Waiting = Extract<KubectlRun, { type: 'waiting' }>;

export class KubectlWaitCommand implements RunningCommand {
  private run: Waiting;
  private readonly start: number;
  private readonly stopAt: number | undefined;
  private waitStart: number;
  private deadline: number;
  private interrupted = false;
  private done: TerminalResult | undefined;

  constructor(
    private readonly cluster: Cluster,
    readonly session: string,
    readonly label: string,
    run: Waiting,
    private readonly present: (r: KubectlResult) => TerminalResult,
    stopAfterMs?: number,
  ) {
    this.run = run;
    this.start = cluster.now();
    this.stopAt = stopAfterMs === undefined ? undefined : this.start + Math.max(0, stopAfterMs);
    this.waitStart = this.start;
    this.deadline = this.start;
    this.enter(run);
  }

  slice(maxSteps: number): boolean {
    if (this.done) return true;
    if (this.interrupted) {
      // finish the instant being worked on, so a replay can stop at the same instant
      this.cluster.drain();
      return this.end();
    }
    const limit = this.stopAt === undefined ? this.deadline : Math.min(this.deadline, this.stopAt);
    const met = this.cluster.runUntilSlice(this.run.wait.until, limit, maxSteps);
    if (met === undefined) return false;
    if (this.stopAt !== undefined && this.cluster.now() >= this.stopAt) {
      this.interrupted = true;
      return this.end();
    }
    return this.enter(this.run.resume(met));
  }

  /**
   * Takes up the command's next state: done, or a new wait from now. A wait that would cross the last timestamp
   * is refused before the clock moves, thrown into the command as `Cluster.runUntil` does for `runKubectl`.
   */
  private enter(run: KubectlRun): boolean {
    let next = run;
    while (next.type === 'waiting') {
      const refused = advanceRefusal(this.cluster.now(), next.wait.maxMs, `advancing the clock by ${next.wait.maxMs} ms`);
      if (!refused) break;
      next = next.fail(new TimeLimitError(refused));
    }
    if (next.type === 'done') {
      this.done = this.present(next.result);
      return true;
    }
    this.run = next;
    this.waitStart = this.cluster.now();
    this.deadline = this.waitStart + next.wait.maxMs;
    return false;
  }

  interrupt(): void {
    if (!this.done) this.interrupted = true;
  }

  progress(): { fraction: number; doneMs: number } {
    const total = this.deadline - this.waitStart;
    const fraction = total > 0 ? Math.min(1, (this.cluster.now() - this.waitStart) / total) : 1;
    return { fraction, doneMs: this.cluster.now() - this.start };
  }

  outcome(): { value: ReplyValue; interruptedAfterMs?: number } {
    const r = this.done ?? { output: [], exitCode: 0, watching: false };
    return {
      value: { kind: 'terminal', output: r.output, exitCode: r.exitCode, watching: r.watching, ...(r.prompt !== undefined ? { prompt: r.prompt } : {}) },
      ...(this.interrupted ? { interruptedAfterMs: this.cluster.now() - this.start } : {}),
    };
  }

  private end(): boolean {
    this.done = this.present(this.run.interrupt());
    return true;
  }
}
