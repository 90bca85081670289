/**
 * The reservations one API request makes in one range (`portallocator.PortAllocationOperation`, and the
 * callback transactions of `storage/alloc.go` for ClusterIPs). Allocations happen at once so later steps of the
 * same request see them; releases of what an update drops are deferred to `commit`, so a request that fails
 * half-way changes nothing: `revert` gives back what it took and keeps what it would have released.
 */
export interface ReservableRange<T> {
  allocate(value: T): string | undefined;
  release(value: T): void;
}

export class RangeOperation<T> {
  private readonly taken: T[] = [];
  private readonly deferred: T[] = [];

  constructor(private readonly range: ReservableRange<T>) {}

  /** Reserves a requested value; returns the allocator's error text on failure. */
  allocate(value: T): string | undefined {
    const err = this.range.allocate(value);
    if (err === undefined) this.taken.push(value);
    return err;
  }

  /** Records a value the range handed out dynamically, so `revert` gives it back. */
  track(value: T): void {
    this.taken.push(value);
  }

  /** Releases a value only if the whole request succeeds. */
  releaseDeferred(value: T): void {
    this.deferred.push(value);
  }

  /** The request was stored: perform the deferred releases. */
  commit(): void {
    for (const v of this.deferred) this.range.release(v);
    this.deferred.length = 0;
    this.taken.length = 0;
  }

  /** The request failed (or was a dry run): give back everything it took. */
  revert(): void {
    for (let i = this.taken.length - 1; i >= 0; i--) this.range.release(this.taken[i]);
    this.taken.length = 0;
    this.deferred.length = 0;
  }
}
