/**
 * ReplicaSet status (`calculateStatus` and `updateReplicaSetStatus` of
 * `pkg/controller/replicaset/replica_set_utils.go`): counts of the active pods the ReplicaSet owns, and the
 * `ReplicaFailure` condition while creating or deleting pods fails.
 */
import type { Pod, ReplicaSet } from '../../api/types';
import { formatTimestamp } from '../../clock';
import { deepEqual } from '../../shared';
import type { SelectorCache } from './controllerRef';
import { isPodAvailable, isPodReady } from './podUtil';

export type ReplicaSetStatus = NonNullable<ReplicaSet['status']>;
type ReplicaSetCondition = NonNullable<ReplicaSetStatus['conditions']>[number];

/** `replicas` is always written; the other counts are `omitempty`, so zero leaves them out as the API does. */
function counts(replicas: number, fullyLabeled: number, ready: number, available: number): ReplicaSetStatus {
  return {
    replicas,
    ...(fullyLabeled ? { fullyLabeledReplicas: fullyLabeled } : {}),
    ...(ready ? { readyReplicas: ready } : {}),
    ...(available ? { availableReplicas: available } : {}),
  };
}

/**
 * The status a sync computes from the active pods it owns. `manageError` is the error of this sync's
 * creates/deletes: it sets `ReplicaFailure` (reason FailedCreate / FailedDelete), and a clean sync clears it.
 */
export function calculateReplicaSetStatus(rs: ReplicaSet, activePods: readonly Pod[], manageError: string | undefined, now: number, selectors: SelectorCache): ReplicaSetStatus {
  const templateSelector = selectors.selectorFromSet(rs.spec?.template?.metadata?.labels);
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of activePods) {
    if (templateSelector.matches(pod.metadata?.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
    }
  }
  let conditions: ReplicaSetCondition[] = [...(rs.status?.conditions ?? [])];
  const failure = conditions.find((c) => c.type === 'ReplicaFailure');
  if (manageError !== undefined && !failure) {
    const diff = activePods.length - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions = [
      ...conditions,
      { type: 'ReplicaFailure', status: 'True', lastTransitionTime: formatTimestamp(now), reason, message: manageError },
    ];
  } else if (manageError === undefined && failure) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
  }
  const status = counts(activePods.length, fullyLabeled, ready, available);
  if (rs.status?.observedGeneration !== undefined) status.observedGeneration = rs.status.observedGeneration;
  if (conditions.length) status.conditions = conditions;
  return status;
}

/**
 * `updateReplicaSetStatus`'s no-op check: the status only needs writing when a count, a condition or the
 * observed generation changed. Returns the status to write (with observedGeneration set), or undefined.
 */
export function statusToWrite(rs: ReplicaSet, next: ReplicaSetStatus): ReplicaSetStatus | undefined {
  const cur: Partial<ReplicaSetStatus> = rs.status ?? {};
  const generation = rs.metadata?.generation ?? 0;
  const same =
    (cur.replicas ?? 0) === (next.replicas ?? 0) &&
    (cur.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0) &&
    (cur.readyReplicas ?? 0) === (next.readyReplicas ?? 0) &&
    (cur.availableReplicas ?? 0) === (next.availableReplicas ?? 0) &&
    generation === (cur.observedGeneration ?? 0) &&
    deepEqual(cur.conditions ?? [], next.conditions ?? []);
  if (same) return undefined;
  return { ...next, observedGeneration: generation };
}
