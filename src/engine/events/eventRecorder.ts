/**
 * The event recorder (client-go `record.EventRecorder` with its correlator): writes core/v1 Events about an
 * object. Repeats of the same event (same source, object, type, reason and message) bump `count` and
 * `lastTimestamp` of the existing Event instead of creating another. Events expire after the apiserver's
 * default `--event-ttl` of one hour.
 */
import type { ApiServer } from '../apiserver/apiServer';
import { type FixedDelayTimers, formatRfc3339Micro, parseTimestamp, type VirtualClock } from '../clock';
import { apiVersionFor } from '../api/resources';
import type { Event, Kind, KubeObject } from '../api/types';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

const eventTtlMs = 60 * 60 * 1000;

/**
 * client-go `tools/events` (the events.k8s.io/v1 recorder kube-scheduler uses): an isomorphic event within
 * `finishTime` of the last one joins its series; a series is written back every `refreshTime`.
 */
const seriesFinishMs = 6 * 60 * 1000;
const seriesRefreshMs = 30 * 60 * 1000;

/** Who records through events.k8s.io/v1: `reportingController` and `reportingInstance` (`<controller>-<hostname>`). */
export interface EventsV1Reporter {
  controller: string;
  instance: string;
}

interface SeriesEntry {
  namespace: string;
  name: string;
  /** 1 until a second isomorphic event; then the series count. */
  count: number;
  lastObserved: number;
  written: number;
}

/**
 * `now` ms × 1,000,000 + `extra`, in hex, with doubles only (a BigInt per event was a measurable cost): the
 * product passes 2^53, so it is built from two exact halves split at 2^24 (4-bit aligned for the hex).
 */
export function nanosHex(now: number, extra: number): string {
  const high = Math.floor(now / 2 ** 24);
  const low = now - high * 2 ** 24;
  const lowNanos = low * 1_000_000 + extra; // < 2^45: exact
  const carry = Math.floor(lowNanos / 2 ** 24);
  const hi = high * 1_000_000 + carry; // < 2^40: exact
  const lo = lowNanos - carry * 2 ** 24; // < 2^24: six hex digits
  return hi > 0 ? `${hi.toString(16)}${lo.toString(16).padStart(6, '0')}` : lo.toString(16);
}

export class EventRecorder {
  private byIdentity = new Map<string, string>();
  private counter = 0;
  /** Every Event expires one TTL after it was last seen: one FIFO of timers instead of a heap entry each. */
  private readonly ttl: FixedDelayTimers;
  /** events.k8s.io/v1 recorder's cache of isomorphic events (client-go `tools/events` eventCache). */
  private readonly series = new Map<string, SeriesEntry>();
  private readonly seriesRefresh: FixedDelayTimers;

  constructor(
    private readonly api: ApiServer,
    private readonly clock: VirtualClock,
  ) {
    this.ttl = clock.fixedDelay(eventTtlMs);
    this.seriesRefresh = clock.fixedDelay(seriesRefreshMs);
  }

  /**
   * Records an event through events.k8s.io/v1, as kube-scheduler does (client-go `tools/events` recorder.go
   * makeEvent). Read back through core/v1 it has an `eventTime`, no first/last timestamps or count, an empty
   * `source`, and `reportingComponent`/`reportingInstance`, which `kubectl get events -o wide` shows as SOURCE
   * (`default-scheduler, default-scheduler-kind-control-plane`). A repeat within six minutes becomes a series:
   * the second occurrence is written at once with count 2, later ones when the series is refreshed (every 30
   * minutes, event_broadcaster.go refreshExistingEventSeries).
   */
  eventV1(obj: KubeObject, kind: Kind, reporter: EventsV1Reporter, type: EventType, reason: string, action: string, message: string): void {
    const meta = obj.metadata ?? {};
    const namespace = meta.namespace || 'default';
    const now = this.clock.now();
    const identity = [reporter.controller, reporter.instance, kind, namespace, meta.name ?? '', meta.uid ?? '', type, reason, action, message].join('\u0000');
    const cached = this.series.get(identity);
    if (cached && now - cached.lastObserved <= seriesFinishMs) {
      cached.count++;
      cached.lastObserved = now;
      if (cached.count === 2) this.writeSeries(cached);
      return;
    }
    const name = `${meta.name}.${nanosHex(now, this.counter++ % 1_000_000)}`;
    const involvedObject: Event['involvedObject'] = { kind };
    if (meta.namespace !== undefined) involvedObject.namespace = meta.namespace;
    if (meta.name !== undefined) involvedObject.name = meta.name;
    if (meta.uid !== undefined) involvedObject.uid = meta.uid;
    involvedObject.apiVersion = apiVersionFor(kind);
    if (meta.resourceVersion !== undefined) involvedObject.resourceVersion = meta.resourceVersion;
    const ev = {
      action,
      apiVersion: 'v1',
      eventTime: formatRfc3339Micro(now),
      firstTimestamp: null,
      involvedObject,
      kind: 'Event',
      lastTimestamp: null,
      message,
      metadata: { name, namespace },
      reason,
      reportingComponent: reporter.controller,
      reportingInstance: reporter.instance,
      source: {},
      type,
    } as unknown as Event;
    const res = this.api.create('Event', ev, { handOver: true });
    if (!res.ok) return;
    const entry: SeriesEntry = { namespace, name, count: 1, lastObserved: now, written: 1 };
    this.series.set(identity, entry);
    this.expireLater(identity, namespace, name);
    const refresh = () => {
      if (this.series.get(identity) !== entry) return;
      if (this.clock.now() - entry.lastObserved > seriesFinishMs) {
        this.series.delete(identity);
        return;
      }
      if (entry.count > entry.written) this.writeSeries(entry);
      this.seriesRefresh.schedule(`event-series ${namespace}/${name}`, refresh);
    };
    this.seriesRefresh.schedule(`event-series ${namespace}/${name}`, refresh);
  }

  private writeSeries(entry: SeriesEntry): void {
    const cur = this.api.get('Event', entry.namespace, entry.name);
    if (!cur.ok) return;
    entry.written = entry.count;
    const series = { count: entry.count, lastObservedTime: formatRfc3339Micro(entry.lastObserved) };
    this.api.update('Event', { ...cur.value, series }, { handOver: true });
  }

  /** Records an event about `obj`. `fieldPath` points into the object (e.g. `spec.containers{nginx}`). */
  event(obj: KubeObject, kind: Kind, source: EventSource, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const meta = obj.metadata ?? {};
    const namespace = meta.namespace || 'default';
    // one flat key (a template would keep a tree of its parts alive as long as the cache holds the key)
    const identity = [source.component, source.host ?? '', kind, namespace, meta.name ?? '', meta.uid ?? '', fieldPath ?? '', type, reason, message].join('\u0000');
    const now = this.clock.now();
    const existingName = this.byIdentity.get(identity);
    if (existingName) {
      const existing = this.api.get('Event', namespace, existingName);
      if (existing.ok) {
        const ev = existing.value;
        this.api.update('Event', { ...ev, count: (ev.count ?? 1) + 1, lastTimestamp: this.clock.timestamp() }, { handOver: true });
        this.expireLater(identity, namespace, existingName);
        return;
      }
    }
    // metav1 event names: "<object name>.<unix nanoseconds in hex>"
    const name = `${meta.name}.${nanosHex(now, this.counter++ % 1_000_000)}`;
    // Built with only the fields that are set (no `undefined` members): the apiserver keeps this very object.
    const involvedObject: Event['involvedObject'] = { kind };
    if (meta.namespace !== undefined) involvedObject.namespace = meta.namespace;
    if (meta.name !== undefined) involvedObject.name = meta.name;
    if (meta.uid !== undefined) involvedObject.uid = meta.uid;
    involvedObject.apiVersion = apiVersionFor(kind);
    if (meta.resourceVersion !== undefined) involvedObject.resourceVersion = meta.resourceVersion;
    if (fieldPath) involvedObject.fieldPath = fieldPath;
    const ev: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: this.clock.timestamp(),
      lastTimestamp: this.clock.timestamp(),
      count: 1,
      type,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    const res = this.api.create('Event', ev, { handOver: true });
    if (res.ok) {
      this.byIdentity.set(identity, name);
      this.expireLater(identity, namespace, name);
    }
  }

  private expireLater(identity: string, namespace: string, name: string): void {
    const seenAt = this.clock.now();
    this.ttl.schedule(`event-ttl ${namespace}/${name}`, () => {
      const cur = this.api.get('Event', namespace, name);
      if (!cur.ok) return;
      const last = cur.value.lastTimestamp ? parseTimestamp(cur.value.lastTimestamp) : seenAt;
      if (last > seenAt) return; // refreshed since; a later timer removes it
      this.api.delete('Event', namespace, name);
      this.byIdentity.delete(identity);
    });
  }
}
