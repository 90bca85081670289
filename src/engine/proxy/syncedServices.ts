/**
 * The Services one node's kube-proxy saw at its last sync, as the tracker's immutable snapshots. A sync only
 * records which snapshot each changed Service now has (as upstream's partial sync touches only the changed
 * Services), so its cost is the number of changes; the mode's rules are rendered from these snapshots when
 * someone reads them (a tool's output, a packet walk, the Rules view), and are the rules of that sync's instant.
 */
import type { ProxyState, ServiceSnapshot } from './serviceChangeTracker';

export class SyncedServices {
  private readonly snaps = new Map<string, ServiceSnapshot>();
  private sorted: string[] | undefined;
  /** Services whose snapshot changed since `takeChanged` last ran; undefined when everything did. */
  private changedSince: Set<string> | undefined;
  /** Counts the syncs recorded: a model built from these snapshots is current while the count is the same. */
  version = 0;

  /** Records what a sync sees: the listed Services (`ns/name`), or every Service when `changed` is undefined. */
  apply(state: ProxyState, changed: ReadonlySet<string> | undefined): void {
    this.version++;
    if (!changed) {
      this.snaps.clear();
      for (const svc of state.serviceNames()) {
        const snap = state.snapshot(svc);
        if (snap) this.snaps.set(svc, snap);
      }
      this.sorted = undefined;
      this.changedSince = undefined;
      return;
    }
    for (const svc of changed) {
      const snap = state.snapshot(svc);
      const had = this.snaps.has(svc);
      if (snap) this.snaps.set(svc, snap);
      else this.snaps.delete(svc);
      if (had !== (snap !== undefined)) this.sorted = undefined;
      this.changedSince?.add(svc);
    }
  }

  /** The synced Services with ports, sorted by `ns/name`. */
  names(): readonly string[] {
    this.sorted ??= [...this.snaps.keys()].sort();
    return this.sorted;
  }

  get(service: string): ServiceSnapshot | undefined {
    return this.snaps.get(service);
  }

  /** The Services changed since the previous call (undefined: all of them), and starts counting again. */
  takeChanged(): ReadonlySet<string> | undefined {
    const c = this.changedSince;
    // nothing changed (every packet walk asks): the same empty set, not a new one
    if (c !== undefined && c.size === 0) return c;
    this.changedSince = new Set();
    return c;
  }
}
