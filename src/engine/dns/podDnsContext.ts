/**
 * The resolver context of one pod: the cluster's name servers as the pod reaches them and the pod's own
 * /etc/resolv.conf (from its dnsPolicy and dnsConfig). What a process in the pod asks DNS through.
 */
import { cidrAddress, parseCidr } from '../../shared/ipv4';
import type { Cluster } from '../cluster';
import { clusterDnsNetwork } from './clusterDnsNetwork';
import type { DnsToolContext } from './tools/toolContext';

/** The pod's resolver context; undefined when the pod is not on a node (no resolv.conf yet). */
export function podDnsContext(cluster: Cluster, namespace: string, pod: string): DnsToolContext | undefined {
  const resolvConf = cluster.simulation.resolvConf(namespace, pod);
  if (resolvConf === undefined) return undefined;
  const cidr = parseCidr(cluster.config.serviceCIDR);
  // kubelet's clusterDNS is the kube-dns Service's address, the tenth of the Service range on kind
  const net = clusterDnsNetwork(cluster.store, cluster.config, cidr ? cidrAddress(cidr, 10) : '10.96.0.10', cluster.runtime);
  return { net, resolvConf, now: cluster.now(), clientIP: cluster.runtime.pod(namespace, pod)?.ip };
}
