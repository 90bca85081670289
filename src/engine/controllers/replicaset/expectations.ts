/**
 * Controller expectations (`UIDTrackingControllerExpectations` in `pkg/controller/controller_utils.go`): after a
 * sync asks for N creations and some deletions, the controller does not act on that object again until the
 * informer has shown them, so a sync never double-creates from a stale cache. Expectations expire after five
 * minutes, as in Kubernetes, so a lost event cannot wedge an object forever.
 */

/** `ExpectationsTimeout` */
const expectationsTimeoutMs = 5 * 60 * 1000;

interface Expectation {
  add: number;
  del: number;
  /** Keys of the pods whose deletion we wait to observe. */
  deleting: Set<string>;
  at: number;
}

export class ControllerExpectations {
  private readonly byKey = new Map<string, Expectation>();

  constructor(private readonly now: () => number) {}

  /** Whether the controller may sync `key`: nothing outstanding, or the expectation timed out. */
  satisfied(key: string): boolean {
    const e = this.byKey.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.now() - e.at > expectationsTimeoutMs;
  }

  /** Records that `count` creations are about to be requested. */
  expectCreations(key: string, count: number): void {
    this.byKey.set(key, { add: count, del: 0, deleting: new Set(), at: this.now() });
  }

  /** Records the pods about to be deleted. */
  expectDeletions(key: string, podKeys: readonly string[]): void {
    this.byKey.set(key, { add: 0, del: podKeys.length, deleting: new Set(podKeys), at: this.now() });
  }

  /** The informer showed one of the expected creations (or a creation failed and will never show). */
  creationObserved(key: string): void {
    const e = this.byKey.get(key);
    if (e) e.add--;
  }

  /** The informer showed the deletion of `podKey`; only counted once per expected pod. */
  deletionObserved(key: string, podKey: string): void {
    const e = this.byKey.get(key);
    if (e?.deleting.delete(podKey)) e.del--;
  }

  /** Forgets an object's expectations (it was deleted). */
  delete(key: string): void {
    this.byKey.delete(key);
  }
}
