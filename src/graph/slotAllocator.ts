/**
 * Stable slots for the pods of one node box: a pod keeps its slot for as long as it stays in the box, a pod
 * that leaves frees its slot, and a newcomer takes the lowest free one. Nothing else moves when one pod
 * changes. Each operation costs O(log n) plus the free-list shift, never a scan of the box.
 */
export class SlotAllocator {
  private readonly slots = new Map<string, number>();
  /** Free slots below `next`, ascending. */
  private readonly free: number[] = [];
  /** One past the highest slot ever handed out and not yet trimmed. */
  private next = 0;

  get size(): number {
    return this.slots.size;
  }

  /** The highest occupied slot, or -1 when the box is empty. */
  get maxSlot(): number {
    return this.next - 1;
  }

  slotOf(pod: string): number | undefined {
    return this.slots.get(pod);
  }

  /** Gives `pod` the lowest free slot (or its current one). */
  take(pod: string): number {
    const had = this.slots.get(pod);
    if (had !== undefined) return had;
    const slot = this.free.length ? (this.free.shift() as number) : this.next++;
    this.slots.set(pod, slot);
    return slot;
  }

  /** Frees `pod`'s slot. */
  release(pod: string): void {
    const slot = this.slots.get(pod);
    if (slot === undefined) return;
    this.slots.delete(pod);
    if (slot === this.next - 1) {
      // the top slot went: trim free slots now at the top, so the box can shrink
      this.next--;
      while (this.free.length && this.free[this.free.length - 1] === this.next - 1) {
        this.free.pop();
        this.next--;
      }
      return;
    }
    this.free.splice(lowerBound(this.free, slot), 0, slot);
  }
}

function lowerBound(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
