/**
 * Pod predicates the workload controllers share (`pkg/api/v1/pod/util.go`, `controller.IsPodActive`):
 * active, ready, available after minReadySeconds.
 */
import type { Pod, PodCondition } from '../../api/types';
import { parseTimestamp } from '../../clock';

/** Not finished and not being deleted (`controller.IsPodActive`). */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

/** Being deleted but not finished (`controller.IsPodTerminating`). */
export function isPodTerminating(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !!pod.metadata?.deletionTimestamp;
}

/** The pod's `Ready` condition, if reported. */
export function podReadyCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** `podutil.IsPodReady`: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/** When the pod became ready (ms), or undefined when it is not ready or the time is unknown. */
export function podReadySince(pod: Pod): number | undefined {
  const c = podReadyCondition(pod);
  if (c?.status !== 'True' || !c.lastTransitionTime) return undefined;
  const t = parseTimestamp(c.lastTransitionTime);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * The instant (ms) a ready pod counts as available: ready since + minReadySeconds. Undefined when the pod is
 * not ready. With minReadySeconds 0 a ready pod is available at once, even without a transition time.
 */
export function podAvailableAt(pod: Pod, minReadySeconds: number): number | undefined {
  if (!isPodReady(pod)) return undefined;
  if (!minReadySeconds) return Number.NEGATIVE_INFINITY;
  const since = podReadySince(pod);
  return since === undefined ? undefined : since + minReadySeconds * 1000;
}

/**
 * `podutil.IsPodAvailable`: ready for at least minReadySeconds. Kubernetes compares with `Before(now)` on
 * nanosecond clocks, where the requeue always lands a little after the deadline; the virtual clock lands
 * exactly on it, so the deadline itself counts as available.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const at = podAvailableAt(pod, minReadySeconds);
  return at !== undefined && at <= now;
}

/** The highest restart count of any container (`maxContainerRestarts`). */
export function maxContainerRestarts(pod: Pod): number {
  let max = 0;
  for (const c of pod.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0);
  return max;
}
