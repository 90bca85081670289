/**
 * Taint / toleration matching (k8s.io/api core/v1 toleration.go `ToleratesTaint`, pkg/apis/core/v1/helper
 * `GetMatchingTolerations`) and the taints the node lifecycle controller manages.
 */
import type { Taint, Toleration } from '../../api/types';

/** Taint for a node whose kubelet stopped reporting (Ready Unknown). */
export const unreachableTaintKey = 'node.kubernetes.io/unreachable';
/** Taint for a node that reports Ready False. */
export const notReadyTaintKey = 'node.kubernetes.io/not-ready';

/** Whether a toleration tolerates a taint: same effect (or any), same key (or any with Exists), value match. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op = t.operator || 'Equal';
  if (op === 'Exists') return true;
  if (!t.key && op === 'Equal') return false;
  return (t.value ?? '') === (taint.value ?? '');
}

/** Whether every taint is tolerated, and the first toleration that tolerates each one. */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): { all: boolean; used: Toleration[] } {
  if (taints.length === 0) return { all: true, used: [] };
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => toleratesTaint(x, taint));
    if (!t) return { all: false, used: [] };
    used.push(t);
  }
  return { all: true, used };
}

/** `getMinTolerationTime`: the shortest tolerationSeconds in ms, -1 for "forever", 0 when none or non-positive. */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return Number.isFinite(min) ? min * 1000 : -1;
}

/** The NoExecute taints of a node. */
export function noExecuteTaints(taints: readonly Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === 'NoExecute');
}
