/**
 * The Recreate strategy (`pkg/controller/deployment/recreate.go`): scale every old ReplicaSet to 0, wait until
 * none of their pods is left (terminating ones included), then create the new ReplicaSet at full size.
 */
import type { Deployment, Pod, ReplicaSet } from '../../api/types';
import type { ControllerContext } from '../controller';
import { controllerUidIndex } from '../replicaset/controllerRef';
import { type SyncEnv, cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from './deploymentSync';
import { activeReplicaSets, actualReplicaCount, deploymentComplete, replicasOf } from './deploymentUtil';
import { syncRolloutStatus } from './progress';

/** `getPodMapForDeployment`: the pods of each ReplicaSet, by ReplicaSet uid. */
export function podMapFor(ctx: ControllerContext, rsList: readonly ReplicaSet[]): Map<string, Pod[]> {
  const m = new Map<string, Pod[]>();
  for (const rs of rsList) {
    const uid = rs.metadata?.uid ?? '';
    m.set(uid, ctx.store.listByIndex('Pod', controllerUidIndex, uid));
  }
  return m;
}

/** `oldPodsRunning`: old ReplicaSets still report pods, or any of their pods has not finished. */
function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[], podMap: Map<string, Pod[]>): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata?.uid === uid) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase !== 'Failed' && phase !== 'Succeeded') return true;
    }
  }
  return false;
}

/** `rolloutRecreate` */
export function rolloutRecreate(env: SyncEnv, d: Deployment, rsList: readonly ReplicaSet[]): string | undefined {
  const first = getAllReplicaSetsAndSyncRevision(env, d, rsList, false);
  if (!first.ok) return first.error;
  let { newRS, oldRSs } = first.value;
  let allRSs = [...oldRSs, ...(newRS ? [newRS] : [])];
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) {
    const r = scaleReplicaSetAndRecordEvent(env, rs, 0, d);
    if (!r.ok) return r.error;
    if (r.value.scaled) scaledDown = true;
  }
  if (scaledDown) return syncRolloutStatus(env, allRSs, newRS, d);
  if (oldPodsRunning(newRS, oldRSs, podMapFor(env.ctx, rsList))) return syncRolloutStatus(env, allRSs, newRS, d);
  if (!newRS) {
    const created = getAllReplicaSetsAndSyncRevision(env, d, rsList, true);
    if (!created.ok) return created.error;
    ({ newRS, oldRSs } = created.value);
    allRSs = [...oldRSs, ...(newRS ? [newRS] : [])];
  }
  if (newRS) {
    const r = scaleReplicaSetAndRecordEvent(env, newRS, replicasOf(d), d);
    if (!r.ok) return r.error;
  }
  if (d.status && deploymentComplete(d, d.status)) {
    const e = cleanupDeployment(env, oldRSs, d);
    if (e) return e;
  }
  return syncRolloutStatus(env, allRSs, newRS, d);
}
