/**
 * One node's rules for a Service as kube-proxy would write them in another mode: a fresh proxier of that mode
 * for the same node, fully synced from the same tracked Services and EndpointSlices the node's kube-proxy reads.
 * Nothing on the node changes (the live proxier is untouched); it is what the Rules view's compare shows beside
 * the real rules, e.g. iptables' KUBE-SVC chain next to IPVS's virtual server for the same endpoints.
 */
import type { Cluster } from '../cluster';
import type { ProxyMode } from '../config';
import { newProxier } from '../proxy/kubeProxy';
import { type ServiceRules, serviceRules } from './serviceRules';

/** Undefined when no kube-proxy runs on `node`. */
export function serviceRulesInMode(cluster: Cluster, node: string, mode: ProxyMode, namespace?: string, name?: string): ServiceRules | undefined {
  const live = cluster.proxies.proxier(node);
  if (!live) return undefined;
  if (live.mode === mode) return serviceRules(cluster, node, namespace, name);
  const p = newProxier(mode, live.node);
  p.sync(cluster.proxies.tracker, undefined);
  return serviceRules(cluster, node, namespace, name, p);
}
