/**
 * The Filter plugins of the default profile, in the order kube-scheduler v1.34 runs them (the first failure
 * decides a node's reason): NodeUnschedulable, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit.
 * Reasons are the plugins' exact strings; "unresolvable" failures are the ones preemption cannot help.
 */
import type { Pod } from '../api/types';
import { matchesNodeSelectorAndAffinity, tolerates, untoleratedTaint } from './nodeAffinity';
import type { PodResources } from './podResources';
import type { NodeInfo } from './schedulerCache';

export interface FilterFailure {
  reasons: string[];
  /** `UnschedulableAndUnresolvable`: evicting pods from the node would not help. */
  unresolvable: boolean;
}

const unresolvable = (reason: string): FilterFailure => ({ reasons: [reason], unresolvable: true });

/** NodeUnschedulable: a cordoned node takes only pods tolerating `node.kubernetes.io/unschedulable:NoSchedule`. */
function nodeUnschedulable(pod: Pod, info: NodeInfo): FilterFailure | undefined {
  if (!info.unschedulable) return undefined;
  const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
  if ((pod.spec?.tolerations ?? []).some((t) => tolerates(t, taint))) return undefined;
  return unresolvable('node(s) were unschedulable');
}

/** TaintToleration: every NoSchedule/NoExecute taint must be tolerated. */
function taintToleration(pod: Pod, info: NodeInfo): FilterFailure | undefined {
  const taint = untoleratedTaint(info.taints, pod.spec?.tolerations);
  if (!taint) return undefined;
  // v1.34.0 wording; later 1.34 patches print "node(s) had untolerated taint(s)" without key and value.
  return unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
}

/** NodeAffinity: nodeSelector and required node affinity. */
function nodeAffinity(pod: Pod, info: NodeInfo): FilterFailure | undefined {
  if (!info.node || matchesNodeSelectorAndAffinity(pod, info.node)) return undefined;
  return unresolvable("node(s) didn't match Pod's node affinity/selector");
}

/** NodePorts: a host port is taken when protocol and port match and either address is 0.0.0.0 or both are equal. */
function nodePorts(res: PodResources, info: NodeInfo): FilterFailure | undefined {
  for (const p of res.hostPorts) {
    const [proto, ip, port] = p.split('/');
    const taken = ip === '0.0.0.0' ? info.usedPorts.has(`${proto}/*/${port}`) : info.usedPorts.has(p) || info.usedPorts.has(`${proto}/0.0.0.0/${port}`);
    if (taken) return { reasons: ["node(s) didn't have free ports for the requested pod ports"], unresolvable: false };
  }
  return undefined;
}

/** NodeResourcesFit: pod count, then CPU and memory requests against allocatable; every shortfall is a reason. */
function nodeResourcesFit(res: PodResources, info: NodeInfo): FilterFailure | undefined {
  const pods = info.podCount + 1 > info.allocPods;
  const cpu = res.milliCpu > 0 && res.milliCpu > info.allocMilliCpu - info.reqMilliCpu;
  const memory = res.memory > 0 && res.memory > info.allocMemory - info.reqMemory;
  // the common case (the pod fits) allocates nothing: this runs for every node per pod
  if (!pods && !cpu && !memory) return undefined;
  const reasons: string[] = [];
  if (pods) reasons.push('Too many pods');
  if (cpu) reasons.push('Insufficient cpu');
  if (memory) reasons.push('Insufficient memory');
  return { reasons, unresolvable: false };
}

/** Runs the filters on one node; undefined means the pod fits. */
export function runFilters(pod: Pod, res: PodResources, info: NodeInfo): FilterFailure | undefined {
  return nodeUnschedulable(pod, info) ?? taintToleration(pod, info) ?? nodeAffinity(pod, info) ?? nodePorts(res, info) ?? nodeResourcesFit(res, info);
}
