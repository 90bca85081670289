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

interface ServiceState {
  serviceTime: number;
  podTimes: Map<string, number>;
  /** The map of the sync before last, cleared and refilled by the next sync (one pair per Service). */
  spare: Map<string, number>;
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
    const state = this.states.get(serviceKey);
    let min = 0;
    const podTimes = state?.spare ?? new Map<string, number>();
    podTimes.clear();
    for (const pod of pods) {
      const t = this.podTimes.of(pod);
      if (!t) continue;
      const name = pod.metadata?.name ?? '';
      podTimes.set(name, t);
      if (t > (state?.podTimes.get(name) ?? 0) && (min === 0 || t < min)) min = t;
    }
    const serviceTime = toMs(svc.metadata?.creationTimestamp);
    if (serviceTime > (state?.serviceTime ?? 0) && (min === 0 || serviceTime < min)) min = serviceTime;
    if (!state) {
      this.states.set(serviceKey, { serviceTime, podTimes, spare: new Map() });
      return serviceTime || undefined;
    }
    state.spare = state.podTimes;
    state.podTimes = podTimes;
    state.serviceTime = serviceTime;
    return min || undefined;
  }

  deleteService(serviceKey: string): void {
    this.states.delete(serviceKey);
  }
}
