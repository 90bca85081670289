/**
 * The Score plugins of the default profile, with their weights (`getDefaultPlugins`, v1.34):
 * TaintToleration ×3, NodeAffinity ×2, PodTopologySpread ×2, NodeResourcesFit (LeastAllocated) ×1 and
 * NodeResourcesBalancedAllocation ×1. ImageLocality and InterPodAffinity are left out: without images on
 * nodes or affinity terms they score every node alike.
 *
 * PodTopologySpread uses the system default constraints (maxSkew 3 on `kubernetes.io/hostname`,
 * ScheduleAnyway). Its selector is approximated by "pods with the same controller", which is what the
 * Services/ReplicaSets selector resolves to for Deployment pods; that is what spreads replicas over nodes.
 */
import type { Pod } from '../api/types';
import { getControllerOf } from '../controllers/replicaset/controllerRef';
import { intolerablePreferNoSchedule, preferredAffinityScore } from './nodeAffinity';
import type { PodResources } from './podResources';
import type { NodeInfo } from './schedulerCache';

const maxNodeScore = 100;

/** `DefaultNormalizeScore`: scales to 0..100 by the maximum, reversed for "fewer is better" (in place). */
function normalize(scores: number[], reverse: boolean): number[] {
  let max = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] > max) max = scores[i];
  for (let i = 0; i < scores.length; i++) {
    if (max === 0) {
      scores[i] = reverse ? maxNodeScore : 0;
      continue;
    }
    const v = Math.trunc((maxNodeScore * scores[i]) / max);
    scores[i] = reverse ? maxNodeScore - v : v;
  }
  return scores;
}

function leastAllocatedResource(alloc: number, requested: number): number {
  return alloc === 0 || requested > alloc ? 0 : Math.trunc(((alloc - requested) * maxNodeScore) / alloc);
}

/** LeastAllocated on the non-zero CPU and memory requests, equal weights. */
function leastAllocated(res: PodResources, info: NodeInfo): number {
  const cpu = leastAllocatedResource(info.allocMilliCpu, info.nzMilliCpu + res.nonZeroMilliCpu);
  return Math.trunc((cpu + leastAllocatedResource(info.allocMemory, info.nzMemory + res.nonZeroMemory)) / 2);
}

function frac(alloc: number, requested: number): number {
  return alloc === 0 ? 0 : Math.min(1, requested / alloc);
}

/** BalancedAllocation: 100 × (1 − the standard deviation of the CPU and memory request fractions). */
function balancedAllocation(res: PodResources, info: NodeInfo): number {
  const cpu = frac(info.allocMilliCpu, info.reqMilliCpu + res.milliCpu);
  const mem = frac(info.allocMemory, info.reqMemory + res.memory);
  const std = Math.abs(cpu - mem) / 2;
  return Math.trunc((1 - std) * maxNodeScore);
}

/**
 * PodTopologySpread with the default hostname constraint: raw = pods of the same controller on the node ×
 * log(feasible nodes + 2) + (maxSkew − 1), then normalized so the emptiest node scores 100.
 */
function topologySpread(pod: Pod, infos: readonly NodeInfo[], podsOfOwner: (owner: string) => ReadonlyMap<string, number> | undefined): number[] {
  const n = infos.length;
  const out = new Array<number>(n);
  const owner = getControllerOf(pod)?.uid;
  if (!owner) return out.fill(0);
  const counts = podsOfOwner(owner);
  const weight = Math.log(n + 2);
  let max = 0;
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const s = Math.round((counts?.get(infos[i].name) ?? 0) * weight + (3 - 1));
    out[i] = s;
    if (s > max) max = s;
    if (s < min) min = s;
  }
  for (let i = 0; i < n; i++) out[i] = max === 0 ? maxNodeScore : Math.trunc((maxNodeScore * (max + min - out[i])) / max);
  return out;
}

/**
 * Total weighted scores of the feasible nodes, in the same order. `podsOfOwner` counts a controller's pods
 * per node name (the scheduler cache's `podsOfOwner`).
 */
export function scoreNodes(pod: Pod, res: PodResources, infos: readonly NodeInfo[], podsOfOwner: (owner: string) => ReadonlyMap<string, number> | undefined): number[] {
  const n = infos.length;
  const tolerations = pod.spec?.tolerations;
  const hasPreferred = !!pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length;
  const taintRaw = new Array<number>(n);
  const affinityRaw = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const info = infos[i];
    taintRaw[i] = info.taints.length ? intolerablePreferNoSchedule(info.taints, tolerations) : 0;
    affinityRaw[i] = hasPreferred && info.node ? preferredAffinityScore(pod, info.node) : 0;
  }
  const taint = normalize(taintRaw, true);
  const affinity = normalize(affinityRaw, false);
  const spread = topologySpread(pod, infos, podsOfOwner);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = 3 * taint[i] + 2 * affinity[i] + 2 * spread[i] + leastAllocated(res, infos[i]) + balancedAllocation(res, infos[i]);
  return out;
}
