/**
 * Coalesces watch events into one ClusterDiff per flush, as record diffs with the previous value: the buffer
 * remembers what it last sent of every mirrored object, so an object changed five times between two frames
 * crosses once as `[what the UI has, latest]`; one created and deleted in between not at all; one deleted and
 * re-created comes back as an update.
 */
import type { LogEntry, WatchEvent } from '../engine';
import type { ClusterDiff, ClusterChanges, KindChanges, WireLogEntry } from '../protocol/messages';
import { type WireKind, type WireObject, keyOfWire } from '../protocol/objects';
import { serviceHasReady, serviceOfSlice, withPodView, withProxyView } from './wireView';

/** The cluster as the buffer needs to read it when a Service-wide fact changes. */
export interface DiffSource {
  /** The current EndpointSlices of Service `namespace/name`. */
  slicesOfService(namespace: string, service: string): WireObject[];
}

const noSource: DiffSource = { slicesOfService: () => [] };

export class DiffBuffer {
  /** What the main thread holds: every object as of the last flush. */
  private sent = new Map<string, WireObject>();
  /** Latest state of each key changed since the last flush; `undefined` when it was deleted. */
  private pending = new Map<string, WireObject | undefined>();
  private log: WireLogEntry[] = [];
  private rv = 0;
  private reset = false;

  constructor(private readonly source: DiffSource = noSource) {}

  add(e: WatchEvent): void {
    const obj = { ...(e.object as unknown as WireObject), kind: e.kind as WireKind };
    this.rv = Math.max(this.rv, e.resourceVersion);
    this.pending.set(keyOfWire(obj), e.type === 'DELETED' ? undefined : obj);
  }

  addLog(entry: LogEntry): void {
    this.log.push({ ...entry });
  }

  /** Marks the next diff as a full replacement of the mirror: everything after this is `added`. */
  markReset(): void {
    this.reset = true;
    this.sent.clear();
    this.pending.clear();
    this.log = [];
  }

  isEmpty(): boolean {
    return !this.reset && this.pending.size === 0 && this.log.length === 0;
  }

  /** Takes everything buffered as one diff. */
  flush(time: number): ClusterDiff {
    this.refreshServiceFacts();
    const changes: ClusterChanges = {};
    const of = (kind: WireKind): KindChanges => {
      let c = changes[kind];
      if (!c) {
        c = { added: [], updated: [], removed: [] };
        changes[kind] = c;
      }
      return c;
    };
    const hasReady = new Map<string, boolean>();
    for (const [key, latest] of this.pending) {
      const from = this.sent.get(key);
      if (!latest) {
        // created and deleted between two flushes: the UI never saw it
        if (from) {
          of(from.kind).removed.push(from);
          this.sent.delete(key);
        }
        continue;
      }
      const to = this.decorate(latest, hasReady);
      if (from) of(to.kind).updated.push([from, to]);
      else of(to.kind).added.push(to);
      this.sent.set(key, to);
    }
    const diff: ClusterDiff = { type: 'diff', resourceVersion: this.rv, time, reset: this.reset, changes, log: this.log };
    this.pending = new Map();
    this.log = [];
    this.reset = false;
    return diff;
  }

  private decorate(o: WireObject, hasReady: Map<string, boolean>): WireObject {
    if (o.kind === 'Pod') return withPodView(o);
    if (o.kind !== 'EndpointSlice') return o;
    const svc = serviceOfSlice(o);
    if (!svc) return withProxyView(o, serviceHasReady([o]));
    let has = hasReady.get(svc);
    if (has === undefined) {
      has = serviceHasReady(this.slicesOf(svc));
      hasReady.set(svc, has);
    }
    return withProxyView(o, has);
  }

  /**
   * kube-proxy's choice for one endpoint depends on the whole Service (any Ready endpoint anywhere?). When a
   * changed slice flips that fact, the Service's unchanged slices are re-sent too, with their new choice.
   */
  private refreshServiceFacts(): void {
    const services = new Set<string>();
    for (const [key, latest] of this.pending) {
      const o = latest ?? this.sent.get(key);
      const svc = o?.kind === 'EndpointSlice' ? serviceOfSlice(o) : undefined;
      if (svc) services.add(svc);
    }
    for (const svc of services) {
      const slices = this.slicesOf(svc);
      const has = serviceHasReady(slices);
      for (const s of slices) {
        const key = keyOfWire(s);
        const before = this.sent.get(key);
        if (!this.pending.has(key) && before && before.proxyView?.serviceHasReady !== has) this.pending.set(key, s);
      }
    }
  }

  private slicesOf(svc: string): WireObject[] {
    const slash = svc.indexOf('/');
    return this.source.slicesOfService(svc.slice(0, slash), svc.slice(slash + 1)).map((s) => ({ ...s, kind: 'EndpointSlice' as const }));
  }
}
