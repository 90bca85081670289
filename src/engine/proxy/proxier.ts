/**
 * One interface per swappable mechanism: every proxy mode turns the tracked Services and endpoints into its own
 * rule model for one node (kubernetes/kubernetes pkg/proxy/types.go `Provider`). `sync` gets the Services that
 * changed since the last sync, so a sync costs what changed.
 */
import type { ClusterConfig, ProxyMode } from '../config';
import type { ProxyState } from './serviceChangeTracker';

/** What a node's kube-proxy knows about where it runs. */
export interface ProxyNode {
  name: string;
  /** The node's InternalIP on the kind network. */
  ip: string;
  /** kube-proxy `--cluster-cidr` (kind sets it to the pod subnet): traffic from it is "local" pod traffic. */
  clusterCIDR: string;
  /**
   * The cluster's ServiceCIDRs, which kube-proxy 1.34 watches: the nftables mode drops traffic to addresses in
   * them that no Service holds (kubernetes/kubernetes pkg/proxy/nftables/proxier.go, `cluster-ips-check`).
   */
  serviceCIDRs?: readonly string[];
}

export interface Proxier {
  readonly mode: ProxyMode;
  readonly node: ProxyNode;
  /** Rebuilds the rules of the listed Services (`ns/name`), or of every Service when `changed` is undefined. */
  sync(state: ProxyState, changed: ReadonlySet<string> | undefined): void;
}

/**
 * The mode a node's kube-proxy starts with before its pod has read the ConfigMap: the cluster config's
 * `proxyMode` (kind's `networking.kubeProxyMode`), which is also what kind writes into that ConfigMap. From then
 * on the mode is the ConfigMap's, taken when each node's kube-proxy pod starts (see `kubeProxy.ts`).
 */
export function proxyModeFor(config: Pick<ClusterConfig, 'proxyMode'>, _node: string): ProxyMode {
  return config.proxyMode;
}

/** Whether a mode still exists in Kubernetes 1.34 (userspace was removed in 1.26; svcsim keeps it for teaching). */
export function isRemovedMode(mode: ProxyMode): boolean {
  return mode === 'userspace';
}
