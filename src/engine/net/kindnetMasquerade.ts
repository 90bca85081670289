/**
 * kindnet's masquerade agent on every kind node (kubernetes-sigs/kind images/kindnetd/cmd/kindnetd/masq.go, in
 * kindnetd v20250512 that kind v0.30 ships): nat POSTROUTING sends each packet whose destination is not a local
 * address to KIND-MASQ-AGENT, which RETURNs for the pod subnet (main.go passes POD_SUBNET as the only
 * non-masquerade CIDRs) and MASQUERADEs the rest. So a pod that reaches another node's address leaves its node
 * with that node's address, and a node's own packet keeps it. The rules are appended after kube-proxy's
 * KUBE-POSTROUTING jump, so they only see packets kube-proxy did not masquerade already.
 */
import { inCidr, type Packet } from './packet';
import type { TraceStep } from './trace';

const jumpRule =
  '-A POSTROUTING -m addrtype ! --dst-type LOCAL -m comment --comment "kind-masq-agent: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom KIND-MASQ-AGENT chain" -j KIND-MASQ-AGENT';

/**
 * The source address a packet leaves `node` with, after kindnet's POSTROUTING rules; `pkt.dst` must not be
 * one of the node's addresses. Each matching rule, and the SNAT when the address changes, is a trace step.
 */
export function kindnetMasquerade(node: { name: string; ip: string }, podSubnet: string, pkt: Packet, steps: TraceStep[]): string {
  const rule = (chain: string, text: string) => steps.push({ kind: 'rule', mode: 'iptables', table: 'nat', chain, text, node: node.name });
  rule('POSTROUTING', jumpRule);
  if (inCidr(pkt.dst, podSubnet)) {
    rule('KIND-MASQ-AGENT', `-A KIND-MASQ-AGENT -d ${podSubnet} -m comment --comment "kind-masq-agent: local traffic is not subject to MASQUERADE" -j RETURN`);
    return pkt.src;
  }
  rule('KIND-MASQ-AGENT', '-A KIND-MASQ-AGENT -m comment --comment "kind-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)" -j MASQUERADE');
  // MASQUERADE takes the address of the interface the packet leaves by: eth0 on the kind network
  if (pkt.src !== node.ip) steps.push({ kind: 'snat', from: pkt.src, to: node.ip, node: node.name });
  return node.ip;
}
