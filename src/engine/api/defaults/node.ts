/**
 * Node defaults: allocatable defaults to capacity (`SetDefaults_NodeStatus`), and the v1 conversion keeps the
 * singular `podCIDR` and plural `podCIDRs` in step.
 */
import type { Node } from '../types';

type Json = Record<string, unknown>;

/** Defaults a Node in place. */
export function defaultNode(node: Node): void {
  const spec = node.spec as (NonNullable<Node['spec']> & Json) | undefined;
  if (spec) {
    if (spec.podCIDR && !(spec.podCIDRs ?? []).length) spec.podCIDRs = [spec.podCIDR];
    if ((spec.podCIDRs ?? []).length && !spec.podCIDR) spec.podCIDR = spec.podCIDRs?.[0];
  }
  const status = node.status as Json | undefined;
  if (status?.capacity && !status.allocatable) status.allocatable = { ...(status.capacity as Json) };
}
