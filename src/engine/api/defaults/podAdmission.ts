/**
 * The mutating admission plugins every kubeadm/kind apiserver runs on pods, in their order:
 * ServiceAccount (service account name and the `kube-api-access-xxxxx` token volume),
 * DefaultTolerationSeconds (not-ready / unreachable NoExecute tolerations for 300 s) and Priority.
 */
import type { Volume } from 'kubernetes-types/core/v1';
import type { PodSpec, Toleration } from '../types';
import { generateName } from '../../apiserver/names';
import type { Prng } from '../../../shared/prng';

type Json = Record<string, unknown>;

/** Where the token volume is mounted (`DefaultAPITokenMountPath`). */
export const serviceAccountMountPath = '/var/run/secrets/kubernetes.io/serviceaccount';
/** Lifetime the admission plugin requests for the bound token (`WarnOnlyBoundTokenExpirationSeconds`). */
const tokenExpirationSeconds = 3607;

/** `TokenVolumeSource()`: token, cluster CA bundle and namespace, file mode 0644. */
function tokenVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: tokenExpirationSeconds, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

/**
 * ServiceAccount admission on create: `serviceAccountName` defaults to "default" and, unless automounting is
 * off, a projected token volume named `kube-api-access-<5 random chars>` is added and mounted read-only in
 * every container and init container that does not already mount that path.
 */
export function admitServiceAccount(spec: PodSpec, rand: Prng): void {
  const s = spec as PodSpec & Json;
  if (!s.serviceAccountName) s.serviceAccountName = (s.serviceAccount as string | undefined) || 'default';
  s.serviceAccount = s.serviceAccountName;
  if (s.automountServiceAccountToken === false) return;
  // an existing kube-api-access-* volume is reused; otherwise a name is drawn before looking at the mounts
  const existing = (s.volumes ?? []).find((v) => v.name.startsWith('kube-api-access-'));
  const volumeName = existing?.name ?? generateName('kube-api-access-', rand);
  const containers = [...(s.initContainers ?? []), ...(s.containers ?? [])];
  const needsMount = containers.filter((c) => !(c.volumeMounts ?? []).some((m) => m.mountPath === serviceAccountMountPath));
  for (const c of needsMount) {
    (c as unknown as Json).volumeMounts = [...(c.volumeMounts ?? []), { name: volumeName, readOnly: true, mountPath: serviceAccountMountPath }];
  }
  if (!existing && needsMount.length > 0) s.volumes = [...(s.volumes ?? []), tokenVolume(volumeName)];
}

const defaultTolerationSeconds = 300;

/**
 * DefaultTolerationSeconds: pods that do not already tolerate the node lifecycle taints get
 * `node.kubernetes.io/not-ready` and `node.kubernetes.io/unreachable` (NoExecute) for 300 seconds, so they are
 * evicted five minutes after their node fails.
 */
export function admitDefaultTolerations(spec: PodSpec): void {
  const tolerations: Toleration[] = [...(spec.tolerations ?? [])];
  const tolerates = (key: string) => tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const add: Toleration[] = [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerates(key)) add.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: defaultTolerationSeconds });
  }
  if (add.length) (spec as PodSpec & Json).tolerations = [...tolerations, ...add];
}

/** The two built-in PriorityClasses (`scheduling.SystemPriorityClasses`). */
const systemPriorityClasses: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/**
 * Priority admission on create: the priority comes from `priorityClassName` (0 when unset: kind has no global
 * default class), preemption policy PreemptLowerPriority. Unknown class names also get 0 here; the real
 * plugin rejects them, which the simulation does not model.
 */
export function admitPriority(spec: PodSpec): void {
  const s = spec as PodSpec & Json;
  s.priority = systemPriorityClasses[s.priorityClassName ?? ''] ?? 0;
  if (!s.preemptionPolicy) s.preemptionPolicy = 'PreemptLowerPriority';
}

/** Priority admission on update: the values set at creation are kept when the update omits them. */
export function admitPriorityOnUpdate(spec: PodSpec, old: PodSpec | undefined): void {
  const s = spec as PodSpec & Json;
  if (s.priority === undefined && old?.priority !== undefined) s.priority = old.priority;
  if (s.preemptionPolicy === undefined && old?.preemptionPolicy !== undefined) s.preemptionPolicy = old.preemptionPolicy;
}
