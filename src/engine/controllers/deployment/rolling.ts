/**
 * The RollingUpdate strategy (`pkg/controller/deployment/rolling.go`): grow the new ReplicaSet while the total
 * stays within replicas + maxSurge, shrink old ReplicaSets while at least replicas − maxUnavailable pods stay
 * available, removing unhealthy old replicas first.
 */
import type { Deployment, ReplicaSet } from '../../api/types';
import { activeReplicaSets, availableReplicaCount, deploymentComplete, maxUnavailable, replicaCount, replicasOf, rsReplicas } from './deploymentUtil';
import { syncRolloutStatus } from './progress';
import { byCreationTimestamp, newRSNewReplicas } from './replicaSetSelection';
import { type Result, type SyncEnv, cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from './deploymentSync';

/** `reconcileNewReplicaSet`: scales the new ReplicaSet up (within maxSurge) or down to spec.replicas. */
function reconcileNewReplicaSet(env: SyncEnv, allRSs: readonly ReplicaSet[], newRS: ReplicaSet, d: Deployment): Result<boolean> {
  const want = replicasOf(d);
  if (rsReplicas(newRS) === want) return { ok: true, value: false };
  const target = rsReplicas(newRS) > want ? want : newRSNewReplicas(d, allRSs, newRS);
  const r = scaleReplicaSetAndRecordEvent(env, newRS, target, d);
  return r.ok ? { ok: true, value: r.value.scaled } : r;
}

/**
 * `cleanupUnhealthyReplicas`: scales old ReplicaSets down by their unavailable replicas first (oldest
 * first), at most `maxCleanup` in total, so broken old pods never block the rollout.
 */
function cleanupUnhealthyReplicas(env: SyncEnv, oldRSs: ReplicaSet[], d: Deployment, maxCleanup: number): Result<number> {
  oldRSs.sort(byCreationTimestamp);
  let total = 0;
  for (let i = 0; i < oldRSs.length; i++) {
    const rs = oldRSs[i];
    if (total >= maxCleanup) break;
    const available = rs.status?.availableReplicas ?? 0;
    if (rsReplicas(rs) === 0 || rsReplicas(rs) === available) continue;
    const down = Math.min(maxCleanup - total, rsReplicas(rs) - available);
    const r = scaleReplicaSetAndRecordEvent(env, rs, rsReplicas(rs) - down, d);
    if (!r.ok) return r;
    total += down;
    oldRSs[i] = r.value.rs;
  }
  return { ok: true, value: total };
}

/** `scaleDownOldReplicaSetsForRollingUpdate`: removes what is available beyond replicas − maxUnavailable. */
function scaleDownOldForRollingUpdate(env: SyncEnv, allRSs: readonly ReplicaSet[], oldRSs: ReplicaSet[], d: Deployment): Result<number> {
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const available = availableReplicaCount(allRSs);
  if (available <= minAvailable) return { ok: true, value: 0 };
  oldRSs.sort(byCreationTimestamp);
  const wanted = available - minAvailable;
  let total = 0;
  for (const rs of oldRSs) {
    if (total >= wanted) break;
    if (rsReplicas(rs) === 0) continue;
    const down = Math.min(rsReplicas(rs), wanted - total);
    const r = scaleReplicaSetAndRecordEvent(env, rs, rsReplicas(rs) - down, d);
    if (!r.ok) return r;
    total += down;
  }
  return { ok: true, value: total };
}

/** `reconcileOldReplicaSets` */
function reconcileOldReplicaSets(env: SyncEnv, allRSs: readonly ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): Result<boolean> {
  if (replicaCount(oldRSs) === 0) return { ok: true, value: false };
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = rsReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = replicaCount(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return { ok: true, value: false };
  const cleaned = cleanupUnhealthyReplicas(env, oldRSs, d, maxScaledDown);
  if (!cleaned.ok) return cleaned;
  const scaledDown = scaleDownOldForRollingUpdate(env, [...oldRSs, newRS], oldRSs, d);
  if (!scaledDown.ok) return scaledDown;
  return { ok: true, value: cleaned.value + scaledDown.value > 0 };
}

/** `rolloutRolling`: one step of a rolling update, then the rollout status. */
export function rolloutRolling(env: SyncEnv, d: Deployment, rsList: readonly ReplicaSet[]): string | undefined {
  const all = getAllReplicaSetsAndSyncRevision(env, d, rsList, true);
  if (!all.ok) return all.error;
  const { newRS, oldRSs } = all.value;
  if (!newRS) return undefined;
  const allRSs = [...oldRSs, newRS];
  const up = reconcileNewReplicaSet(env, allRSs, newRS, d);
  if (!up.ok) return up.error;
  if (up.value) return syncRolloutStatus(env, allRSs, newRS, d);
  const down = reconcileOldReplicaSets(env, allRSs, activeReplicaSets(oldRSs), newRS, d);
  if (!down.ok) return down.error;
  if (down.value) return syncRolloutStatus(env, allRSs, newRS, d);
  if (d.status && deploymentComplete(d, d.status)) {
    const e = cleanupDeployment(env, oldRSs, d);
    if (e) return e;
  }
  return syncRolloutStatus(env, allRSs, newRS, d);
}
