/**
 * A controller work queue (client-go `workqueue`): keys, deduplicated while waiting, processed in the order
 * they were first added; failed keys come back after an exponential backoff on the virtual clock
 * (5 ms doubling up to 1000 s, the default controller rate limiter).
 */
import type { VirtualClock } from '../clock';

export class WorkQueue {
  /** Keys waiting, for deduplication; `order` holds them in the order they were added. */
  private pending = new Set<string>();
  private order: string[] = [];
  private head = 0;
  private failures = new Map<string, number>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly name: string,
  ) {}

  add(key: string): void {
    if (this.pending.has(key)) return;
    this.pending.add(key);
    this.order.push(key);
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
    // an array walked from a moving head: taking the first key of a Set would step over every deleted one
    if (this.head === this.order.length) return undefined;
    const k = this.order[this.head++];
    if (this.head === this.order.length) {
      this.order = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
    this.pending.delete(k);
    return k;
  }

  get length(): number {
    return this.pending.size;
  }
}
