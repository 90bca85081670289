/**
 * kindnet's CNI config gives each pod a `ptp` veth pair with host-local IPAM over the node's pod CIDR
 * (kubernetes-sigs/kind images/kindnetd/cmd/kindnetd/cni.go): the host end of every pod's veth carries the
 * range's gateway, its first address (10.244.1.1 on a node with 10.244.1.0/24), which `ip addr` on the node lists
 * once per pod and IPVS serves NodePorts on.
 */
import { cidrAddress, parseCidr } from '../../shared/ipv4';

/** The gateway address on the host end of each pod veth of a node with `podCIDR`; undefined for a bad CIDR. */
export function ptpGateway(podCIDR: string): string | undefined {
  const cidr = parseCidr(podCIDR);
  return cidr ? cidrAddress(cidr, 1) : undefined;
}

/** Whether a pod has a veth on its node: it has an address and does not share the node's network. */
export function hasPodVeth(pod: { spec?: { nodeName?: string; hostNetwork?: boolean }; status?: { podIP?: string } }): boolean {
  return !!pod.spec?.nodeName && !pod.spec.hostNetwork && !!pod.status?.podIP;
}
