/**
 * Deployment status (`calculateStatus` and `syncDeploymentStatus` of `pkg/controller/deployment/sync.go`)
 * and the one place the controller writes its Deployment: annotations (the revision) and status.
 */
import type { Deployment, ReplicaSet } from '../../api/types';
import { deepEqual } from '../../shared';
import { keyOf } from '../../store/objectStore';
import { type DeploymentStatus, newCondition, reasons, setCondition } from './deploymentConditions';
import { actualReplicaCount, availableReplicaCount, maxUnavailable, readyReplicaCount, replicaCount, replicasOf } from './deploymentUtil';
import type { SyncEnv } from './deploymentSync';

/**
 * Writes the Deployment's annotations (the revision) and status from the private copy, when changed. Like
 * Kubernetes it uses the status subresource, which for Deployments also carries annotations and so does not
 * bump the generation; should the apiserver drop them, a plain update follows.
 */
export function writeDeployment(env: SyncEnv, d: Deployment): string | undefined {
  const { store, api } = env.ctx;
  const cur = store.get('Deployment', keyOf(d));
  if (!cur || cur.metadata?.uid !== d.metadata?.uid) return `deployments.apps "${d.metadata?.name}" not found`;
  const annotations = d.metadata?.annotations ?? {};
  const annotationsChanged = !deepEqual(cur.metadata?.annotations ?? {}, annotations);
  const status = normalizeStatus(d.status);
  const statusChanged = !deepEqual(normalizeStatus(cur.status), status);
  if (!annotationsChanged && !statusChanged) return undefined;
  const res = api.updateStatus('Deployment', { ...cur, metadata: { ...cur.metadata, annotations: d.metadata?.annotations }, status });
  if (!res.ok) return res.status.message;
  if (annotationsChanged && !deepEqual(res.value.metadata?.annotations ?? {}, annotations)) {
    const upd = api.update('Deployment', { ...res.value, metadata: { ...res.value.metadata, annotations: d.metadata?.annotations } });
    if (!upd.ok) return upd.status.message;
  }
  if (statusChanged) {
    const progressing = status.conditions?.find((c) => c.type === 'Progressing')?.reason;
    env.notes.push(
      `status: replicas=${status.replicas ?? 0} updated=${status.updatedReplicas ?? 0} ready=${status.readyReplicas ?? 0} available=${status.availableReplicas ?? 0}${progressing ? ` (${progressing})` : ''}`,
    );
  }
  return undefined;
}

/** Drops zero counts, as the API's `omitempty` fields do, so equal statuses compare equal. */
export function normalizeStatus(s: DeploymentStatus | undefined): DeploymentStatus {
  const out: DeploymentStatus = {};
  for (const [k, v] of Object.entries(s ?? {})) {
    if (v === undefined || v === 0 || (Array.isArray(v) && v.length === 0)) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/**
 * `calculateStatus`: counts over all ReplicaSets and the Available condition ("Deployment has minimum
 * availability." once available ≥ replicas − maxUnavailable).
 */
export function calculateStatus(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, now: number): DeploymentStatus {
  const available = availableReplicaCount(allRSs);
  const unavailable = Math.max(0, replicaCount(allRSs) - available);
  const raw: DeploymentStatus = {
    observedGeneration: d.metadata?.generation,
    replicas: actualReplicaCount(allRSs),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    collisionCount: d.status?.collisionCount,
    conditions: [...(d.status?.conditions ?? [])],
  };
  const status = normalizeStatus(raw);
  status.conditions = [...(d.status?.conditions ?? [])];
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', reasons.minimumReplicasAvailable, 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition('Available', 'False', reasons.minimumReplicasUnavailable, 'Deployment does not have minimum availability.', now));
  }
  return status;
}

/** `syncDeploymentStatus`: writes the calculated status when it differs. */
export function syncDeploymentStatus(env: SyncEnv, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): string | undefined {
  const next = calculateStatus(allRSs, newRS, d, env.ctx.clock.now());
  if (deepEqual(normalizeStatus(d.status), normalizeStatus(next))) return undefined;
  d.status = next;
  return writeDeployment(env, d);
}
