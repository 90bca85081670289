/**
 * Rollout progress (`pkg/controller/deployment/progress.go`): the Progressing condition
 * (ReplicaSetUpdated → NewReplicaSetAvailable, or ProgressDeadlineExceeded after progressDeadlineSeconds
 * without progress), ReplicaFailure copied from the ReplicaSets, and the paused / resumed conditions.
 */
import type { Deployment, ReplicaSet } from '../../api/types';
import { parseTimestamp } from '../../clock';
import { type DeploymentCondition, type DeploymentStatus, getCondition, newCondition, reasons, removeCondition, setCondition } from './deploymentConditions';
import { calculateStatus, sameNormalizedStatus, writeDeployment } from './deploymentStatus';
import type { SyncEnv } from './deploymentSync';
import { deploymentComplete, deploymentProgressing, hasProgressDeadline } from './deploymentUtil';

/** `DeploymentTimedOut`: no progress for progressDeadlineSeconds since the Progressing condition last moved. */
function deploymentTimedOut(d: Deployment, status: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(status, 'Progressing');
  if (!c) return false;
  if (c.reason === reasons.newReplicaSetAvailable) return false;
  if (c.reason === reasons.timedOut) return true;
  const from = c.lastUpdateTime ? parseTimestamp(c.lastUpdateTime) : Number.NaN;
  return !Number.isNaN(from) && from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 < now;
}

/** `getReplicaFailures`: the new ReplicaSet's ReplicaFailure condition, else any old one's. */
function replicaFailures(allRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined): DeploymentCondition[] {
  const convert = (rs: ReplicaSet | undefined) =>
    (rs?.status?.conditions ?? [])
      .filter((c) => c.type === 'ReplicaFailure')
      .map((c) => ({ type: 'ReplicaFailure', status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message }));
  const fromNew = convert(newRS);
  return fromNew.length ? fromNew : allRSs.flatMap(convert);
}

/**
 * `requeueStuckDeployment`: a rollout without progress is checked again when its deadline passes (one
 * second later, as Kubernetes adds to avoid clock skew).
 */
function requeueStuckDeployment(env: SyncEnv, d: Deployment, next: DeploymentStatus): void {
  const c = getCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !c) return;
  if (deploymentComplete(d, next) || c.reason === reasons.timedOut) return;
  const last = c.lastUpdateTime ? parseTimestamp(c.lastUpdateTime) : Number.NaN;
  if (Number.isNaN(last)) return;
  const after = last + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 - env.ctx.clock.now();
  env.requeueAfter(Math.max(after, 0) + 1000);
}

/** `syncRolloutStatus`: the status of a rollout step, with the Progressing condition estimated. */
export function syncRolloutStatus(env: SyncEnv, allRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment): string | undefined {
  const now = env.ctx.clock.now();
  const next = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeCondition(next, 'Progressing');
  const current = getCondition(d.status, 'Progressing');
  const complete = next.replicas === next.updatedReplicas && current?.reason === reasons.newReplicaSetAvailable;
  if (hasProgressDeadline(d) && !complete) {
    const name = newRS?.metadata?.name;
    if (deploymentComplete(d, next)) {
      const msg = newRS ? `ReplicaSet "${name}" has successfully progressed.` : `Deployment "${d.metadata?.name}" has successfully progressed.`;
      setCondition(next, newCondition('Progressing', 'True', reasons.newReplicaSetAvailable, msg, now));
    } else if (deploymentProgressing(d, next)) {
      const msg = newRS ? `ReplicaSet "${name}" is progressing.` : `Deployment "${d.metadata?.name}" is progressing.`;
      let c = newCondition('Progressing', 'True', reasons.replicaSetUpdated, msg, now);
      // A progressing rollout refreshes lastUpdateTime even when the reason stays the same.
      if (current) {
        if (current.status === 'True') c = { ...c, lastTransitionTime: current.lastTransitionTime };
        removeCondition(next, 'Progressing');
      }
      setCondition(next, c);
    } else if (deploymentTimedOut(d, next, now)) {
      const msg = newRS ? `ReplicaSet "${name}" has timed out progressing.` : `Deployment "${d.metadata?.name}" has timed out progressing.`;
      setCondition(next, newCondition('Progressing', 'False', reasons.timedOut, msg, now));
    }
  }
  const failures = replicaFailures(allRSs, newRS);
  if (failures.length) setCondition(next, failures[0]);
  else removeCondition(next, 'ReplicaFailure');
  if (sameNormalizedStatus(d.status, next)) {
    requeueStuckDeployment(env, d, next);
    return undefined;
  }
  d.status = next;
  return writeDeployment(env, d);
}

/**
 * `checkPausedConditions`: Progressing becomes Unknown/DeploymentPaused "Deployment is paused" while paused,
 * and Unknown/DeploymentResumed "Deployment is resumed" after, so a long pause is not taken for a timeout.
 */
export function checkPausedConditions(env: SyncEnv, d: Deployment): string | undefined {
  if (!hasProgressDeadline(d)) return undefined;
  const c = getCondition(d.status, 'Progressing');
  if (c?.reason === reasons.timedOut) return undefined;
  const pausedCondExists = c?.reason === reasons.paused;
  const now = env.ctx.clock.now();
  const status = d.status as DeploymentStatus;
  if (d.spec?.paused && !pausedCondExists) {
    setCondition(status, newCondition('Progressing', 'Unknown', reasons.paused, 'Deployment is paused', now));
    env.notes.push('paused');
  } else if (!d.spec?.paused && pausedCondExists) {
    setCondition(status, newCondition('Progressing', 'Unknown', reasons.resumed, 'Deployment is resumed', now));
    env.notes.push('resumed');
  } else return undefined;
  return writeDeployment(env, d);
}
