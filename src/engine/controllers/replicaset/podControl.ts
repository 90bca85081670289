/**
 * `controller.RealPodControl`: how a controller creates and deletes its pods, with the Events Kubernetes
 * records for each (`SuccessfulCreate` "Created pod: x", `FailedCreate` "Error creating: ...",
 * `SuccessfulDelete` "Deleted pod: x", `FailedDelete` "Error deleting: ...", pkg/controller/controller_utils.go).
 */
import type { ApiStatus } from '../../api/status';
import type { Kind, KubeObject, OwnerReference, Pod, ReplicaSet } from '../../api/types';
import { cloneJson } from '../../shared';
import type { ControllerContext } from '../controller';

type PodTemplate = NonNullable<NonNullable<ReplicaSet['spec']>['template']>;

/**
 * `controller.GetPodFromTemplate`: labels, annotations and finalizers from the template, `generateName`
 * `<owner>-` (the apiserver appends five random characters), the controller reference, and the spec.
 */
export function podFromTemplate(template: PodTemplate, owner: KubeObject, controllerRef: OwnerReference): Pod {
  const meta = template.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${owner.metadata?.name ?? ''}-`,
      namespace: owner.metadata?.namespace,
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers?.length ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [controllerRef],
    },
    spec: cloneJson(template.spec ?? { containers: [] }),
  };
  return pod;
}

/** Whether a failed create was refused because the namespace is being deleted (`NamespaceTerminatingCause`). */
export function isNamespaceTerminating(status: ApiStatus): boolean {
  if (status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) return true;
  return status.reason === 'Forbidden' && status.message.endsWith('because it is being terminated');
}

export type PodControlResult = { ok: true; pod?: Pod } | { ok: false; error: string; namespaceTerminating?: boolean; notFound?: boolean };

/** Creates one pod for `owner` from its template, recording the Event the controller manager records. */
export function createPodFromTemplate(
  ctx: ControllerContext,
  component: string,
  ownerKind: Kind,
  owner: KubeObject,
  template: PodTemplate,
  controllerRef: OwnerReference,
): PodControlResult {
  const pod = podFromTemplate(template, owner, controllerRef);
  if (Object.keys(pod.metadata?.labels ?? {}).length === 0) return { ok: false, error: 'unable to create pods, no labels' };
  const res = ctx.api.create('Pod', pod, { handOver: true });
  if (!res.ok) {
    const terminating = isNamespaceTerminating(res.status);
    // only send an event if the namespace isn't terminating
    if (!terminating) ctx.recorder.event(owner, ownerKind, { component }, 'Warning', 'FailedCreate', `Error creating: ${res.status.message}`);
    return { ok: false, error: res.status.message, namespaceTerminating: terminating };
  }
  ctx.recorder.event(owner, ownerKind, { component }, 'Normal', 'SuccessfulCreate', `Created pod: ${res.value.metadata?.name}`);
  return { ok: true, pod: res.value };
}

/** Deletes one pod of `owner` (graceful, like any client delete), recording the Event (none for NotFound). */
export function deletePodOf(ctx: ControllerContext, component: string, ownerKind: Kind, owner: KubeObject, pod: Pod): PodControlResult {
  const name = pod.metadata?.name ?? '';
  const res = ctx.api.delete('Pod', pod.metadata?.namespace, name);
  if (!res.ok) {
    if (res.status.reason === 'NotFound') return { ok: false, error: res.status.message, notFound: true };
    ctx.recorder.event(owner, ownerKind, { component }, 'Warning', 'FailedDelete', `Error deleting: ${res.status.message}`);
    return { ok: false, error: res.status.message };
  }
  ctx.recorder.event(owner, ownerKind, { component }, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
  return { ok: true };
}
