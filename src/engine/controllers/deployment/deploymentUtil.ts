/**
 * Deployment helpers of `pkg/controller/deployment/util/deployment_util.go`: defaults, the fenceposts
 * maxSurge / maxUnavailable, replica counts over ReplicaSets, and the annotations the controller keeps on
 * ReplicaSets (revision, revision-history, desired-replicas, max-replicas).
 */
import type { Deployment, ReplicaSet } from '../../api/types';
import { scaledOrZero } from './intOrPercent';

export const revisionAnnotation = 'deployment.kubernetes.io/revision';
export const revisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history';
export const desiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
export const maxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';
/** The longest revision-history annotation kept (`maxRevHistoryLengthInChars`). */
const maxRevHistoryLengthInChars = 2000;

/** Annotations never copied from a Deployment to its ReplicaSets (`annotationsToSkip`). */
const annotationsToSkip = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  revisionAnnotation,
  revisionHistoryAnnotation,
  desiredReplicasAnnotation,
  maxReplicasAnnotation,
  'deprecated.deployment.rollback.to',
]);

/**
 * A private, mutable copy of a Deployment with `SetDefaults_Deployment` (apps/v1) applied: replicas 1,
 * RollingUpdate 25% / 25%, revisionHistoryLimit 10, progressDeadlineSeconds 600. The controller only ever
 * writes status and annotations back, so these defaults never leak into the stored spec.
 */
export function withDeploymentDefaults(stored: Deployment): Deployment {
  const meta = stored.metadata ?? {};
  return {
    ...stored,
    metadata: { ...meta, ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}) },
    spec: defaultedSpec(stored.spec),
    // the sync replaces status fields (conditions included), never changes them in place
    status: { ...(stored.status ?? {}) },
  };
}

function defaultedSpec(stored: Deployment['spec']): NonNullable<Deployment['spec']> {
  // Shallow copies of what defaulting fills; the pod template stays shared with the (immutable) stored
  // object and is never modified, which keeps template comparisons cheap.
  const spec = { ...(stored ?? {}) } as NonNullable<Deployment['spec']>;
  spec.replicas ??= 1;
  const strategy = { ...(spec.strategy ?? {}) };
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = { ...(strategy.rollingUpdate ?? {}) };
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
    strategy.rollingUpdate = ru;
  }
  spec.strategy = strategy;
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  spec.minReadySeconds ??= 0;
  return spec;
}

export const replicasOf = (d: Deployment): number => d.spec?.replicas ?? 1;
export const rsReplicas = (rs: ReplicaSet | undefined): number => rs?.spec?.replicas ?? 1;
export const isRollingUpdate = (d: Deployment): boolean => d.spec?.strategy?.type === 'RollingUpdate';

/**
 * `ResolveFenceposts`: maxSurge rounded up, maxUnavailable rounded down; when both come out 0,
 * maxUnavailable becomes 1 so a rollout can still make progress.
 */
export function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  return computeFenceposts(d);
}

function computeFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const ru = d.spec?.strategy?.rollingUpdate;
  const desired = replicasOf(d);
  const surge = scaledOrZero(ru?.maxSurge ?? 0, desired, true);
  let unavailable = scaledOrZero(ru?.maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** `MaxSurge`: 0 unless RollingUpdate. */
export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0;
}

/** `MaxUnavailable`: 0 unless RollingUpdate with replicas; never more than spec.replicas. */
export function maxUnavailable(d: Deployment): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(resolveFenceposts(d).unavailable, replicas);
}

/** Sum of spec.replicas (`GetReplicaCountForReplicaSets`). */
export const replicaCount = (rss: readonly (ReplicaSet | undefined)[]): number => rss.reduce((n, rs) => n + (rs ? rsReplicas(rs) : 0), 0);
/** Sum of status.replicas (`GetActualReplicaCountForReplicaSets`). */
export const actualReplicaCount = (rss: readonly (ReplicaSet | undefined)[]): number => rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
/** Sum of status.readyReplicas. */
export const readyReplicaCount = (rss: readonly (ReplicaSet | undefined)[]): number => rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
/** Sum of status.availableReplicas. */
export const availableReplicaCount = (rss: readonly (ReplicaSet | undefined)[]): number =>
  rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);

/** ReplicaSets with replicas > 0 (`FilterActiveReplicaSets`). */
export const activeReplicaSets = (rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] => rss.filter((rs): rs is ReplicaSet => !!rs && rsReplicas(rs) > 0);

/** The revision of a ReplicaSet (its revision annotation), 0 when absent or malformed. */
export function revisionOf(rs: ReplicaSet | Deployment | undefined): number {
  const v = rs?.metadata?.annotations?.[revisionAnnotation];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : 0;
}

/** `MaxRevision` over the ReplicaSets. */
export const maxRevision = (rss: readonly ReplicaSet[]): number => rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);

function readIntAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata?.annotations?.[key];
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
}

export const desiredReplicasOf = (rs: ReplicaSet): number | undefined => readIntAnnotation(rs, desiredReplicasAnnotation);
export const maxReplicasOf = (rs: ReplicaSet): number | undefined => readIntAnnotation(rs, maxReplicasAnnotation);

/** `ReplicasAnnotationsNeedUpdate` */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata?.annotations ?? {};
  return a[desiredReplicasAnnotation] !== String(desired) || a[maxReplicasAnnotation] !== String(max);
}

/** `SetReplicasAnnotations` on a mutable copy; returns whether anything changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  if (!replicasAnnotationsNeedUpdate(rs, desired, max)) return false;
  rs.metadata = { ...rs.metadata, annotations: { ...rs.metadata?.annotations, [desiredReplicasAnnotation]: String(desired), [maxReplicasAnnotation]: String(max) } };
  return true;
}

/** `SetDeploymentRevision` on a mutable copy; returns whether it changed. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  if (d.metadata?.annotations?.[revisionAnnotation] === revision) return false;
  d.metadata = { ...d.metadata, annotations: { ...d.metadata?.annotations, [revisionAnnotation]: revision } };
  return true;
}

/**
 * `SetNewReplicaSetAnnotations` on a mutable copy: copies the Deployment's annotations (except the skipped
 * ones), raises the revision to `newRevision` when it is lower, remembers the previous revision in
 * `revision-history` when an old ReplicaSet is reused (a rollback), and on creation sets the replica
 * annotations. Returns whether anything changed.
 */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: string, exists: boolean): boolean {
  const annotations: Record<string, string> = { ...(rs.metadata?.annotations ?? {}) };
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (annotationsToSkip.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  const oldRevision = annotations[revisionAnnotation];
  const hadRevision = oldRevision !== undefined;
  let oldRevisionInt = 0;
  if (hadRevision && oldRevision !== '') {
    if (!/^-?\d+$/.test(oldRevision)) {
      // Kubernetes logs and gives up on a malformed revision (the copied annotations stay on the copy).
      rs.metadata = { ...rs.metadata, annotations };
      return false;
    }
    oldRevisionInt = Number(oldRevision);
  }
  const newRevisionInt = Number(newRevision);
  if (oldRevisionInt < newRevisionInt) {
    annotations[revisionAnnotation] = newRevision;
    changed = true;
    if (hadRevision) {
      const history = annotations[revisionHistoryAnnotation] ?? '';
      const old = history.split(',');
      if (old[0] === '') annotations[revisionHistoryAnnotation] = oldRevision;
      else {
        let total = history.length + oldRevision.length + 1;
        let start = 0;
        while (total > maxRevHistoryLengthInChars && start < old.length) {
          total -= old[start].length + 1;
          start++;
        }
        if (total <= maxRevHistoryLengthInChars) annotations[revisionHistoryAnnotation] = [...old.slice(start), oldRevision].join(',');
      }
    }
  }
  rs.metadata = { ...rs.metadata, annotations };
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

/** `DeploymentComplete`: every replica updated and available, and the latest generation observed. */
export function deploymentComplete(d: Deployment, status: NonNullable<Deployment['status']>): boolean {
  const n = replicasOf(d);
  return (
    (status.updatedReplicas ?? 0) === n &&
    (status.replicas ?? 0) === n &&
    (status.availableReplicas ?? 0) === n &&
    (status.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)
  );
}

/** `DeploymentProgressing`: more updated, fewer old, more ready or more available replicas than before. */
export function deploymentProgressing(d: Deployment, next: NonNullable<Deployment['status']>): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** `HasProgressDeadline`: set and not MaxInt32. */
export function hasProgressDeadline(d: Deployment): boolean {
  const p = d.spec?.progressDeadlineSeconds;
  return p !== undefined && p !== 2147483647;
}
