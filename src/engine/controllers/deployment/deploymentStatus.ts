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
  const statusChanged = !sameNormalizedStatus(cur.status, status);
  if (!annotationsChanged && !statusChanged) return undefined;
  const res = api.updateStatus('Deployment', { ...cur, metadata: { ...cur.metadata, annotations: d.metadata?.annotations }, status }, { handOver: true });
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

/** A member `normalizeStatus` drops. */
function omitted(v: unknown): boolean {
  return v === undefined || v === 0 || (Array.isArray(v) && v.length === 0);
}

/** `deepEqual(normalizeStatus(a), normalizeStatus(b))` without building either (every sync asks). */
export function sameNormalizedStatus(a: DeploymentStatus | undefined, b: DeploymentStatus | undefined): boolean {
  const ao = (a ?? {}) as Record<string, unknown>;
  const bo = (b ?? {}) as Record<string, unknown>;
  let na = 0;
  for (const k in ao) {
    const v = ao[k];
    if (omitted(v)) continue;
    na++;
    const w = bo[k];
    if (omitted(w) || !deepEqual(v, w)) return false;
  }
  let nb = 0;
  for (const k in bo) if (!omitted(bo[k])) nb++;
  return na === nb;
}

/** Drops zero counts, as the API's `omitempty` fields do, so equal statuses compare equal. */
export function normalizeStatus(s: DeploymentStatus | undefined): DeploymentStatus {
  const out: DeploymentStatus = {};
  if (!s) return out;
  for (const k in s) {
    const v = (s as Record<string, unknown>)[k];
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
  if (sameNormalizedStatus(d.status, next)) return undefined;
  d.status = next;
  return writeDeployment(env, d);
}
