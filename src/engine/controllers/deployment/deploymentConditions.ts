/**
 * Deployment conditions (`pkg/controller/deployment/util/deployment_util.go`): the reasons and messages the
 * controller writes, and `SetDeploymentCondition`, which keeps lastTransitionTime while the status holds and
 * moves a changed condition to the end of the list.
 */
import type { Deployment } from '../../api/types';
import { formatTimestamp } from '../../clock';

export type DeploymentStatus = NonNullable<Deployment['status']>;
export type DeploymentCondition = NonNullable<DeploymentStatus['conditions']>[number];

/** Condition reasons, as constants of deployment_util.go. */
export const reasons = {
  newReplicaSet: 'NewReplicaSetCreated',
  foundNewReplicaSet: 'FoundNewReplicaSet',
  newReplicaSetAvailable: 'NewReplicaSetAvailable',
  replicaSetUpdated: 'ReplicaSetUpdated',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  failedReplicaSetCreate: 'ReplicaSetCreateError',
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

/** `NewDeploymentCondition`: both times are now. */
export function newCondition(type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string, now: number): DeploymentCondition {
  const t = formatTimestamp(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

export function getCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** `SetDeploymentCondition`: no-op when status and reason are unchanged. */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = current && current.status === condition.status ? { ...condition, lastTransitionTime: current.lastTransitionTime } : condition;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

/** `RemoveDeploymentCondition` */
export function removeCondition(status: DeploymentStatus, type: string): void {
  if (!status.conditions) return;
  const rest = status.conditions.filter((c) => c.type !== type);
  if (rest.length) status.conditions = rest;
  else delete status.conditions;
}
