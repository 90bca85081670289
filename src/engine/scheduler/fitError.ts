/**
 * The message of a scheduling failure (`framework.FitError.Error` plus the DefaultPreemption PostFilter):
 * `0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s)
 * didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful
 * for scheduling.` Reasons are counted per node and sorted as strings ("<count> <reason>").
 */
import type { Pod } from '../api/types';
import type { FilterFailure } from './filters';

/** `ErrNoNodesAvailable` */
export const noNodesAvailable = 'no nodes available to schedule pods';

function histogram(reasons: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([r, n]) => `${n} ${r}`);
  parts.sort();
  return parts.join(', ');
}

/**
 * The full FailedScheduling message for a pod that fits on none of `total` nodes. Preemption is not
 * simulated: nodes rejected for resources or ports report "No preemption victims found for incoming pod",
 * which is what Kubernetes says when every pod has the same priority.
 */
export function fitErrorMessage(pod: Pod, total: number, failures: readonly FilterFailure[]): string {
  const filterMsg = histogram(failures.flatMap((f) => f.reasons));
  let msg = `0/${total} nodes are available`;
  msg += filterMsg ? `: ${filterMsg}.` : ':';
  let postFilter: string;
  if (pod.spec?.preemptionPolicy === 'Never') postFilter = 'preemption: not eligible due to preemptionPolicy=Never';
  else {
    const preemption = histogram(failures.map((f) => (f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod')));
    postFilter = `preemption: 0/${total} nodes are available: ${preemption}`;
  }
  return `${msg} ${postFilter}.`;
}
