/**
 * monitorNodeHealth for one node (pkg/controller/nodelifecycle/node_lifecycle_controller.go): once the kubelet
 * has not renewed its lease for the node monitor grace period, every node condition becomes Unknown
 * (`NodeStatusUnknown`, `Kubelet stopped posting node status.`), the node is tainted unreachable (NoSchedule
 * and NoExecute) and its pods are marked not ready (MarkPodsNotReady). When the kubelet posts Ready again the
 * taints go.
 */
import type { Node, Pod, Taint } from '../../api/types';
import { formatTimestamp } from '../../clock';
import type { ControllerContext } from '../controller';
import { podsByNodeIndex } from '../../kubelet/kubelet';
import { notReadyTaintKey, unreachableTaintKey } from './tolerations';

/** `--node-monitor-grace-period`: 50 s since 1.32 (kubernetes PR #126287; 40 s before). */
export const nodeMonitorGracePeriodMs = 50_000;
/** `--node-monitor-period` */
export const nodeMonitorPeriodMs = 5_000;

const source = { component: 'node-controller' };

function nodeReady(node: Node): string | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
}

/** Marks every condition Unknown, keeping the last heartbeat time. */
function unknownConditions(node: Node, now: number): Node['status'] {
  const t = formatTimestamp(now);
  const conditions = (node.status?.conditions ?? []).map((c) =>
    c.status === 'Unknown' ? { ...c } : { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: t },
  );
  return { ...node.status, conditions };
}

/** `MarkPodsNotReady`: flips each pod's Ready condition to False and records NodeNotReady on it. */
function markPodsNotReady(ctx: ControllerContext, nodeName: string, now: number): void {
  const t = formatTimestamp(now);
  for (const key of [...ctx.store.byIndex('Pod', podsByNodeIndex, nodeName)].sort()) {
    const pod = ctx.store.get('Pod', key) as Pod | undefined;
    const conds = pod?.status?.conditions;
    const ready = conds?.find((c) => c.type === 'Ready');
    if (!pod || !conds || !ready || ready.status === 'False') continue;
    const conditions = conds.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: t } : c));
    const res = ctx.api.updateStatus('Pod', { ...pod, status: { ...pod.status, conditions } });
    if (res.ok) ctx.recorder.event(res.value, 'Pod', source, 'Warning', 'NodeNotReady', 'Node is not ready');
  }
}

/** The taint list with `add` present and other taints of `removeKeys` gone; undefined when nothing changes. */
function reconcileTaints(current: readonly Taint[], add: readonly Taint[], removeKeys: readonly string[]): Taint[] | undefined {
  const wanted = (t: Taint) => add.some((a) => a.key === t.key && a.effect === t.effect);
  const next = current.filter((t) => wanted(t) || !removeKeys.includes(t.key));
  for (const a of add) if (!next.some((t) => t.key === a.key && t.effect === a.effect)) next.push(a);
  const same = next.length === current.length && next.every((t, i) => t === current[i]);
  return same ? undefined : next;
}

function setTaints(ctx: ControllerContext, node: Node, taints: Taint[]): void {
  const spec = { ...node.spec, taints: taints.length ? taints : undefined };
  if (!spec.taints) delete spec.taints;
  ctx.api.update('Node', { ...node, spec });
}

/**
 * Reconciles one node against its kubelet's last heartbeat. Returns how long until the grace period would
 * run out (0 once it has): a caller that suspects the kubelet looks again then.
 */
export function monitorNodeHealth(ctx: ControllerContext, name: string, lastHeartbeat: number | undefined, now: number): number {
  let node = ctx.store.get('Node', name);
  if (!node || lastHeartbeat === undefined) return 0;
  const silentFor = now - lastHeartbeat;
  if (silentFor > nodeMonitorGracePeriodMs) {
    if (nodeReady(node) !== 'Unknown') {
      const res = ctx.api.updateStatus('Node', { ...node, status: unknownConditions(node, now) });
      if (res.ok) node = res.value;
      ctx.recorder.event(node, 'Node', source, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
      ctx.log.write('node-controller', `node ${name} stopped posting status; marking its pods not ready`, `Node/${name}`);
      markPodsNotReady(ctx, name, now);
    }
    const t = formatTimestamp(now);
    const taints = reconcileTaints(
      node.spec?.taints ?? [],
      [
        { key: unreachableTaintKey, effect: 'NoSchedule' },
        { key: unreachableTaintKey, effect: 'NoExecute', timeAdded: t },
      ],
      [notReadyTaintKey],
    );
    if (taints) setTaints(ctx, node, taints);
    return 0;
  }
  if (nodeReady(node) === 'True') {
    const taints = reconcileTaints(node.spec?.taints ?? [], [], [unreachableTaintKey, notReadyTaintKey]);
    if (taints) {
      setTaints(ctx, node, taints);
      ctx.log.write('node-controller', `node ${name} is reachable again; removing unreachable taints`, `Node/${name}`);
    }
  }
  // not silent for long enough yet: come back when the grace period would be over
  return nodeMonitorGracePeriodMs - silentFor + 1;
}
