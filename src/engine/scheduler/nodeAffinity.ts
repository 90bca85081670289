/**
 * Node selection rules of a pod (`k8s.io/component-helpers/scheduling/corev1/nodeaffinity`): `nodeSelector`,
 * required node affinity (terms ORed, expressions within a term ANDed, on labels and on `metadata.name`),
 * preferred terms for scoring, and tolerations against taints (`Toleration.ToleratesTaint`).
 */
import type { Node, Pod, Taint, Toleration } from '../api/types';

type NodeSelectorTerm = NonNullable<
  NonNullable<NonNullable<NonNullable<Pod['spec']>['affinity']>['nodeAffinity']>['requiredDuringSchedulingIgnoredDuringExecution']
>['nodeSelectorTerms'][number];
type Requirement = NonNullable<NodeSelectorTerm['matchExpressions']>[number];

function matchRequirement(r: Requirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0])) return false;
      return r.operator === 'Gt' ? Number(value) > Number(values[0]) : Number(value) < Number(values[0]);
    }
    default:
      return false;
  }
}

/** One term: every expression and field requirement holds; an empty term matches nothing. */
export function matchTerm(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels ?? {};
  for (const e of exprs) if (!matchRequirement(e, Object.hasOwn(labels, e.key) ? labels[e.key] : undefined)) return false;
  for (const f of fields) {
    if (f.key !== 'metadata.name' || (f.operator !== 'In' && f.operator !== 'NotIn')) return false;
    if (!matchRequirement(f, node.metadata?.name)) return false;
  }
  return true;
}

/** `nodeSelector` plus required node affinity (the NodeAffinity filter). */
export function matchesNodeSelectorAndAffinity(pod: Pod, node: Node): boolean {
  // run for every node per pod: nothing is allocated when the pod has no nodeSelector
  const selector = pod.spec?.nodeSelector;
  if (selector) {
    const labels = node.metadata?.labels ?? {};
    for (const k of Object.keys(selector)) if (labels[k] !== selector[k]) return false;
  }
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return (required.nodeSelectorTerms ?? []).some((t) => matchTerm(t, node));
}

/** Sum of the weights of the preferred terms the node matches (NodeAffinity score, before normalizing). */
export function preferredAffinityScore(pod: Pod, node: Node): number {
  let score = 0;
  for (const p of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (p.weight && matchTerm(p.preference, node)) score += p.weight;
  }
  return score;
}

/** `Toleration.ToleratesTaint` */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** `FindMatchingUntoleratedTaint` over the NoSchedule / NoExecute taints. */
export function untoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[] | undefined): Taint | undefined {
  for (const taint of taints) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!(tolerations ?? []).some((t) => tolerates(t, taint))) return taint;
  }
  return undefined;
}

/** PreferNoSchedule taints the pod does not tolerate (TaintToleration score, before normalizing). */
export function intolerablePreferNoSchedule(taints: readonly Taint[], tolerations: readonly Toleration[] | undefined): number {
  const preferOnly = (tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
  let n = 0;
  for (const taint of taints) if (taint.effect === 'PreferNoSchedule' && !preferOnly.some((t) => tolerates(t, taint))) n++;
  return n;
}
