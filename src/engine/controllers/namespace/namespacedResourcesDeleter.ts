/**
 * Deleting everything in a namespace (`pkg/controller/namespace/deletion/namespaced_resources_deleter.go`):
 * each namespaced resource is deleted as by DeleteCollection (pods gracefully), then listed again. What is
 * left gives an estimate of when to look again: for pods the longest terminationGracePeriodSeconds, for
 * objects held by finalizers 5 seconds.
 */
import { allResources } from '../../api/resources';
import type { Kind, KubeObject, Pod } from '../../api/types';
import type { ControllerContext } from '../controller';
import type { ContentTotals } from './namespaceConditions';

/** `finalizerEstimateSeconds` */
const finalizerEstimateSeconds = 5;
/** The API default of `terminationGracePeriodSeconds`. */
const defaultGracePeriodSeconds = 30;

const namespacedKinds: readonly { kind: Kind; resource: string }[] = allResources
  .filter((r) => r.namespaced)
  .map((r) => ({ kind: r.kind, resource: `${r.resource}.${r.group}` }));

/** `estimateGracefulTerminationForPods`: the longest grace period among pods that have not finished. */
function estimatePods(pods: readonly Pod[]): number {
  let estimate = 0;
  for (const pod of pods) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    estimate = Math.max(estimate, pod.spec?.terminationGracePeriodSeconds ?? defaultGracePeriodSeconds);
  }
  return estimate;
}

export interface DeletionPass extends ContentTotals {
  /** Seconds until the remaining content is expected gone; 0 when nothing is left. */
  estimate: number;
  /** Objects deleted by this pass. */
  deleted: number;
}

/** `deleteAllContent` for one namespace. */
export function deleteAllContent(ctx: ControllerContext, namespace: string): DeletionPass {
  const pass: DeletionPass = { estimate: 0, deleted: 0, remaining: new Map(), finalizers: new Map(), errors: [] };
  for (const { kind, resource } of namespacedKinds) {
    const before = ctx.store.list(kind, namespace) as KubeObject[];
    if (before.length === 0) continue;
    let estimate = kind === 'Pod' ? estimatePods(before as Pod[]) : 0;
    for (const obj of before) {
      if (obj.metadata?.deletionTimestamp) continue;
      const res = ctx.api.delete(kind, namespace, obj.metadata?.name ?? '');
      if (res.ok) pass.deleted++;
      else if (res.status.reason !== 'NotFound') pass.errors.push(res.status.message);
    }
    const left = ctx.store.list(kind, namespace) as KubeObject[];
    if (left.length === 0) continue;
    const finalizers = new Map<string, number>();
    for (const obj of left) for (const f of obj.metadata?.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
    if (estimate === 0 && finalizers.size > 0) estimate = finalizerEstimateSeconds;
    if (estimate === 0) pass.errors.push(`unexpected items still remain in namespace: ${namespace} for gvr: ${resource}`);
    pass.remaining.set(resource, left.length);
    for (const [f, n] of finalizers) pass.finalizers.set(f, (pass.finalizers.get(f) ?? 0) + n);
    pass.estimate = Math.max(pass.estimate, estimate);
  }
  return pass;
}
