/**
 * The NoSchedule half of taint-nodes-by-condition for a cordoned node: while `spec.unschedulable` is set the
 * node lifecycle controller keeps the taint `node.kubernetes.io/unschedulable:NoSchedule` on it (with
 * `timeAdded`, as SwapNodeControllerTaint stamps every taint it adds), and removes it once the node is
 * uncordoned — kubernetes/kubernetes pkg/controller/nodelifecycle/node_lifecycle_controller.go
 * doNoScheduleTaintingPass and pkg/controller/util/node/controller_utils.go SwapNodeControllerTaint.
 */
import type { Node, Taint } from '../../api/types';
import { formatTimestamp } from '../../clock';
import type { ControllerContext } from '../controller';

/** `v1.TaintNodeUnschedulable` */
export const unschedulableTaintKey = 'node.kubernetes.io/unschedulable';

const isUnschedulableTaint = (t: Taint) => t.key === unschedulableTaintKey && t.effect === 'NoSchedule';

/** Whether the node's taints disagree with its `spec.unschedulable` (the informer's cheap check). */
export function unschedulableTaintOutOfDate(node: Node): boolean {
  return !!node.spec?.unschedulable !== (node.spec?.taints ?? []).some(isUnschedulableTaint);
}

/** Adds or removes the unschedulable taint so it matches `spec.unschedulable`. */
export function syncUnschedulableTaint(ctx: ControllerContext, name: string): void {
  const node = ctx.store.get('Node', name);
  if (!node || !unschedulableTaintOutOfDate(node)) return;
  const current = node.spec?.taints ?? [];
  const taints = node.spec?.unschedulable
    ? [...current, { key: unschedulableTaintKey, effect: 'NoSchedule', timeAdded: formatTimestamp(ctx.clock.now()) }]
    : current.filter((t) => !isUnschedulableTaint(t));
  const { taints: _old, ...rest } = node.spec ?? {};
  ctx.api.update('Node', { ...node, spec: taints.length ? { ...rest, taints } : rest });
}
