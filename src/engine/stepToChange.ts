/**
 * Step to the next change someone can see: virtual time moves timer by timer until an object of one of the
 * watched kinds is written (its resourceVersion moves), or `maxMs` has passed. Many timers change nothing a
 * viewer reads (a probe that passes again, a requeue that finds nothing to do), so "the next scheduled event"
 * is not a useful step; "the next write to a displayed kind" is. Runs in budgeted slices like `advance`, and
 * any slicing reaches the same cluster as one call (the engine is deterministic).
 */
import type { Cluster } from './cluster';
import type { Kind } from './api/types';
import { advanceRefusal, TimeLimitError } from './timeLimit';

/** How a step ended: whether a watched object changed, and how far virtual time moved. */
export interface StepOutcome {
  changed: boolean;
  movedMs: number;
}

/** A step in progress; `slice` until it returns true, then read `outcome`. */
export class StepToChange {
  private readonly start: number;
  private readonly deadline: number;
  private changed = false;
  private finished = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly cluster: Cluster,
    kinds: ReadonlySet<Kind>,
    maxMs: number,
  ) {
    const refused = advanceRefusal(cluster.now(), maxMs, `stepping up to ${maxMs} ms`);
    if (refused) throw new TimeLimitError(refused);
    this.start = cluster.now();
    this.deadline = this.start + Math.max(0, maxMs);
    this.unsubscribe = cluster.subscribe((e) => {
      if (kinds.has(e.kind)) this.changed = true;
    });
  }

  /** At most about `maxSteps` steps of work; true once a change was seen or the deadline passed. */
  slice(maxSteps: number): boolean {
    if (this.finished) return true;
    const r = this.cluster.runUntilSlice(() => this.changed, this.deadline, maxSteps);
    if (r === undefined) return false;
    this.finish();
    return true;
  }

  /** Stops watching (Ctrl+C or Stop): the step ends where it is. */
  finish(): void {
    this.finished = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  outcome(): StepOutcome {
    return { changed: this.changed, movedMs: this.cluster.now() - this.start };
  }
}

/** Moves virtual time to the next write to an object of `kinds`, at most `maxMs` ahead. */
export function stepToChange(cluster: Cluster, kinds: ReadonlySet<Kind>, maxMs: number): StepOutcome {
  const step = new StepToChange(cluster, kinds, maxMs);
  while (!step.slice(Number.POSITIVE_INFINITY));
  return step.outcome();
}
