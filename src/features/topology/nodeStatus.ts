/**
 * A node's STATUS as `kubectl get nodes` prints it (kubernetes/kubernetes
 * pkg/printers/internalversion/printers.go printNode): `Ready` or `NotReady` from the Ready condition,
 * `Unknown` without one, then `,SchedulingDisabled` while cordoned — so the canvas and the terminal agree.
 */
interface NodeLike {
  spec?: { unschedulable?: boolean };
  status?: { conditions?: { type: string; status: string }[] };
}

export function nodeStatus(node: NodeLike): string {
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop();
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}
