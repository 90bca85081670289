/**
 * A StatefulSet pod's identity and the predicates the controller decides with (kubernetes/kubernetes
 * `pkg/controller/statefulset/stateful_set_utils.go`): the name `<set>-<ordinal>`, the hostname and
 * subdomain that give each pod its DNS name under the governing Service, the pod-name, pod-index and revision
 * labels, and one volume per claim template named `<claim>-<set>-<ordinal>`.
 */
import type { OwnerReference, Pod, StatefulSet } from '../../api/types';
import type { PodTemplateSpec } from '../deployment/podTemplateHash';
import { podFromTemplate } from '../replicaset/podControl';
import { isPodAvailable, isPodReady } from '../replicaset/podUtil';

/** `apps.StatefulSetPodNameLabel` */
export const podNameLabel = 'statefulset.kubernetes.io/pod-name';
/** `apps.PodIndexLabel` (feature PodIndexLabel, GA in 1.32) */
export const podIndexLabel = 'apps.kubernetes.io/pod-index';
/** `apps.StatefulSetRevisionLabel`: the name of the ControllerRevision the pod was made from. */
export const podRevisionLabel = 'controller-revision-hash';

const maxInt32 = 2 ** 31 - 1;

/**
 * `getParentNameAndOrdinal`: the name splits at its last `-` followed only by digits; an ordinal that does
 * not fit an int32 is -1, as is a name without one.
 */
export function parentAndOrdinal(pod: Pod): { parent: string; ordinal: number } {
  const m = /^(.*)-([0-9]+)$/s.exec(pod.metadata?.name ?? '');
  if (!m) return { parent: '', ordinal: -1 };
  const n = Number(m[2]);
  return { parent: m[1], ordinal: n <= maxInt32 ? n : -1 };
}

export function ordinalOf(pod: Pod): number {
  return parentAndOrdinal(pod).ordinal;
}

/** `isMemberOf`: the pod's name says it belongs to the set. */
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return parentAndOrdinal(pod).parent === set.metadata?.name;
}

/** `getPodName` */
export function podNameFor(set: StatefulSet, ordinal: number): string {
  return `${set.metadata?.name ?? ''}-${ordinal}`;
}

/** `getStartOrdinal`: `spec.ordinals.start`, else 0. */
export function startOrdinal(set: StatefulSet): number {
  return set.spec?.ordinals?.start ?? 0;
}

/** `getEndOrdinal`: the last ordinal the set should have. */
export function endOrdinal(set: StatefulSet): number {
  return startOrdinal(set) + (set.spec?.replicas ?? 1) - 1;
}

/** `podInOrdinalRange` */
export function inOrdinalRange(set: StatefulSet, pod: Pod): boolean {
  const o = ordinalOf(pod);
  return o >= startOrdinal(set) && o <= endOrdinal(set);
}

/** `getPersistentVolumeClaimName` */
export function claimNameFor(set: StatefulSet, claimTemplate: string, ordinal: number): string {
  return `${claimTemplate}-${set.metadata?.name ?? ''}-${ordinal}`;
}

/** `identityMatches`: name, namespace and the pod-name and pod-index labels fit the set and the ordinal. */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal } = parentAndOrdinal(pod);
  const labels = pod.metadata?.labels;
  return (
    ordinal >= 0 &&
    parent === set.metadata?.name &&
    pod.metadata?.name === podNameFor(set, ordinal) &&
    (pod.metadata?.namespace ?? '') === (set.metadata?.namespace ?? '') &&
    labels?.[podNameLabel] === pod.metadata?.name &&
    labels?.[podIndexLabel] === String(ordinal)
  );
}

/** `storageMatches`: every claim template has its volume, pointing at this ordinal's claim. */
export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = ordinalOf(pod);
  if (ordinal < 0) return false;
  const volumes = pod.spec?.volumes ?? [];
  for (const claim of set.spec?.volumeClaimTemplates ?? []) {
    const name = claim.metadata?.name ?? '';
    const v = volumes.find((x) => x.name === name);
    if (v?.persistentVolumeClaim?.claimName !== claimNameFor(set, name, ordinal)) return false;
  }
  return true;
}

/** `updateIdentity`: the name, namespace and identity labels (what may change on a live pod). */
export function updateIdentity(set: StatefulSet, pod: Pod): void {
  const ordinal = ordinalOf(pod);
  pod.metadata ??= {};
  pod.metadata.name = podNameFor(set, ordinal);
  pod.metadata.namespace = set.metadata?.namespace;
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [podNameLabel]: pod.metadata.name, [podIndexLabel]: String(ordinal) };
}

/**
 * `updateStorage`: one `persistentVolumeClaim` volume per claim template first (Kubernetes walks a map here,
 * so with several templates their order varies; svcsim keeps the templates' order), then the pod's other
 * volumes whose names no template takes.
 */
export function updateStorage(set: StatefulSet, pod: Pod): void {
  const templates = set.spec?.volumeClaimTemplates ?? [];
  if (templates.length === 0) return;
  const ordinal = ordinalOf(pod);
  const names = new Set(templates.map((t) => t.metadata?.name ?? ''));
  const spec = pod.spec ?? { containers: [] };
  spec.volumes = [
    ...templates.map((t) => ({ name: t.metadata?.name ?? '', persistentVolumeClaim: { claimName: claimNameFor(set, t.metadata?.name ?? '', ordinal) } })),
    ...(spec.volumes ?? []).filter((v) => !names.has(v.name)),
  ];
  pod.spec = spec;
}

/**
 * `newStatefulSetPod`: the template as any controller makes a pod of it (so `generateName: <set>-` too),
 * named for its ordinal, with `initIdentity`'s hostname and subdomain (set only at creation: they are
 * immutable) and the claim volumes.
 */
export function newStatefulSetPod(set: StatefulSet, template: PodTemplateSpec, ordinal: number, ref: OwnerReference, revision: string): Pod {
  const pod = podFromTemplate(template, set, ref);
  pod.metadata = { ...pod.metadata, name: podNameFor(set, ordinal) };
  updateIdentity(set, pod);
  pod.metadata.labels = { ...pod.metadata.labels, [podRevisionLabel]: revision };
  const spec = pod.spec ?? { containers: [] };
  spec.hostname = pod.metadata.name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  pod.spec = spec;
  updateStorage(set, pod);
  return pod;
}

/** `getPodRevision` */
export function podRevision(pod: Pod): string {
  return pod.metadata?.labels?.[podRevisionLabel] ?? '';
}

/** `isCreated`: the apiserver has it (a phase is set). */
export function isCreated(pod: Pod): boolean {
  return !!pod.status?.phase;
}

export function isTerminating(pod: Pod): boolean {
  return !!pod.metadata?.deletionTimestamp;
}

/** `isRunningAndReady` */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** `isRunningAndAvailable` */
export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  return pod.status?.phase === 'Running' && isPodAvailable(pod, minReadySeconds, now);
}

/** `isUnavailable`: not available, or on its way out. */
export function isUnavailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  return !isPodAvailable(pod, minReadySeconds, now) || isTerminating(pod);
}
