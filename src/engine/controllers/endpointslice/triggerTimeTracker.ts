/**
 * `TriggerTimeTracker` (`k8s.io/endpointslice/util/trigger_time_tracker.go`): computes the
 * `endpoints.kubernetes.io/last-change-trigger-time` annotation. The trigger time of a pod is its Ready
 * condition's lastTransitionTime, of a Service its creationTimestamp. On the first sync of a Service the
 * annotation is the Service's creation time; afterwards it is the earliest trigger time that changed since the
 * previous sync, or nothing (the annotation is then removed).
 */
import { parseTimestamp } from '../../clock';
import type { Pod, Service } from '../../api/types';
import { podReadyTransitionTime } from './podEndpoint';

/** A pod's trigger time as of the Service's last sync, and the one before (what that sync compared with). */
interface PodTime {
  time: number;
  before: number;
  /** The sync that last saw the pod. */
  sync: number;
}

interface ServiceState {
  serviceTime: number;
  /** The pods (with a trigger time) of the last sync, updated in place: a sync allocates nothing for pods it saw before. */
  pods: Map<string, PodTime>;
  syncs: number;
}

function toMs(t: string | undefined): number {
  const ms = t ? parseTimestamp(t) : Number.NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * Trigger times per (immutable) stored pod, one table per cluster: both endpoint controllers read every pod
 * of a Service per sync.
 */
export class PodTriggerTimes {
  private readonly times = new WeakMap<Pod, number>();

  of(pod: Pod): number {
    let t = this.times.get(pod);
    if (t === undefined) {
      t = toMs(podReadyTransitionTime(pod));
      this.times.set(pod, t);
    }
    return t;
  }
}

export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  constructor(private readonly podTimes: PodTriggerTimes) {}

  /** The trigger time to export for this sync (ms since the epoch), or undefined for none. */
  compute(serviceKey: string, svc: Service, pods: readonly Pod[]): number | undefined {
    let state = this.states.get(serviceKey);
    const first = !state;
    if (!state) {
      state = { serviceTime: 0, pods: new Map(), syncs: 0 };
      this.states.set(serviceKey, state);
    }
    const sync = ++state.syncs;
    let min = 0;
    for (const pod of pods) {
      const t = this.podTimes.of(pod);
      if (!t) continue;
      const name = pod.metadata?.name ?? '';
      let seen = state.pods.get(name);
      if (!seen) {
        seen = { time: 0, before: 0, sync: 0 };
        state.pods.set(name, seen);
      }
      // what the previous sync recorded for this pod (none when it did not see it)
      if (seen.sync !== sync) seen.before = seen.sync === sync - 1 ? seen.time : 0;
      seen.time = t;
      seen.sync = sync;
      if (t > seen.before && (min === 0 || t < min)) min = t;
    }
    // pods this sync did not see (gone, or without a trigger time) are forgotten, as a fresh map would
    for (const [name, seen] of state.pods) if (seen.sync !== sync) state.pods.delete(name);
    const serviceTime = toMs(svc.metadata?.creationTimestamp);
    if (serviceTime > state.serviceTime && (min === 0 || serviceTime < min)) min = serviceTime;
    state.serviceTime = serviceTime;
    if (first) return serviceTime || undefined;
    return min || undefined;
  }

  deleteService(serviceKey: string): void {
    this.states.delete(serviceKey);
  }
}
