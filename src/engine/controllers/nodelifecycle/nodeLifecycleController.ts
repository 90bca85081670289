/**
 * node-lifecycle-controller with its taint-eviction-controller: one queue, two kinds of keys. `node/<name>`
 * runs monitorNodeHealth against the kubelet's in-memory heartbeat (a Lease in a real cluster);
 * `noschedule/<name>` keeps a cordoned node's unschedulable taint; `taint-node/<name>`, `taint-pod/<ns>/<name>` and `evict/<ns>/<name>` run taint-based eviction. The
 * controller does not poll: the kubelets tell it when one stops or starts, and it looks again when the node
 * monitor grace period (on the 5 s node monitor period grid) would run out.
 */
import type { KubeletHeartbeats } from '../../kubelet/kubelet';
import { ensurePodsByNodeIndex } from '../../kubelet/kubelet';
import type { Taint } from '../../api/types';
import { deepEqual } from '../../shared';
import type { Controller, ControllerContext } from '../controller';
import { monitorNodeHealth, nodeMonitorPeriodMs } from './nodeHealth';
import { TaintEviction } from './taintEviction';
import { noExecuteTaints } from './tolerations';
import { syncUnschedulableTaint, unschedulableTaintOutOfDate } from './unschedulableTaint';

/** Builds the node lifecycle controller (node health and taint-based eviction) over the kubelets' heartbeats. */
export function createNodeLifecycleController(ctx: ControllerContext, heartbeats: KubeletHeartbeats): Controller {
  const queue = ctx.newQueue('node-lifecycle-controller');
  const startedAt = ctx.clock.now();
  /** Nodes whose kubelet went quiet and are not yet marked Unknown. */
  const suspect = new Set<string>();
  ensurePodsByNodeIndex(ctx.store);
  const eviction = new TaintEviction(ctx, (podKey) => queue.add(`evict/${podKey}`));

  heartbeats.onChange?.((node, running) => {
    if (running) suspect.delete(node);
    else suspect.add(node);
    queue.add(`node/${node}`);
  });

  const noExec = (t: readonly Taint[] | undefined) => noExecuteTaints(t);
  ctx.informer('Node', {
    onAdd: (n) => {
      queue.add(`node/${n.metadata?.name}`);
      if (noExec(n.spec?.taints).length) queue.add(`taint-node/${n.metadata?.name}`);
      if (unschedulableTaintOutOfDate(n)) queue.add(`noschedule/${n.metadata?.name}`);
    },
    onUpdate: (o, n) => {
      const name = n.metadata?.name;
      const oldReady = o.status?.conditions?.find((c) => c.type === 'Ready')?.status;
      const newReady = n.status?.conditions?.find((c) => c.type === 'Ready')?.status;
      if (oldReady !== newReady) queue.add(`node/${name}`);
      if (!deepEqual(noExec(o.spec?.taints), noExec(n.spec?.taints))) queue.add(`taint-node/${name}`);
      if (unschedulableTaintOutOfDate(n)) queue.add(`noschedule/${name}`);
    },
    onDelete: (n) => queue.add(`taint-node/${n.metadata?.name}`),
  });
  ctx.informer('Pod', {
    onAdd: (p) => {
      if (eviction.isTainted(p.spec?.nodeName)) queue.add(`taint-pod/${p.metadata?.namespace}/${p.metadata?.name}`);
    },
    onUpdate: (o, p) => {
      if (o.spec?.nodeName === p.spec?.nodeName && deepEqual(o.spec?.tolerations, p.spec?.tolerations)) return;
      if (eviction.isTainted(p.spec?.nodeName) || eviction.isTainted(o.spec?.nodeName)) queue.add(`taint-pod/${p.metadata?.namespace}/${p.metadata?.name}`);
    },
    onDelete: (p) => queue.add(`taint-pod/${p.metadata?.namespace}/${p.metadata?.name}`),
  });

  function syncNode(name: string): void {
    const now = ctx.clock.now();
    const remaining = monitorNodeHealth(ctx, name, heartbeats.lastHeartbeat(name), now);
    if (remaining <= 0) {
      suspect.delete(name);
      return;
    }
    if (!suspect.has(name)) return;
    // the monitor loop runs every node-monitor-period: look again at the first tick past the grace period
    const due = now + remaining;
    const tick = startedAt + Math.ceil((due - startedAt) / nodeMonitorPeriodMs) * nodeMonitorPeriodMs;
    queue.addAfter(`node/${name}`, tick - now);
  }

  return {
    name: 'node-lifecycle-controller',
    queue,
    sync(key: string): string | undefined {
      const slash = key.indexOf('/');
      const kind = key.slice(0, slash);
      const rest = key.slice(slash + 1);
      if (kind === 'node') syncNode(rest);
      else if (kind === 'noschedule') syncUnschedulableTaint(ctx, rest);
      else if (kind === 'taint-node') eviction.syncNode(rest);
      else if (kind === 'taint-pod') eviction.syncPod(rest);
      else if (kind === 'evict') eviction.evict(rest);
      return undefined;
    },
  };
}
