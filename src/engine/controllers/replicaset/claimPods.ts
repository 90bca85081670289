/**
 * `PodControllerRefManager.ClaimPods` (kubernetes/kubernetes `pkg/controller/controller_ref_manager.go`): of the
 * candidate pods, the owner keeps those it controls that still match, releases those it controls that stopped
 * matching (so its replacement logic sees one pod fewer), and adopts matching orphans — only while the owner is
 * current and not being deleted (`RecheckDeletionTimestamp`). The ReplicaSet and StatefulSet controllers share it.
 */
import type { Kind, KubeObject, Pod } from '../../api/types';
import type { LabelSelector } from '../../store/labelSelector';
import { keyOf } from '../../store/objectStore';
import type { ControllerContext } from '../controller';
import { getControllerOf, newControllerRef, withoutOwnerRef } from './controllerRef';

/**
 * Claims `candidates` for `owner`. `matches` adds a condition to the selector (a StatefulSet claims only pods
 * named as its members). What was released or adopted goes to `notes` for the cluster log.
 */
export function claimPods(
  ctx: Pick<ControllerContext, 'api' | 'store'>,
  ownerKind: Extract<Kind, 'ReplicaSet' | 'StatefulSet'>,
  owner: KubeObject,
  selector: LabelSelector,
  candidates: readonly Pod[],
  notes: string[],
  matches: (pod: Pod) => boolean = () => true,
): { pods: Pod[]; error?: string } {
  const uid = owner.metadata?.uid ?? '';
  const deleting = !!owner.metadata?.deletionTimestamp;
  const claimed: Pod[] = [];
  const errors: string[] = [];
  for (const pod of candidates) {
    const ref = getControllerOf(pod);
    const match = selector.matches(pod.metadata?.labels) && matches(pod);
    if (ref) {
      if (ref.uid !== uid) continue;
      if (match) claimed.push(pod);
      else if (!deleting) {
        const res = ctx.api.update('Pod', withoutOwnerRef(pod, uid));
        if (res.ok) notes.push(`released pod ${pod.metadata?.name}`);
        else if (res.status.reason !== 'NotFound') errors.push(res.status.message);
      }
      continue;
    }
    if (deleting || !match || pod.metadata?.deletionTimestamp) continue;
    // `RecheckDeletionTimestamp`: adopt only while the owner itself is current and not being deleted.
    const fresh = ctx.store.get(ownerKind, keyOf(owner));
    if (!fresh || fresh.metadata?.uid !== uid || fresh.metadata?.deletionTimestamp) continue;
    const refs = [...(pod.metadata?.ownerReferences ?? []), newControllerRef(owner, 'apps/v1', ownerKind)];
    const res = ctx.api.update('Pod', { ...pod, metadata: { ...pod.metadata, ownerReferences: refs } });
    if (res.ok) {
      claimed.push(res.value);
      notes.push(`adopted pod ${pod.metadata?.name}`);
    } else if (res.status.reason !== 'NotFound') errors.push(res.status.message);
  }
  return { pods: claimed, error: errors.length ? errors.join(', ') : undefined };
}
