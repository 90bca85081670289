/**
 * Which ReplicaSets of a Deployment are new, old, active or saturated, how they sort, and how many replicas
 * each gets when a Deployment is scaled in the middle of a rollout (proportional scaling). From
 * `pkg/controller/deployment/util/deployment_util.go` and `pkg/controller/controller_utils.go`.
 */
import type { Deployment, ReplicaSet } from '../../api/types';
import { parseTimestamp } from '../../clock';
import type { TemplateEquality } from './podTemplateHash';
import {
  activeReplicaSets,
  desiredReplicasOf,
  isRollingUpdate,
  maxReplicasOf,
  maxSurge,
  replicaCount,
  replicasOf,
  revisionOf,
  rsReplicas,
} from './deploymentUtil';
import { scaledOrZero } from './intOrPercent';

const created = (rs: ReplicaSet): number => {
  const t = rs.metadata?.creationTimestamp ? parseTimestamp(rs.metadata.creationTimestamp) : Number.NaN;
  return Number.isNaN(t) ? 0 : t;
};
const nameOf = (rs: ReplicaSet): string => rs.metadata?.name ?? '';

/** `ReplicaSetsByCreationTimestamp`: older first; same second → by name. */
export function byCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const d = created(a) - created(b);
  if (d !== 0) return d;
  return nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0;
}

/** `ReplicaSetsByRevision`: lower revision first; same revision → by creation time. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const d = revisionOf(a) - revisionOf(b);
  return d !== 0 ? d : byCreationTimestamp(a, b);
}

/** `ReplicaSetsBySizeNewer`: larger first; same size → newer first. */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  const d = rsReplicas(b) - rsReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(b, a);
}

/** `ReplicaSetsBySizeOlder`: larger first; same size → older first. */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  const d = rsReplicas(b) - rsReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(a, b);
}

/** `FindNewReplicaSet`: the oldest ReplicaSet whose template equals the Deployment's (hash label ignored). */
export function findNewReplicaSet(d: Deployment, rss: readonly ReplicaSet[], templates: TemplateEquality): ReplicaSet | undefined {
  return [...rss].sort(byCreationTimestamp).find((rs) => templates.equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** `FindOldReplicaSets` (all old ReplicaSets, whatever their size). */
export function findOldReplicaSets(d: Deployment, rss: readonly ReplicaSet[], templates: TemplateEquality): ReplicaSet[] {
  const newRS = findNewReplicaSet(d, rss, templates);
  return rss.filter((rs) => rs.metadata?.uid !== newRS?.metadata?.uid);
}

/**
 * `FindActiveOrLatest`: the only ReplicaSet with replicas, or the newest one when none has any; undefined
 * when several are active (then the scale is proportional).
 */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const olds = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const all = activeReplicaSets([...olds, newRS]);
  if (all.length === 0) return newRS ?? olds[0];
  return all.length === 1 ? all[0] : undefined;
}

/** `IsSaturated`: the new ReplicaSet runs the full, available size the Deployment asks for. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const n = replicasOf(d);
  return rsReplicas(rs) === n && desiredReplicasOf(rs) === n && (rs.status?.availableReplicas ?? 0) === n;
}

/**
 * `NewRSNewReplicas`: how big the new ReplicaSet may be now. RollingUpdate grows it up to
 * replicas + maxSurge pods in total (never past replicas); Recreate makes it full size at once.
 */
export function newRSNewReplicas(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const surge = scaledOrZero(d.spec?.strategy?.rollingUpdate?.maxSurge, replicasOf(d), true);
  const current = replicaCount(allRSs);
  const maxTotal = replicasOf(d) + surge;
  if (current >= maxTotal) return rsReplicas(newRS);
  const up = Math.min(maxTotal - current, replicasOf(d) - rsReplicas(newRS));
  return rsReplicas(newRS) + up;
}

/** Go's `math.Round`: halves away from zero. */
const roundHalfAway = (x: number): number => (x < 0 ? -Math.round(-x) : Math.round(x));

/**
 * `getReplicaSetFraction`: this ReplicaSet's share of a scale, from the size the Deployment had when the
 * ReplicaSet last saw it (the max-replicas annotation).
 */
function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (replicasOf(d) === 0) return -rsReplicas(rs);
  const deploymentMax = replicasOf(d) + maxSurge(d);
  let before = maxReplicasOf(rs);
  // without the annotation (edited by hand), fall back to the Deployment's current size
  if (before === undefined || before === 0) before = d.status?.replicas ?? 0;
  if (!before) return 0;
  return roundHalfAway((rsReplicas(rs) * deploymentMax) / before) - rsReplicas(rs);
}

/** `GetReplicaSetProportion`: how many replicas to add to (or remove from) `rs`, within what is left. */
export function replicaSetProportion(rs: ReplicaSet | undefined, d: Deployment, toAdd: number, added: number): number {
  if (!rs || rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}
