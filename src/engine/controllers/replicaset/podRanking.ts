/**
 * Which pods a ReplicaSet deletes first when it scales down: `controller.ActivePodsWithRanks.Less` and
 * `getPodsToDelete` of `pkg/controller/replicaset/replica_set.go` (v1.34, with the GA PodDeletionCost and
 * LogarithmicScaleDown behaviour). Earlier in the order = deleted first:
 *  1. unassigned < assigned
 *  2. Pending < Unknown < Running
 *  3. not ready < ready
 *  4. lower `controller.kubernetes.io/pod-deletion-cost` < higher
 *  5. more related pods on the same node < fewer (the rank)
 *  6. ready for less time < longer (log2 buckets of the time since ready, then uid)
 *  7. more container restarts < fewer
 *  8. newer < older (log2 buckets of the age, then uid)
 */
import type { Pod } from '../../api/types';
import { parseTimestamp } from '../../clock';
import { isPodActive, isPodReady, maxContainerRestarts, podReadySince } from './podUtil';

const phaseOrdinal: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** `controller.kubernetes.io/pod-deletion-cost`: an int32, 0 when absent or malformed. */
function deletionCost(pod: Pod): number {
  const v = pod.metadata?.annotations?.['controller.kubernetes.io/pod-deletion-cost'];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/** `logarithmicRankDiff`: compares floor(log2(now - t)) in nanoseconds, as Go's time.Duration does. */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

function creationTime(pod: Pod): number | undefined {
  const t = pod.metadata?.creationTimestamp ? parseTimestamp(pod.metadata.creationTimestamp) : Number.NaN;
  return Number.isNaN(t) ? undefined : t;
}

/**
 * Compares two times where an unknown (zero) time sorts first and otherwise the later time does
 * (`afterOrZero`), in log2 buckets relative to now with the uid as tie-break (`LogarithmicScaleDown`).
 * Returns <0 when `a` comes first, >0 when `b` does, 0 when undecided.
 */
function compareTimes(a: number | undefined, b: number | undefined, now: number, uidA: string, uidB: string): number {
  if (a === b) return 0;
  if (a === undefined || b === undefined) return a === undefined ? -1 : 1;
  const diff = logRank(a, now) - logRank(b, now);
  if (diff === 0) return uidA < uidB ? -1 : uidA > uidB ? 1 : 0;
  return diff;
}

interface Ranked {
  pod: Pod;
  rank: number;
}

function compare(x: Ranked, y: Ranked, now: number): number {
  const a = x.pod;
  const b = y.pod;
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  const pa = phaseOrdinal[a.status?.phase ?? ''] ?? 0;
  const pb = phaseOrdinal[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca - cb;
  if (x.rank !== y.rank) return y.rank - x.rank;
  const uidA = a.metadata?.uid ?? '';
  const uidB = b.metadata?.uid ?? '';
  if (ra && rb) {
    const c = compareTimes(podReadySince(a), podReadySince(b), now, uidA, uidB);
    if (c !== 0) return c;
  }
  const restarts = maxContainerRestarts(b) - maxContainerRestarts(a);
  if (restarts !== 0) return restarts;
  return compareTimes(creationTime(a), creationTime(b), now, uidA, uidB);
}

/**
 * `getPodsToDelete`: the `diff` pods to delete from `pods`, ranking each by how many active `related` pods
 * (pods of every ReplicaSet of the same Deployment) share its node.
 */
export function getPodsToDelete(pods: readonly Pod[], related: readonly Pod[], diff: number, now: number): Pod[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const n = p.spec?.nodeName ?? '';
    onNode.set(n, (onNode.get(n) ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  // Array.prototype.sort is stable: pods the ranking cannot tell apart keep their (key) order.
  ranked.sort((x, y) => compare(x, y, now));
  return ranked.slice(0, diff).map((r) => r.pod);
}
