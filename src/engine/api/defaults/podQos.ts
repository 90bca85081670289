/**
 * The pod's QoS class, computed once at creation and stored in `status.qosClass`
 * (`pkg/apis/core/helper/qos.ComputePodQOS`): only cpu and memory count; every container needs both limits
 * and requests equal to them for Guaranteed; no requests or limits at all is BestEffort.
 */
import type { PodSpec } from '../types';
import { parseQuantity } from './quantity';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const qosResources = new Set(['cpu', 'memory']);

/** `ComputePodQOS` over containers and init containers (requests already defaulted from limits). */
export function computePodQos(spec: PodSpec | undefined): QosClass {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  const add = (into: Map<string, bigint>, name: string, q: bigint) => into.set(name, (into.get(name) ?? 0n) + q);
  for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
    const limitList = (c.resources?.limits ?? {}) as Record<string, string>;
    // a pod's requests default to its limits before this runs (SetDefaults_Pod)
    const requestList = { ...limitList, ...((c.resources?.requests ?? {}) as Record<string, string>) };
    for (const [name, text] of Object.entries(requestList)) {
      const q = parseQuantity(text);
      if (qosResources.has(name) && q !== undefined && q > 0n) add(requests, name, q);
    }
    const found = new Set<string>();
    for (const [name, text] of Object.entries(limitList)) {
      const q = parseQuantity(text);
      if (qosResources.has(name) && q !== undefined && q > 0n) {
        found.add(name);
        add(limits, name, q);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
