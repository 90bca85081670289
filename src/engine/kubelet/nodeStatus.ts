/**
 * The node status a kubelet posts when it (re)starts: the four conditions with the kubelet's reasons
 * (pkg/kubelet/nodestatus/setters.go), heartbeat now, transition time kept when the status is unchanged.
 */
import type { Node, NodeCondition } from '../api/types';
import { formatTimestamp } from '../clock';

const healthy: Array<Pick<NodeCondition, 'type' | 'status' | 'reason' | 'message'>> = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
];

/** The node's status with the kubelet's healthy conditions as of `now`. */
export function readyNodeStatus(node: Node, now: number): Node['status'] {
  const t = formatTimestamp(now);
  const old = node.status?.conditions ?? [];
  const conditions: NodeCondition[] = old.filter((c) => !healthy.some((h) => h.type === c.type)).map((c) => ({ ...c }));
  for (const h of healthy) {
    const prev = old.find((c) => c.type === h.type);
    conditions.push({ ...h, lastHeartbeatTime: t, lastTransitionTime: prev && prev.status === h.status ? prev.lastTransitionTime : t });
  }
  return { ...node.status, conditions };
}
