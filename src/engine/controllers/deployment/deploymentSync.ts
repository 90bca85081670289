/**
 * The building blocks of a Deployment sync (`pkg/controller/deployment/sync.go`): claiming ReplicaSets,
 * finding or creating the new ReplicaSet with its revision, scaling (proportionally across ReplicaSets while
 * a rollout is under way), cleaning up old revisions beyond revisionHistoryLimit, and the status.
 *
 * `d` is always the controller's private copy of the Deployment (see `withDeploymentDefaults`); writes are
 * built on the freshest stored object, so the simulator's synchronous store never sees a write conflict.
 */
import { objectKey } from '../../api/resources';
import type { Deployment, ReplicaSet } from '../../api/types';
import { cloneJson, } from '../../shared';
import { keyOf } from '../../store/objectStore';
import type { ControllerContext } from '../controller';
import { getControllerOf, newControllerRef, ownedAndOrphans, withoutOwnerRef } from '../replicaset/controllerRef';
import { isNamespaceTerminating } from '../replicaset/podControl';
import { type DeploymentStatus, getCondition, newCondition, reasons, setCondition } from './deploymentConditions';
import {
  activeReplicaSets,
  desiredReplicasOf,
  hasProgressDeadline,
  isRollingUpdate,
  maxRevision,
  maxSurge,
  replicaCount,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  revisionAnnotation,
  rsReplicas,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from './deploymentUtil';
import { computeHash, equalIgnoreHash, podTemplateHashLabel } from './podTemplateHash';
import { writeDeployment } from './deploymentStatus';
import {
  byRevision,
  bySizeNewer,
  bySizeOlder,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  isSaturated,
  newRSNewReplicas,
  replicaSetProportion,
} from './replicaSetSelection';

export const component = 'deployment-controller';

/** What one sync of one Deployment works with. */
export interface SyncEnv {
  ctx: ControllerContext;
  /** What this sync changed, written to the cluster log as one entry. */
  notes: string[];
  /** Requeues the Deployment after `ms` of virtual time. */
  requeueAfter(ms: number): void;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const err = <T>(error: string): Result<T> => ({ ok: false, error });

/** The ReplicaSets as currently stored (earlier steps of this sync may have replaced them). */
function fresh(env: SyncEnv, rss: readonly ReplicaSet[]): ReplicaSet[] {
  const out: ReplicaSet[] = [];
  for (const rs of rss) {
    const cur = env.ctx.store.get('ReplicaSet', keyOf(rs));
    if (cur && cur.metadata?.uid === rs.metadata?.uid) out.push(cur);
  }
  return out;
}

/**
 * `getReplicaSetsForDeployment`: the ReplicaSets this Deployment controls, adopting matching orphans and
 * releasing owned ones its selector no longer matches (`ClaimReplicaSets`).
 */
export function claimReplicaSets(env: SyncEnv, d: Deployment): Result<ReplicaSet[]> {
  const { store, api } = env.ctx;
  const selector = env.ctx.caches.selectors.compiledSelector(d.spec?.selector);
  if (!selector) return err(`deployment ${d.metadata?.namespace}/${d.metadata?.name} has invalid label selector`);
  const uid = d.metadata?.uid ?? '';
  const deleting = !!d.metadata?.deletionTimestamp;
  const claimed: ReplicaSet[] = [];
  const errors: string[] = [];
  for (const rs of ownedAndOrphans(store, 'ReplicaSet', uid, d.metadata?.namespace, d.spec?.selector)) {
    const ref = getControllerOf(rs);
    const matches = selector.matches(rs.metadata?.labels);
    if (ref) {
      if (ref.uid !== uid) continue;
      if (matches) claimed.push(rs);
      else if (!deleting) {
        const res = api.update('ReplicaSet', withoutOwnerRef(rs, uid));
        if (res.ok) env.notes.push(`released replica set ${rs.metadata?.name}`);
        else if (res.status.reason !== 'NotFound') errors.push(res.status.message);
      }
      continue;
    }
    if (deleting || !matches || rs.metadata?.deletionTimestamp) continue;
    const current = store.get('Deployment', keyOf(d));
    if (!current || current.metadata?.uid !== uid || current.metadata?.deletionTimestamp) continue;
    const refs = [...(rs.metadata?.ownerReferences ?? []), newControllerRef(d, 'apps/v1', 'Deployment')];
    const res = api.update('ReplicaSet', { ...rs, metadata: { ...rs.metadata, ownerReferences: refs } });
    if (res.ok) {
      claimed.push(res.value);
      env.notes.push(`adopted replica set ${rs.metadata?.name}`);
    } else if (res.status.reason !== 'NotFound') errors.push(res.status.message);
  }
  return errors.length ? err(errors.join(', ')) : ok(claimed);
}

/**
 * `getNewReplicaSet`: finds the ReplicaSet whose template matches the Deployment and raises its revision to
 * max(old revisions) + 1 (a rollback reuses an old ReplicaSet and gets a new revision); with
 * `create`, makes a new one named `<deployment>-<pod-template-hash>`.
 */
export function getNewReplicaSet(env: SyncEnv, d: Deployment, rsList: readonly ReplicaSet[], oldRSs: readonly ReplicaSet[], create: boolean): Result<ReplicaSet | undefined> {
  const { ctx } = env;
  const now = ctx.clock.now();
  const existing = findNewReplicaSet(d, rsList, env.ctx.caches.templates);
  const newRevision = String(maxRevision(oldRSs) + 1);
  if (existing) {
    // setNewReplicaSetAnnotations and the minReadySeconds change replace whole fields: a shallow copy will do
    const copy = { ...existing };
    const annotationsUpdated = setNewReplicaSetAnnotations(d, copy, newRevision, true);
    const minReadyChanged = (copy.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadyChanged) {
      copy.spec = { ...copy.spec, minReadySeconds: d.spec?.minReadySeconds } as NonNullable<ReplicaSet['spec']>;
      if (!copy.spec.minReadySeconds) delete copy.spec.minReadySeconds;
      const res = ctx.api.update('ReplicaSet', copy);
      if (!res.ok) return err(res.status.message);
      if (copy.metadata?.annotations?.[revisionAnnotation] !== existing.metadata?.annotations?.[revisionAnnotation]) {
        env.notes.push(`replica set ${copy.metadata?.name} is now revision ${newRevision}`);
      }
      return ok(res.value);
    }
    let needsUpdate = setDeploymentRevision(d, copy.metadata?.annotations?.[revisionAnnotation] ?? '');
    if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
      const msg = `Found new replica set "${copy.metadata?.name}"`;
      setCondition(d.status as DeploymentStatus, newCondition('Progressing', 'True', reasons.foundNewReplicaSet, msg, now));
      needsUpdate = true;
    }
    if (needsUpdate) {
      const e = writeDeployment(env, d);
      if (e) return err(e);
    }
    return ok(existing);
  }
  if (!create) return ok(undefined);

  const template = cloneJson(d.spec?.template ?? {});
  const hash = computeHash(d.spec?.template, d.status?.collisionCount);
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [podTemplateHashLabel]: hash } };
  const selector = cloneJson(d.spec?.selector ?? {});
  selector.matchLabels = { ...selector.matchLabels, [podTemplateHashLabel]: hash };
  const name = `${d.metadata?.name}-${hash}`;
  const newRS: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata?.namespace,
      ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')],
      labels: { ...template.metadata?.labels },
    },
    spec: { replicas: 0, ...(d.spec?.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}), selector, template },
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  (newRS.spec as { replicas: number }).replicas = replicas;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);

  let created: ReplicaSet | undefined;
  let alreadyExists = false;
  const res = ctx.api.create('ReplicaSet', newRS, { handOver: true });
  if (res.ok) created = res.value;
  else if (res.status.reason === 'AlreadyExists') {
    alreadyExists = true;
    const rs = ctx.store.get('ReplicaSet', objectKey(d.metadata?.namespace, name));
    const ref = getControllerOf(rs);
    if (rs && ref?.uid === d.metadata?.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template)) created = rs;
    else {
      // A hash collision: bump collisionCount so the next sync computes a different name.
      (d.status as DeploymentStatus).collisionCount = (d.status?.collisionCount ?? 0) + 1;
      env.notes.push(`hash collision on ${name}; collisionCount ${d.status?.collisionCount}`);
      writeDeployment(env, d);
      return err(res.status.message);
    }
  } else if (isNamespaceTerminating(res.status)) {
    return err(res.status.message);
  } else {
    const msg = `Failed to create new replica set "${name}": ${res.status.message}`;
    if (hasProgressDeadline(d)) {
      setCondition(d.status as DeploymentStatus, newCondition('Progressing', 'False', reasons.failedReplicaSetCreate, msg, now));
      writeDeployment(env, d);
    }
    ctx.recorder.event(d, 'Deployment', { component }, 'Warning', reasons.failedReplicaSetCreate, msg);
    return err(res.status.message);
  }
  if (!alreadyExists) {
    env.notes.push(`created replica set ${name} (revision ${newRevision})`);
    if (replicas > 0) ctx.recorder.event(d, 'Deployment', { component }, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`);
  }
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExists && hasProgressDeadline(d)) {
    setCondition(d.status as DeploymentStatus, newCondition('Progressing', 'True', reasons.newReplicaSet, `Created new replica set "${name}"`, now));
    needsUpdate = true;
  }
  if (needsUpdate) {
    const e = writeDeployment(env, d);
    if (e) return err(e);
  }
  return ok(created);
}

/** `getAllReplicaSetsAndSyncRevision`: the new ReplicaSet (maybe created) and all the old ones. */
export function getAllReplicaSetsAndSyncRevision(env: SyncEnv, d: Deployment, rsList: readonly ReplicaSet[], create: boolean): Result<{ newRS?: ReplicaSet; oldRSs: ReplicaSet[] }> {
  const current = fresh(env, rsList);
  const oldRSs = findOldReplicaSets(d, current, env.ctx.caches.templates);
  const newRS = getNewReplicaSet(env, d, current, oldRSs, create);
  if (!newRS.ok) return newRS;
  return ok({ newRS: newRS.value, oldRSs: fresh(env, oldRSs) });
}

/**
 * `scaleReplicaSet`: writes a new size (and the desired/max replica annotations); a size change records
 * `ScalingReplicaSet` "Scaled up|down replica set x from a to b".
 */
export function scaleReplicaSet(env: SyncEnv, rs: ReplicaSet, newScale: number, d: Deployment): Result<{ scaled: boolean; rs: ReplicaSet }> {
  const { store, api, recorder } = env.ctx;
  const desired = replicasOf(d);
  const max = desired + maxSurge(d);
  const cur = store.get('ReplicaSet', keyOf(rs)) ?? rs;
  const oldScale = rsReplicas(cur);
  const sizeNeedsUpdate = oldScale !== newScale;
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(cur, desired, max)) return ok({ scaled: false, rs: cur });
  // spec and (in setReplicasAnnotations) metadata are replaced, never changed in place: a shallow copy will do
  const copy = { ...cur };
  copy.spec = { ...copy.spec, replicas: newScale } as NonNullable<ReplicaSet['spec']>;
  setReplicasAnnotations(copy, desired, max);
  const res = api.update('ReplicaSet', copy);
  if (!res.ok) return err(res.status.message);
  if (!sizeNeedsUpdate) return ok({ scaled: false, rs: res.value });
  const direction = oldScale < newScale ? 'up' : 'down';
  const name = res.value.metadata?.name;
  env.notes.push(`scaled ${direction} replica set ${name} from ${oldScale} to ${newScale}`);
  recorder.event(d, 'Deployment', { component }, 'Normal', 'ScalingReplicaSet', `Scaled ${direction} replica set ${name} from ${oldScale} to ${newScale}`);
  return ok({ scaled: true, rs: res.value });
}

/** `scaleReplicaSetAndRecordEvent`: nothing to do when the size is already right. */
export function scaleReplicaSetAndRecordEvent(env: SyncEnv, rs: ReplicaSet, newScale: number, d: Deployment): Result<{ scaled: boolean; rs: ReplicaSet }> {
  if (rsReplicas(rs) === newScale) return ok({ scaled: false, rs });
  return scaleReplicaSet(env, rs, newScale, d);
}

/**
 * `scale`: a replicas change outside a rollout. One active ReplicaSet takes the whole size; a saturated new
 * ReplicaSet means old ones go to 0; otherwise (RollingUpdate mid-rollout) the difference is shared in
 * proportion to each ReplicaSet's size, leftovers to the largest.
 */
export function scale(env: SyncEnv, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): string | undefined {
  const target = findActiveOrLatest(newRS, oldRSs);
  if (target) {
    if (rsReplicas(target) === replicasOf(d)) return undefined;
    const r = scaleReplicaSetAndRecordEvent(env, target, replicasOf(d), d);
    return r.ok ? undefined : r.error;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) {
      const r = scaleReplicaSetAndRecordEvent(env, old, 0, d);
      if (!r.ok) return r.error;
    }
    return undefined;
  }
  if (!isRollingUpdate(d)) return undefined;
  const all = activeReplicaSets([...oldRSs, newRS]);
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowed - replicaCount(all);
  if (toAdd > 0) all.sort(bySizeNewer);
  else if (toAdd < 0) all.sort(bySizeOlder);
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of all) {
    if (toAdd !== 0) {
      const p = replicaSetProportion(rs, d, toAdd, added);
      sizes.set(rs.metadata?.name ?? '', rsReplicas(rs) + p);
      added += p;
    } else sizes.set(rs.metadata?.name ?? '', rsReplicas(rs));
  }
  for (let i = 0; i < all.length; i++) {
    const rs = all[i];
    const name = rs.metadata?.name ?? '';
    if (i === 0 && toAdd !== 0) sizes.set(name, Math.max(0, (sizes.get(name) ?? 0) + toAdd - added));
    const r = scaleReplicaSet(env, rs, sizes.get(name) ?? 0, d);
    if (!r.ok) return r.error;
  }
  return undefined;
}

/**
 * `cleanupDeployment`: deletes the oldest old ReplicaSets beyond revisionHistoryLimit, only those scaled to
 * 0 with no pods left and their latest spec observed.
 */
export function cleanupDeployment(env: SyncEnv, oldRSs: readonly ReplicaSet[], d: Deployment): string | undefined {
  const limit = d.spec?.revisionHistoryLimit;
  if (limit === undefined) return undefined;
  const cleanable = fresh(env, oldRSs).filter((rs) => !rs.metadata?.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return undefined;
  cleanable.sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    if ((rs.status?.replicas ?? 0) !== 0 || rsReplicas(rs) !== 0) continue;
    if ((rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    const res = env.ctx.api.delete('ReplicaSet', rs.metadata?.namespace, rs.metadata?.name ?? '');
    if (!res.ok && res.status.reason !== 'NotFound') return res.status.message;
    env.notes.push(`deleted old replica set ${rs.metadata?.name}`);
  }
  return undefined;
}

/** Whether any active ReplicaSet was sized for a different replica count (`isScalingEvent`). */
export function isScalingEvent(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): boolean {
  for (const rs of activeReplicaSets([...oldRSs, newRS])) {
    const desired = desiredReplicasOf(rs);
    if (desired !== undefined && desired !== replicasOf(d)) return true;
  }
  return false;
}
