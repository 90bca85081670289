/**
 * Test stand-in for the kubelet, for workload tests that must not depend on the real one: marks bound pods
 * Running and Ready through the status subresource, and finishes graceful deletions at once.
 */
import type { Pod } from '../../../api/types';
import { Cluster } from '../../../cluster';
import { formatTimestamp } from '../../../clock';

/** Marks one pod Running with Ready=True (transition now), as a kubelet would after its containers start. */
export function markReady(cluster: Cluster, pod: Pod, ready = true): void {
  const t = formatTimestamp(cluster.now());
  const cond = (type: string, status: string) => ({ type, status, lastProbeTime: null as unknown as string, lastTransitionTime: t });
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  const status = ready ? 'True' : 'False';
  cluster.updateStatus('Pod', {
    ...pod,
    status: {
      ...pod.status,
      phase: 'Running',
      conditions: [cond('Initialized', 'True'), cond('Ready', status), cond('ContainersReady', status), ...(scheduled ? [scheduled] : [])],
    },
  });
}

/** Bound, running-to-be pods that are not Ready yet. */
function unreadyBoundPods(cluster: Cluster): Pod[] {
  return cluster.store
    .list('Pod')
    .filter((p) => p.spec?.nodeName && !p.metadata?.deletionTimestamp && p.status?.phase !== 'Running');
}

/** Starts every bound pod and removes every terminating pod until nothing changes. */
export function runPods(cluster: Cluster): void {
  for (let round = 0; round < 100; round++) {
    const start = unreadyBoundPods(cluster);
    const gone = cluster.store.list('Pod').filter((p) => p.metadata?.deletionTimestamp);
    if (start.length === 0 && gone.length === 0) return;
    for (const p of start) {
      const cur = cluster.store.get('Pod', `${p.metadata?.namespace}/${p.metadata?.name}`);
      if (cur) markReady(cluster, cur);
    }
    for (const p of gone) cluster.delete('Pod', p.metadata?.namespace, p.metadata?.name ?? '', { gracePeriodSeconds: 0 });
  }
}

/**
 * A cluster whose kubelets are powered off, so only the test decides pod status. Virtual time must not move
 * more than the node monitor grace period (40 s) or the nodes would be marked unreachable.
 */
export function clusterWithoutKubelets(): Cluster {
  const cluster = new Cluster({ freezeObjects: true });
  for (const n of cluster.config.nodes) cluster.simulation.stopNode(n.name);
  return cluster;
}
