/**
 * The ReplicaSet controller (`pkg/controller/replicaset/replica_set.go`): keeps `spec.replicas` active pods
 * that match the selector and carry the ReplicaSet's controller reference. It adopts matching orphans,
 * releases owned pods whose labels stopped matching (which is why a relabelled pod gets replaced), creates
 * missing pods in slow-start batches (1, 2, 4, ... up to 500 per sync) and deletes surplus pods in the order
 * `podRanking.ts` describes. Expectations keep a sync from acting twice on the same stale view.
 */
import type { OwnerReference, Pod, ReplicaSet } from '../../api/types';
import { deepEqual } from '../../shared';
import { keyOf } from '../../store/objectStore';
import type { Controller, ControllerContext } from '../controller';
import { throttled } from '../clientRateLimiter';
import {
  controllerUidIndex,
  controllersSelecting,
  ensureControllerIndex,
  ensureSelectorIndex,
  getControllerOf,
  newControllerRef,
  ownedAndOrphans,
  resolveControllerRef,
} from './controllerRef';
import { claimPods } from './claimPods';
import { ControllerExpectations } from './expectations';
import { createPodFromTemplate, deletePodOf } from './podControl';
import { getPodsToDelete } from './podRanking';
import { isPodActive, isPodAvailable, podAvailableAt } from './podUtil';
import { calculateReplicaSetStatus, statusToWrite } from './replicaSetStatus';

const component = 'replicaset-controller';
/** `BurstReplicas`: the most pods one sync creates or deletes. */
const burstReplicas = 500;
/** `SlowStartInitialBatchSize` */
const slowStartInitialBatchSize = 1;

/** Creates the `replicaset-controller`. */
export function createReplicaSetController(ctx: ControllerContext): Controller {
  const { store, api, clock } = ctx;
  const queue = ctx.newQueue(component);
  const expectations = new ControllerExpectations(() => clock.now());
  /** Earliest pending availability re-check per ReplicaSet key, so syncs do not pile up timers. */
  const availabilityChecks = new Map<string, number>();
  ensureControllerIndex(store, 'Pod');
  ensureControllerIndex(store, 'ReplicaSet');
  ensureSelectorIndex(store, 'ReplicaSet');

  const owningReplicaSet = (pod: Pod): ReplicaSet | undefined => resolveControllerRef(store, 'ReplicaSet', pod);
  const replicaSetsMatching = (pod: Pod): ReplicaSet[] => controllersSelecting(store, ctx.caches.selectors, 'ReplicaSet', pod);

  const onPodDelete = (pod: Pod) => {
    const rs = owningReplicaSet(pod);
    if (!rs) return;
    const key = keyOf(rs);
    expectations.deletionObserved(key, keyOf(pod));
    queue.add(key);
  };

  ctx.informer('ReplicaSet', {
    onAdd: (rs) => queue.add(keyOf(rs)),
    onUpdate: (_old, cur) => queue.add(keyOf(cur)),
    onDelete: (rs) => {
      expectations.delete(keyOf(rs));
      queue.add(keyOf(rs));
    },
  });

  ctx.informer('Pod', {
    onAdd: (pod) => {
      // A pod already being deleted when it first shows up counts as a deletion.
      if (pod.metadata?.deletionTimestamp) return onPodDelete(pod);
      if (getControllerOf(pod)) {
        const rs = owningReplicaSet(pod);
        if (!rs) return;
        expectations.creationObserved(keyOf(rs));
        queue.add(keyOf(rs));
        return;
      }
      for (const rs of replicaSetsMatching(pod)) queue.add(keyOf(rs));
    },
    onUpdate: (old, cur) => {
      const labelChanged = !deepEqual(old.metadata?.labels, cur.metadata?.labels);
      if (cur.metadata?.deletionTimestamp) {
        onPodDelete(cur);
        if (labelChanged) onPodDelete(old);
        return;
      }
      const curRef = getControllerOf(cur);
      const oldRef = getControllerOf(old);
      const refChanged = !deepEqual(curRef, oldRef);
      if (refChanged && oldRef) {
        const rs = owningReplicaSet(old);
        if (rs) queue.add(keyOf(rs));
      }
      if (curRef) {
        const rs = owningReplicaSet(cur);
        if (rs) queue.add(keyOf(rs));
        return;
      }
      if (labelChanged || refChanged) for (const rs of replicaSetsMatching(cur)) queue.add(keyOf(rs));
    },
    onDelete: onPodDelete,
  });

  /** Pods of every ReplicaSet sharing this one's controller (`getIndirectlyRelatedPods`), for the ranking. */
  const indirectlyRelatedPods = (rs: ReplicaSet): Pod[] => {
    const ref = getControllerOf(rs);
    if (!ref) return [];
    const seen = new Set<string>();
    const out: Pod[] = [];
    for (const related of store.listByIndex('ReplicaSet', controllerUidIndex, ref.uid)) {
      for (const pod of store.listByIndex('Pod', controllerUidIndex, related.metadata?.uid ?? '')) {
        const uid = pod.metadata?.uid ?? '';
        if (seen.has(uid)) continue;
        seen.add(uid);
        out.push(pod);
      }
    }
    return out;
  };

  const limiter = ctx.clientRateLimiter(component);
  /** The requests waiting for `limiter`'s tokens, in the order they will get them. */
  const waiting = clock.waitingLine();

  /**
   * Runs a sync's pod requests through the controller's client limiter: what has no token yet waits on the
   * clock (the goroutines of slowStartBatch blocked in the rate limiter). A failure found after the sync
   * returned is reported and requeued the way a failed sync is.
   */
  const throttle = (key: string, what: string, work: Generator<void, string | undefined, void>): string | undefined => {
    const r = throttled(clock, waiting, limiter, `${component}: ${what} ${key} (client rate limit)`, work, (error) => {
      if (error === undefined) return;
      ctx.log.write(component, `error syncing "${key}": ${error}; requeuing`);
      queue.addRateLimited(key);
    });
    return r.done ? r.value : undefined;
  };

  /** `slowStartBatch` over pod creations: batches of 1, 2, 4, ...; a failing batch stops the rest. */
  function* createInSlowStartBatches(key: string, rs: ReplicaSet, template: NonNullable<NonNullable<ReplicaSet['spec']>['template']>, ref: OwnerReference, diff: number) {
    let successes = 0;
    let remaining = diff;
    let error: string | undefined;
    for (let batch = Math.min(remaining, slowStartInitialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
      for (let i = 0; i < batch; i++) {
        yield;
        const r = createPodFromTemplate(ctx, component, 'ReplicaSet', rs, template, ref);
        // A terminating namespace refuses every create; Kubernetes treats that as nothing to do.
        if (r.ok || r.namespaceTerminating) successes++;
        else error ??= r.error;
      }
      if (error !== undefined) break;
      remaining -= batch;
    }
    for (let skipped = diff - successes; skipped > 0; skipped--) expectations.creationObserved(key);
    return error;
  }

  /** Deletes the chosen pods, one request each. */
  function* deleteEach(key: string, rs: ReplicaSet, toDelete: readonly Pod[]) {
    let error: string | undefined;
    for (const pod of toDelete) {
      yield;
      const r = deletePodOf(ctx, component, 'ReplicaSet', rs, pod);
      if (r.ok) continue;
      // the informer will never show this deletion
      expectations.deletionObserved(key, keyOf(pod));
      if (!r.notFound) error ??= `unable to delete pods: ${r.error}`;
    }
    return error ? error : undefined;
  }

  /** `manageReplicas`: creates or deletes pods to reach spec.replicas. Returns an error message on failure. */
  const manageReplicas = (key: string, rs: ReplicaSet, active: readonly Pod[], notes: string[]): string | undefined => {
    const want = rs.spec?.replicas ?? 1;
    let diff = active.length - want;
    if (diff < 0) {
      diff = Math.min(-diff, burstReplicas);
      notes.push(`too few replicas: need ${want}, creating ${diff}`);
      expectations.expectCreations(key, diff);
      const ref = newControllerRef(rs, 'apps/v1', 'ReplicaSet');
      const template = rs.spec?.template ?? {};
      return throttle(key, 'create pods', createInSlowStartBatches(key, rs, template, ref, diff));
    }
    if (diff > 0) {
      diff = Math.min(diff, burstReplicas);
      notes.push(`too many replicas: need ${want}, deleting ${diff}`);
      const toDelete = getPodsToDelete(active, indirectlyRelatedPods(rs), diff, clock.now());
      expectations.expectDeletions(key, toDelete.map((p) => keyOf(p)));
      return throttle(key, 'delete pods', deleteEach(key, rs, toDelete));
    }
    return undefined;
  };

  /** Re-syncs when the next ready pod has been ready for minReadySeconds (it then counts as available). */
  const scheduleAvailabilityCheck = (key: string, rs: ReplicaSet, active: readonly Pod[]) => {
    const minReady = rs.spec?.minReadySeconds ?? 0;
    if (!minReady) return;
    const now = clock.now();
    let next = Number.POSITIVE_INFINITY;
    for (const pod of active) {
      const at = podAvailableAt(pod, minReady);
      if (at !== undefined && at > now && at < next) next = at;
    }
    if (next === Number.POSITIVE_INFINITY) return;
    const pending = availabilityChecks.get(key);
    if (pending !== undefined && pending <= next && pending > now) return;
    availabilityChecks.set(key, next);
    clock.schedule(next - now, `${component}: availability of ${key}`, () => {
      if (availabilityChecks.get(key) === next) availabilityChecks.delete(key);
      queue.add(key);
    });
  };

  const sync = (key: string): string | undefined => {
    const rs = store.get('ReplicaSet', key);
    if (!rs) {
      expectations.delete(key);
      return undefined;
    }
    const needsSync = expectations.satisfied(key);
    const selector = ctx.caches.selectors.compiledSelector(rs.spec?.selector);
    if (!selector) {
      ctx.log.write(component, 'error converting pod selector to selector', `ReplicaSet/${key}`);
      return undefined;
    }
    const notes: string[] = [];
    const candidates = ownedAndOrphans(store, 'Pod', rs.metadata?.uid ?? '', rs.metadata?.namespace, rs.spec?.selector).filter(isPodActive);
    const claimed = claimPods(ctx, 'ReplicaSet', rs, selector, candidates, notes);
    if (claimed.error !== undefined) return claimed.error;
    const active = claimed.pods;
    const manageError = needsSync && !rs.metadata?.deletionTimestamp ? manageReplicas(key, rs, active, notes) : undefined;
    const now = clock.now();
    const next = calculateReplicaSetStatus(rs, active, manageError, now, ctx.caches.selectors);
    const current = store.get('ReplicaSet', key) ?? rs;
    const status = statusToWrite(current, next);
    if (status) {
      const res = api.updateStatus('ReplicaSet', { ...current, status }, { handOver: true });
      if (!res.ok) return res.status.message;
      const available = active.filter((p) => isPodAvailable(p, rs.spec?.minReadySeconds ?? 0, now)).length;
      notes.push(`status: replicas=${status.replicas} ready=${status.readyReplicas ?? 0} available=${available}`);
    }
    scheduleAvailabilityCheck(key, rs, active);
    if (notes.length) ctx.log.write(component, notes.join('; '), `ReplicaSet/${key}`);
    return manageError;
  };

  return { name: component, queue, sync };
}
