/**
 * One reconcile of a StatefulSet's pods (kubernetes/kubernetes `pkg/controller/statefulset/stateful_set_control.go`
 * `updateStatefulSet`, `processReplica`, `processCondemned`, `runForAll`, `slowStartBatch`, `computeReplicaStatus`;
 * `stateful_set_utils.go` `newVersionedStatefulSetPod`, `completeRollingUpdate`, `inconsistentStatus`).
 *
 * Written as a generator that yields before each API request, so the controller can hold a request back on
 * its client's rate limiter the way a goroutine blocks in client-go.
 */
import type { ControllerRevision, Pod, StatefulSet } from '../../api/types';
import { cloneJson } from '../../shared';
import { newControllerRef } from '../replicaset/controllerRef';
import { templateOf } from './controllerHistory';
import type { StatefulPodControl } from './statefulPodControl';
import {
  endOrdinal,
  identityMatches,
  inOrdinalRange,
  isCreated,
  isRunningAndAvailable,
  isRunningAndReady,
  isTerminating,
  isUnavailable,
  newStatefulSetPod,
  ordinalOf,
  podRevision,
  startOrdinal,
  storageMatches,
  updateIdentity,
  updateStorage,
} from './statefulSetPods';

export type StatefulSetStatus = NonNullable<StatefulSet['status']>;

/** The revision the status calls current, the one for the set's template, and the set's sorted history. */
export interface Revisions {
  current: ControllerRevision;
  update: ControllerRevision;
  history: ControllerRevision[];
}

/** `slowStartBatch`'s largest batch (`MaxBatchSize`). */
const maxBatchSize = 500;

/** `updateStatus` / `computeReplicaStatus` over the given pod lists. */
function countReplicas(status: StatefulSetStatus, set: StatefulSet, revisions: Revisions, now: number, ...lists: readonly (readonly Pod[])[]): void {
  const minReady = set.spec?.minReadySeconds ?? 0;
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let current = 0;
  let updated = 0;
  for (const list of lists) {
    for (const pod of list) {
      if (isCreated(pod)) replicas++;
      if (isRunningAndReady(pod)) {
        ready++;
        if (isRunningAndAvailable(pod, minReady, now)) available++;
      }
      if (isCreated(pod) && !isTerminating(pod)) {
        const rev = podRevision(pod);
        if (rev === revisions.current.metadata?.name) current++;
        if (rev === revisions.update.metadata?.name) updated++;
      }
    }
  }
  status.replicas = replicas;
  status.readyReplicas = ready;
  status.availableReplicas = available;
  status.currentReplicas = current;
  status.updatedReplicas = updated;
}

/**
 * `newVersionedStatefulSetPod`: ordinals below the partition (or, without a rollingUpdate block, below the
 * current replica count) are made from the current revision, the rest from the update revision.
 */
function newVersionedPod(set: StatefulSet, revisions: Revisions, ordinal: number): Pod {
  const strategy = set.spec?.updateStrategy;
  const start = startOrdinal(set);
  const useCurrent =
    (strategy?.type === 'RollingUpdate' && !strategy.rollingUpdate && ordinal < start + (set.status?.currentReplicas ?? 0)) ||
    (!!strategy?.rollingUpdate && ordinal < start + (strategy.rollingUpdate.partition ?? 0));
  const rev = useCurrent ? revisions.current : revisions.update;
  return newStatefulSetPod(set, templateOf(rev), ordinal, newControllerRef(set, 'apps/v1', 'StatefulSet'), rev.metadata?.name ?? '');
}

type Step = Generator<void, { exit: boolean; error?: string }, void>;

/**
 * `runForAll`: in order, stopping at the first pod that blocks or fails (OrderedReady), or every pod in
 * slow-start batches of 1, 2, 4… up to 500, stopping after a batch with a failure (Parallel).
 */
function* runForAll(count: number, fn: (i: number) => Step, monotonic: boolean): Generator<void, { exit: boolean; error?: string }, void> {
  if (monotonic) {
    for (let i = 0; i < count; i++) {
      const r = yield* fn(i);
      if (r.exit || r.error !== undefined) return { exit: true, error: r.error };
    }
    return { exit: false };
  }
  let next = 0;
  let remaining = count;
  for (let batch = Math.min(remaining, 1); batch > 0; batch = Math.min(2 * batch, remaining, maxBatchSize)) {
    let error: string | undefined;
    for (let k = 0; k < batch; k++) {
      const r = yield* fn(next++);
      error ??= r.error;
    }
    if (error !== undefined) return { exit: true, error };
    remaining -= batch;
  }
  return { exit: false };
}

/** `updateStatefulSet`: brings the pods one step closer to the set, returning the status it saw. */
export function* updateStatefulSet(
  set: StatefulSet,
  pods: readonly Pod[],
  revisions: Revisions,
  collisionCount: number,
  control: StatefulPodControl,
  now: number,
): Generator<void, { status: StatefulSetStatus; error?: string }, void> {
  const minReady = set.spec?.minReadySeconds ?? 0;
  const status: StatefulSetStatus = {
    observedGeneration: set.metadata?.generation,
    currentRevision: revisions.current.metadata?.name,
    updateRevision: revisions.update.metadata?.name,
    collisionCount,
    replicas: 0,
  };
  countReplicas(status, set, revisions, now, pods);

  // The set's slots, ordinal start..end: the existing pods by ordinal, and a new pod made only when a slot is
  // reached (Kubernetes fills a slice of spec.replicas pods up front; a set of 2^31 replicas must not cost that here)
  const start = startOrdinal(set);
  const count = Math.max(0, endOrdinal(set) - start + 1);
  const existing = new Map<number, Pod>();
  const condemned: Pod[] = [];
  for (const pod of pods) {
    if (inOrdinalRange(set, pod)) existing.set(ordinalOf(pod) - start, pod);
    else if (ordinalOf(pod) >= 0) condemned.push(pod);
  }
  const made = new Map<number, Pod>();
  const slot = (i: number): Pod => {
    const pod = existing.get(i) ?? made.get(i) ?? newVersionedPod(set, revisions, start + i);
    if (!existing.has(i)) made.set(i, pod);
    return pod;
  };
  const inRange = [...existing.values()];
  condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));

  // the first unhealthy pod: the lowest slot that is missing (a new pod is not available) or not available
  let firstUnavailable: Pod | 'a new pod' | undefined;
  for (const i of [...existing.keys()].sort((a, b) => a - b).entries()) {
    if (i[0] !== i[1]) break;
    if (isUnavailable(existing.get(i[1]) as Pod, minReady, now)) {
      firstUnavailable = existing.get(i[1]);
      break;
    }
  }
  if (!firstUnavailable && existing.size < count) firstUnavailable = 'a new pod';
  for (let i = condemned.length - 1; i >= 0 && !firstUnavailable; i--) if (isUnavailable(condemned[i], minReady, now)) firstUnavailable = condemned[i];

  if (set.metadata?.deletionTimestamp) return { status };
  const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
  const done = (error?: string) => {
    countReplicas(status, set, revisions, now, inRange, condemned);
    return { status, error };
  };

  // `processReplica`
  const processReplica = function* (i: number): Step {
    const pod = slot(i);
    // a finished pod (Failed, or Succeeded after its node stopped it) is replaced at the next sync
    if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') {
      if (!pod.metadata?.deletionTimestamp) {
        yield;
        const r = control.delete(set, pod);
        if (!r.ok) return { exit: true, error: r.error };
      }
      return { exit: true };
    }
    if (!isCreated(pod)) {
      yield;
      const r = control.create(set, pod);
      if (!r.ok) return { exit: true, error: r.error };
      if (monotonic) return { exit: true };
    }
    if (isTerminating(pod) && monotonic) return { exit: true };
    if (!isRunningAndReady(pod) && monotonic) return { exit: true };
    if (!isRunningAndAvailable(pod, minReady, now) && monotonic) return { exit: true };
    if (identityMatches(set, pod) && storageMatches(set, pod)) return { exit: false };
    // `UpdateStatefulPod`: a pod whose identity labels or claim volumes were changed gets them back
    const fixed = cloneJson(pod);
    if (!identityMatches(set, fixed)) updateIdentity(set, fixed);
    if (!storageMatches(set, fixed)) updateStorage(set, fixed);
    yield;
    const r = control.update(set, fixed);
    return r.ok ? { exit: false } : { exit: true, error: r.error };
  };
  const replicaPass = yield* runForAll(count, processReplica, monotonic);
  if (replicaPass.exit || replicaPass.error !== undefined) return done(replicaPass.error);

  // `processCondemned`: scale-in from the highest ordinal, each once the others are healthy (OrderedReady)
  const processCondemned = function* (i: number): Step {
    const pod = condemned[i];
    if (isTerminating(pod)) return { exit: monotonic };
    if (!isRunningAndReady(pod) && monotonic && pod !== firstUnavailable) return { exit: true };
    if (!isRunningAndAvailable(pod, minReady, now) && monotonic && pod !== firstUnavailable) return { exit: true };
    yield;
    const r = control.delete(set, pod);
    return { exit: true, error: r.ok ? undefined : r.error };
  };
  const condemnedPass = yield* runForAll(condemned.length, processCondemned, monotonic);
  if (condemnedPass.exit || condemnedPass.error !== undefined) return done(condemnedPass.error);

  countReplicas(status, set, revisions, now, inRange, condemned);
  if (set.spec?.updateStrategy?.type === 'OnDelete') return { status };

  // the rolling update: the highest ordinal not at the update revision goes, one per sync, down to the partition
  const updateMin = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = count - 1; target >= updateMin; target--) {
    const pod = slot(target);
    if (podRevision(pod) !== revisions.update.metadata?.name && !isTerminating(pod)) {
      yield;
      const r = control.delete(set, pod);
      status.currentReplicas = (status.currentReplicas ?? 0) - 1;
      return { status, error: r.ok || r.reason === 'NotFound' ? undefined : r.error };
    }
    if (isUnavailable(pod, minReady, now)) return { status };
  }
  return { status };
}

/**
 * `updateStatefulSetStatus`: `completeRollingUpdate` (all pods updated and ready: the update revision becomes
 * current), then nothing to write unless `inconsistentStatus`. The result is shaped as the v1 type
 * serialises: `replicas`, `availableReplicas` and the `collisionCount` pointer always, the rest when not zero.
 */
export function statefulSetStatusToWrite(set: StatefulSet, next: StatefulSetStatus): StatefulSetStatus | undefined {
  const s = { ...next };
  if (set.spec?.updateStrategy?.type === 'RollingUpdate' && s.updatedReplicas === s.replicas && s.readyReplicas === s.replicas) {
    s.currentReplicas = s.updatedReplicas;
    s.currentRevision = s.updateRevision;
  }
  const old = set.status ?? { replicas: 0 };
  const inconsistent =
    (s.observedGeneration ?? 0) > (old.observedGeneration ?? 0) ||
    s.replicas !== (old.replicas ?? 0) ||
    (s.currentReplicas ?? 0) !== (old.currentReplicas ?? 0) ||
    (s.readyReplicas ?? 0) !== (old.readyReplicas ?? 0) ||
    (s.updatedReplicas ?? 0) !== (old.updatedReplicas ?? 0) ||
    (s.currentRevision ?? '') !== (old.currentRevision ?? '') ||
    (s.availableReplicas ?? 0) !== (old.availableReplicas ?? 0) ||
    (s.updateRevision ?? '') !== (old.updateRevision ?? '');
  if (!inconsistent) return undefined;
  return {
    ...(s.observedGeneration ? { observedGeneration: s.observedGeneration } : {}),
    replicas: s.replicas,
    ...(s.readyReplicas ? { readyReplicas: s.readyReplicas } : {}),
    ...(s.currentReplicas ? { currentReplicas: s.currentReplicas } : {}),
    ...(s.updatedReplicas ? { updatedReplicas: s.updatedReplicas } : {}),
    ...(s.currentRevision ? { currentRevision: s.currentRevision } : {}),
    ...(s.updateRevision ? { updateRevision: s.updateRevision } : {}),
    collisionCount: s.collisionCount ?? 0,
    availableReplicas: s.availableReplicas ?? 0,
  };
}
