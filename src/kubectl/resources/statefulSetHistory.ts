/**
 * kubectl's own view of a StatefulSet's history (kubernetes/kubectl `pkg/polymorphichelpers/history.go`
 * `statefulSetHistory`, `applyStatefulSetHistory`; `rollback.go` `findHistory`, `statefulsetMatch`,
 * `getStatefulSetPatch`): the ControllerRevisions its selector lists and it controls. Each revision's data is a
 * strategic merge patch that puts a pod template back; kubectl applies it locally to show a revision and sends it
 * as the patch of `rollout undo`.
 */
import type { Cluster } from '../../engine';
import { strategicMergePatch } from '../../engine/apiserver/patch';
import type { ControllerRevision, StatefulSet } from '../../engine/api/types';
import { goJsonMarshal } from '../../shared/goJson';
import { fail } from '../cli/errors';
import { selectorString } from '../printers/labels';

/** `statefulSetHistory`: the ControllerRevisions the set controls, in list order. */
export function statefulSetHistory(cluster: Cluster, sts: StatefulSet): ControllerRevision[] {
  const name = sts.metadata?.name ?? '';
  const listed = cluster.list('ControllerRevision', { namespace: sts.metadata?.namespace, labelSelector: selectorString(sts.spec?.selector) || undefined });
  if (!listed.ok) throw fail(`unable to find history controlled by StatefulSet ${name}: ${listed.status.message}`);
  // metav1.IsControlledBy compares the controller reference's uid
  return listed.value.items.filter((cr) => (cr.metadata?.ownerReferences ?? []).some((o) => o.controller && o.uid === sts.metadata?.uid));
}

/** `applyStatefulSetHistory` / `applyRevision`: the set with the revision's patch applied (its template put back). */
export function applyStatefulSetHistory(sts: StatefulSet, cr: ControllerRevision): StatefulSet {
  return strategicMergePatch('StatefulSet', sts, (cr.data ?? null) as Record<string, unknown> | null) as StatefulSet;
}

/** `statefulsetMatch`: the set's current template, as `getStatefulSetPatch` encodes it, is the revision's data byte for byte. */
export function statefulSetMatches(sts: StatefulSet, cr: ControllerRevision): boolean {
  const patch = { spec: { template: { ...(sts.spec?.template ?? {}), $patch: 'replace' } } };
  return goJsonMarshal(patch) === goJsonMarshal(cr.data ?? null);
}

/** `findHistory`: revision `toRevision`, or for 0 the one before the latest (undefined when there is none). */
export function findHistory(toRevision: number, all: readonly ControllerRevision[]): ControllerRevision | undefined {
  if (toRevision === 0) {
    if (all.length <= 1) return undefined;
    const sorted = [...all].sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
    return sorted[sorted.length - 2];
  }
  return all.find((cr) => (cr.revision ?? 0) === toRevision);
}
