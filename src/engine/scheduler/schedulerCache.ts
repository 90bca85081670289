/**
 * The scheduler cache (`pkg/scheduler/backend/cache`): one NodeInfo per node with what its assigned pods
 * use, kept up to date from pod and node events, so filtering and scoring a pod never walks all pods.
 * Pods that finished (Succeeded/Failed) are not counted: kube-scheduler's pod informer filters them out.
 */
import type { Node, Pod, Taint } from '../api/types';
import { keyOf } from '../store/objectStore';
import { getControllerOf } from '../controllers/replicaset/controllerRef';
import { milliCpu, type PodResources, podResources, units } from './podResources';

export interface NodeInfo {
  name: string;
  node: Node | undefined;
  allocMilliCpu: number;
  allocMemory: number;
  allocPods: number;
  /** `spec.unschedulable` of the node, kept here so filtering a pod does not visit every Node object. */
  unschedulable: boolean;
  /** NoSchedule / NoExecute / PreferNoSchedule taints, with the condition taints the node lifecycle would add. */
  taints: Taint[];
  podCount: number;
  reqMilliCpu: number;
  reqMemory: number;
  nzMilliCpu: number;
  nzMemory: number;
  /** `protocol/hostIP/port` and `protocol/*\/port` → count. */
  usedPorts: Map<string, number>;
}

interface Accounted {
  node: string;
  cpu: number;
  mem: number;
  nzCpu: number;
  nzMem: number;
  ports: string[];
  owner?: string;
}

/**
 * The taints TaintNodesByCondition keeps on a node that is not Ready: `node.kubernetes.io/not-ready` (False,
 * or no condition yet) or `node.kubernetes.io/unreachable` (Unknown). Added here when absent, so the scheduler keeps pods off
 * nodes that are not Ready whichever component runs the node lifecycle.
 */
function effectiveTaints(node: Node): Taint[] {
  const taints = [...(node.spec?.taints ?? [])];
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const conditionTaint =
    !ready || ready.status === 'False' ? 'node.kubernetes.io/not-ready' : ready.status === 'Unknown' ? 'node.kubernetes.io/unreachable' : undefined;
  if (conditionTaint && !taints.some((t) => t.key === conditionTaint && t.effect === 'NoSchedule')) {
    taints.push({ key: conditionTaint, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable && !taints.some((t) => t.key === 'node.kubernetes.io/unschedulable')) {
    taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
  }
  return taints;
}

function emptyInfo(name: string): NodeInfo {
  return {
    name,
    node: undefined,
    allocMilliCpu: 0,
    allocMemory: 0,
    allocPods: 0,
    unschedulable: false,
    taints: [],
    podCount: 0,
    reqMilliCpu: 0,
    reqMemory: 0,
    nzMilliCpu: 0,
    nzMemory: 0,
    usedPorts: new Map(),
  };
}

function bump(m: Map<string, number>, k: string, by: number): void {
  const n = (m.get(k) ?? 0) + by;
  if (n <= 0) m.delete(k);
  else m.set(k, n);
}

export class SchedulerCache {
  private readonly infos = new Map<string, NodeInfo>();
  private readonly accounted = new Map<string, Accounted>();
  /**
   * Non-terminating pods per controller uid, per node name: the default topology-spread selector,
   * approximated. Kept per owner rather than per node, so scoring a pod reads one small map instead of a
   * large one on each of the nodes.
   */
  private readonly owners = new Map<string, Map<string, number>>();
  /** The nodes in name order; dropped when a node comes or goes (an existing node keeps its NodeInfo object). */
  private sortedInfos: readonly NodeInfo[] | undefined;
  /**
   * Per (immutable) stored containers list, which a pod keeps from creation on (binding and status writes
   * replace the spec object, not its containers): every write of a pod passes through this cache.
   */
  private readonly resources = new WeakMap<object, { init: unknown; overhead: unknown; r: PodResources }>();

  /** Requests and host ports of a pod. The result is shared: never change it. */
  podResources(pod: Pod): PodResources {
    const containers = pod.spec?.containers;
    if (!containers) return podResources(pod);
    const init = pod.spec?.initContainers;
    const overhead = pod.spec?.overhead;
    const hit = this.resources.get(containers);
    if (hit && hit.init === init && hit.overhead === overhead) return hit.r;
    const r = podResources(pod);
    this.resources.set(containers, { init, overhead, r });
    return r;
  }

  /** NodeInfos of the nodes that exist, in name order (shared: never change the array). */
  nodes(): readonly NodeInfo[] {
    if (!this.sortedInfos) {
      const names = [...this.infos.values()].filter((i) => i.node).map((i) => i.name).sort();
      this.sortedInfos = names.map((n) => this.infos.get(n) as NodeInfo);
    }
    return this.sortedInfos;
  }

  private info(name: string): NodeInfo {
    let i = this.infos.get(name);
    if (!i) {
      i = emptyInfo(name);
      this.infos.set(name, i);
    }
    return i;
  }

  /** Adds or updates a node. */
  setNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    const i = this.info(name);
    if (!i.node) this.sortedInfos = undefined;
    i.node = node;
    const alloc = node.status?.allocatable ?? node.status?.capacity ?? {};
    i.allocMilliCpu = milliCpu(alloc.cpu) ?? 0;
    i.allocMemory = units(alloc.memory) ?? 0;
    i.allocPods = units(alloc.pods) ?? 0;
    i.unschedulable = !!node.spec?.unschedulable;
    i.taints = effectiveTaints(node);
  }

  removeNode(name: string): void {
    const i = this.infos.get(name);
    if (!i) return;
    i.node = undefined;
    i.unschedulable = false;
    this.sortedInfos = undefined;
    if (i.podCount === 0) this.infos.delete(name);
  }

  /** Accounts a pod to its node (or un-accounts it when it is no longer assigned or has finished). */
  setPod(pod: Pod): void {
    const key = keyOf(pod);
    this.removePod(key);
    const node = pod.spec?.nodeName;
    const phase = pod.status?.phase;
    if (!node || phase === 'Succeeded' || phase === 'Failed') return;
    const r = this.podResources(pod);
    const ref = getControllerOf(pod);
    const a: Accounted = {
      node,
      cpu: r.milliCpu,
      mem: r.memory,
      nzCpu: r.nonZeroMilliCpu,
      nzMem: r.nonZeroMemory,
      ports: r.hostPorts,
      owner: ref && !pod.metadata?.deletionTimestamp ? ref.uid : undefined,
    };
    this.accounted.set(key, a);
    this.apply(a, 1);
  }

  /** Whether a pod is counted on a node. */
  has(key: string): boolean {
    return this.accounted.has(key);
  }

  /** Forgets a pod. Returns whether it was assigned to a node (its resources are now free). */
  removePod(key: string): boolean {
    const a = this.accounted.get(key);
    if (!a) return false;
    this.accounted.delete(key);
    this.apply(a, -1);
    return true;
  }

  /** How many non-terminating pods of controller `owner` each node runs (absent: none). Shared: never change it. */
  podsOfOwner(owner: string): ReadonlyMap<string, number> | undefined {
    return this.owners.get(owner);
  }

  private bumpOwner(owner: string, node: string, sign: 1 | -1): void {
    let counts = this.owners.get(owner);
    if (!counts) {
      counts = new Map();
      this.owners.set(owner, counts);
    }
    bump(counts, node, sign);
    if (counts.size === 0) this.owners.delete(owner);
  }

  private apply(a: Accounted, sign: 1 | -1): void {
    const i = this.info(a.node);
    i.podCount += sign;
    i.reqMilliCpu += sign * a.cpu;
    i.reqMemory += sign * a.mem;
    i.nzMilliCpu += sign * a.nzCpu;
    i.nzMemory += sign * a.nzMem;
    for (const p of a.ports) {
      bump(i.usedPorts, p, sign);
      const [proto, , port] = p.split('/');
      bump(i.usedPorts, `${proto}/*/${port}`, sign);
    }
    if (a.owner) this.bumpOwner(a.owner, a.node, sign);
    if (i.podCount === 0 && !i.node) this.infos.delete(a.node);
  }
}
