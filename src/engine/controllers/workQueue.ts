/**
 * A controller work queue (client-go `workqueue`): keys, deduplicated while waiting, processed in the order
 * they were first added; failed keys come back after an exponential backoff on the virtual clock
 * (5 ms doubling up to 1000 s, the default controller rate limiter).
 */
import type { VirtualClock } from '../clock';

export class WorkQueue {
  private pending = new Set<string>();
  private failures = new Map<string, number>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly name: string,
  ) {}

  add(key: string): void {
    this.pending.add(key);
  }

  /** Adds the key after `delayMs` of virtual time. */
  addAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) {
      this.add(key);
      return;
    }
    this.clock.schedule(delayMs, `${this.name}:requeue ${key}`, () => this.add(key));
  }

  /** Requeues a key that failed, with per-key exponential backoff. */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(5 * 2 ** n, 1_000_000));
  }

  /** Clears the backoff of a key that synced successfully. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /** Takes the oldest key, or undefined when empty. */
  pop(): string | undefined {
    for (const k of this.pending) {
      this.pending.delete(k);
      return k;
    }
    return undefined;
  }

  get length(): number {
    return this.pending.size;
  }
}
