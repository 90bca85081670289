/**
 * The StatefulSet controller (kubernetes/kubernetes `pkg/controller/statefulset/stateful_set.go`,
 * `stateful_set_control.go`, 1.34 with MaxUnavailableStatefulSet off as it is by default): pods `<set>-0`,
 * `<set>-1`… each with a stable hostname under the governing Service, created in ordinal order, each only once
 * its predecessors are Running and Ready (`OrderedReady`), or all at once (`Parallel`); removed from the highest
 * ordinal down on scale-in; replaced from the highest ordinal down to the partition on a template change,
 * one at a time, each once the one before is available again. Every template is kept as a ControllerRevision
 * named `<set>-<hash>`, the name the pods carry in `controller-revision-hash`.
 */
import { objectKey } from '../../api/resources';
import type { ControllerRevision, Pod, StatefulSet } from '../../api/types';
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
  ownedAndOrphans,
  resolveControllerRef,
} from '../replicaset/controllerRef';
import { claimPods } from '../replicaset/claimPods';
import { podAvailableAt } from '../replicaset/podUtil';
import { controllerRevisionName, equalRevision, hashControllerRevision, newRevision, nextRevision, sortRevisions } from './controllerHistory';
import { statefulPodControl } from './statefulPodControl';
import { type Revisions, statefulSetStatusToWrite, updateStatefulSet } from './statefulSetControl';
import { isMemberOf } from './statefulSetPods';

const component = 'statefulset-controller';

/** Creates the `statefulset-controller`. */
export function createStatefulSetController(ctx: ControllerContext): Controller {
  const { store, api, clock } = ctx;
  const queue = ctx.newQueue(component);
  const podControl = statefulPodControl(ctx, component);
  ensureControllerIndex(store, 'Pod');
  ensureControllerIndex(store, 'ControllerRevision');
  ensureSelectorIndex(store, 'StatefulSet');

  const setsMatching = (pod: Pod): StatefulSet[] => controllersSelecting(store, ctx.caches.selectors, 'StatefulSet', pod);

  const enqueueOwner = (pod: Pod) => {
    const set = resolveControllerRef(store, 'StatefulSet', pod);
    if (set) queue.add(keyOf(set));
  };

  ctx.informer('StatefulSet', { onAdd: (s) => queue.add(keyOf(s)), onUpdate: (_o, s) => queue.add(keyOf(s)), onDelete: (s) => queue.add(keyOf(s)) });
  ctx.informer('Pod', {
    onAdd: (pod) => {
      if (pod.metadata?.deletionTimestamp) return enqueueOwner(pod);
      if (getControllerOf(pod)) return enqueueOwner(pod);
      for (const set of setsMatching(pod)) queue.add(keyOf(set));
    },
    onUpdate: (old, cur) => {
      const labelChanged = !deepEqual(old.metadata?.labels, cur.metadata?.labels);
      const oldRef = getControllerOf(old);
      const curRef = getControllerOf(cur);
      if (!deepEqual(oldRef, curRef) && oldRef) enqueueOwner(old);
      if (curRef) return enqueueOwner(cur);
      if (labelChanged || !deepEqual(oldRef, curRef)) for (const set of setsMatching(cur)) queue.add(keyOf(set));
    },
    onDelete: enqueueOwner,
  });

  /**
   * `getStatefulSetRevisions`: the revision for the set's template — the newest one if it already has that
   * data, an older one renumbered to the next revision (a roll back), or a new one, whose name moves on with
   * the collision count while another revision's data holds it — and the revision the status calls current.
   */
  const revisionsOf = (set: StatefulSet): { revisions: Revisions; collisionCount: number } | { error: string } => {
    const uid = set.metadata?.uid ?? '';
    const history = sortRevisions(store.listByIndex('ControllerRevision', controllerUidIndex, uid).filter((r) => getControllerOf(r)?.uid === uid));
    let collisionCount = set.status?.collisionCount ?? 0;
    const candidate = newRevision(set, nextRevision(history), collisionCount);
    const equal = history.filter((r) => equalRevision(r, candidate));
    let update: ControllerRevision;
    if (equal.length && equalRevision(history[history.length - 1], equal[equal.length - 1])) update = history[history.length - 1];
    else if (equal.length) {
      const res = api.update('ControllerRevision', { ...equal[equal.length - 1], revision: candidate.revision });
      if (!res.ok) return { error: res.status.message };
      update = res.value;
    } else {
      // `CreateControllerRevision`: a name taken by other data moves the hash on with the collision count
      for (;;) {
        const name = controllerRevisionName(set.metadata?.name ?? '', hashControllerRevision(candidate.data, collisionCount));
        const attempt = { ...candidate, metadata: { ...candidate.metadata, name } };
        const res = api.create('ControllerRevision', attempt);
        if (res.ok) {
          update = res.value;
          break;
        }
        if (res.status.reason !== 'AlreadyExists') return { error: res.status.message };
        const existing = store.get('ControllerRevision', objectKey(set.metadata?.namespace, name));
        if (existing && equalRevision(existing, attempt)) {
          update = existing;
          break;
        }
        collisionCount++;
      }
    }
    const current = history.find((r) => r.metadata?.name === set.status?.currentRevision) ?? update;
    return { revisions: { current, update, history }, collisionCount };
  };

  /** `truncateHistory`: non-live revisions beyond `revisionHistoryLimit` go, oldest first. */
  const truncateHistory = (set: StatefulSet, pods: readonly Pod[], revisions: Revisions) => {
    const live = new Set([revisions.current.metadata?.name, revisions.update.metadata?.name, ...pods.map((p) => p.metadata?.labels?.['controller-revision-hash'])]);
    const old = revisions.history.filter((r) => !live.has(r.metadata?.name));
    const limit = set.spec?.revisionHistoryLimit ?? 10;
    if (limit < 0 || old.length <= limit) return;
    for (const r of old.slice(0, old.length - limit)) api.delete('ControllerRevision', r.metadata?.namespace, r.metadata?.name ?? '');
  };

  const limiter = ctx.clientRateLimiter(component);
  const waiting = clock.waitingLine();

  /** Runs a sync's pod requests through the controller's client limiter, as the ReplicaSet controller does. */
  /**
   * Sets whose sync is waiting on the limiter, and those asked for again meanwhile: a workqueue never hands a key
   * to a second worker while one still processes it, so the next sync of that set waits for this one to end.
   */
  const inFlight = new Set<string>();
  const askedAgain = new Set<string>();
  const throttle = (key: string, work: Generator<void, string | undefined, void>): string | undefined => {
    const r = throttled(clock, waiting, limiter, `${component}: sync ${key} (client rate limit)`, work, (error) => {
      inFlight.delete(key);
      if (askedAgain.delete(key)) queue.add(key);
      if (error === undefined) return;
      ctx.log.write(component, `error syncing "${key}": ${error}; requeuing`);
      queue.addRateLimited(key);
    });
    if (r.done) return r.value;
    inFlight.add(key);
    return undefined;
  };

  /** Pod requests, then the status (`performUpdate`, `updateStatefulSetStatus`), then the history limit. */
  function* reconcile(key: string, set: StatefulSet, pods: readonly Pod[], revisions: Revisions, collisionCount: number): Generator<void, string | undefined, void> {
    const outcome = yield* updateStatefulSet(set, pods, revisions, collisionCount, podControl, clock.now());
    const fresh = store.get('StatefulSet', key);
    if (!fresh || fresh.metadata?.uid !== set.metadata?.uid) return outcome.error;
    const status = statefulSetStatusToWrite(fresh, outcome.status);
    if (status) {
      const res = api.updateStatus('StatefulSet', { ...fresh, status });
      if (!res.ok) return outcome.error ?? res.status.message;
      ctx.log.write(component, `status: replicas=${status.replicas} ready=${status.readyReplicas ?? 0} current=${status.currentReplicas ?? 0} updated=${status.updatedReplicas ?? 0}`, `StatefulSet/${key}`);
    }
    truncateHistory(set, pods, revisions);
    // Kubernetes requeues after minReadySeconds while pods are not all available; the next instant a ready pod
    // becomes available is when that sync can change something (a pod that turns ready is an event of its own)
    const minReady = set.spec?.minReadySeconds ?? 0;
    if (minReady > 0) {
      const now = clock.now();
      let next = Number.POSITIVE_INFINITY;
      for (const p of pods) {
        const at = podAvailableAt(p, minReady);
        if (at !== undefined && at > now && at < next) next = at;
      }
      if (next !== Number.POSITIVE_INFINITY) queue.addAfter(key, next - now);
    }
    return outcome.error;
  }

  function sync(key: string): string | undefined {
    if (inFlight.has(key)) {
      askedAgain.add(key);
      return undefined;
    }
    const set = store.get('StatefulSet', key);
    if (!set) return undefined;
    const selector = ctx.caches.selectors.compiledSelector(set.spec?.selector);
    if (!selector) {
      ctx.log.write(component, 'error converting StatefulSet selector', `StatefulSet/${key}`);
      return undefined;
    }
    const notes: string[] = [];
    const candidates = ownedAndOrphans(store, 'Pod', set.metadata?.uid ?? '', set.metadata?.namespace, set.spec?.selector);
    const claimed = claimPods(ctx, 'StatefulSet', set, selector, candidates, notes, (pod) => isMemberOf(set, pod));
    if (notes.length) ctx.log.write(component, notes.join('; '), `StatefulSet/${key}`);
    if (claimed.error !== undefined) return claimed.error;
    const r = revisionsOf(set);
    if ('error' in r) return r.error;
    return throttle(key, reconcile(key, set, claimed.pods, r.revisions, r.collisionCount));
  }

  return { name: component, queue, sync };
}
