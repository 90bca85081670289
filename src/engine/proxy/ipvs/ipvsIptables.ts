/**
 * The nat rules kube-proxy's IPVS mode writes beside its virtual servers, in the order `writeIptablesRules`
 * writes them (kubernetes/kubernetes pkg/proxy/ipvs/proxier.go: `iptablesChains`, `iptablesJumpChain`,
 * `ipsetWithIptablesChain`, `acceptIPVSTraffic`): ipset matches decide what is masqueraded, what IPVS handles
 * is accepted early, and local sources never reach a Service through KUBE-SERVICES.
 */
import type { TableModel } from '../iptables/iptablesProxier';
import { comment, type Part, type Rule, rule } from '../iptables/rule';
import { ipsets } from './ipvsadm';
import type { IpvsProxier } from './ipvsProxier';

const builtins = ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'];

/** `iptablesChains`: the nat chains kube-proxy keeps, created even when empty. */
const natChains = ['KUBE-SERVICES', 'KUBE-POSTROUTING', 'KUBE-NODE-PORT', 'KUBE-LOAD-BALANCER', 'KUBE-MARK-MASQ'];

const set = (name: string, flags: string): Part => ({ k: 'set', name, flags });

/** The nat table of a node in IPVS mode, chains in iptables-save's order (built-ins, then by name). */
export function ipvsNatTable(p: IpvsProxier): TableModel {
  const sets = new Map(ipsets(p).map((s) => [s.name, s]));
  const has = (name: string) => (sets.get(name)?.members.length ?? 0) > 0;
  const cmt = (name: string) => comment(sets.get(name)?.comment ?? '');
  const rules: Rule[] = [];
  // createAndLinkKubeChain: the jumps from the built-in chains
  rules.push(rule('OUTPUT', [comment('kubernetes service portals')], { t: 'jump', chain: 'KUBE-SERVICES' }));
  rules.push(rule('PREROUTING', [comment('kubernetes service portals')], { t: 'jump', chain: 'KUBE-SERVICES' }));
  rules.push(rule('POSTROUTING', [comment('kubernetes postrouting rules')], { t: 'jump', chain: 'KUBE-POSTROUTING' }));
  // "dismiss connects to localhost early in the service chain"
  rules.push(rule('KUBE-SERVICES', [{ k: 'src', cidr: '127.0.0.0/8' }], { t: 'RETURN' }));
  // ipsetWithIptablesChain (nat rows): one rule per non-empty set, the Local sets before their masquerade sets;
  // only the final SNAT rule gets --random-fully (`HasRandomFully`)
  if (has('KUBE-LOOP-BACK')) rules.push(rule('KUBE-POSTROUTING', [cmt('KUBE-LOOP-BACK'), set('KUBE-LOOP-BACK', 'dst,dst,src')], { t: 'MASQUERADE', plain: true }));
  if (has('KUBE-LOAD-BALANCER')) rules.push(rule('KUBE-SERVICES', [cmt('KUBE-LOAD-BALANCER'), set('KUBE-LOAD-BALANCER', 'dst,dst')], { t: 'jump', chain: 'KUBE-LOAD-BALANCER' }));
  if (has('KUBE-LOAD-BALANCER-LOCAL')) rules.push(rule('KUBE-LOAD-BALANCER', [cmt('KUBE-LOAD-BALANCER-LOCAL'), set('KUBE-LOAD-BALANCER-LOCAL', 'dst,dst')], { t: 'RETURN' }));
  for (const [proto, local, all, flags] of [
    ['tcp', 'KUBE-NODE-PORT-LOCAL-TCP', 'KUBE-NODE-PORT-TCP', 'dst'],
    ['udp', 'KUBE-NODE-PORT-LOCAL-UDP', 'KUBE-NODE-PORT-UDP', 'dst'],
    ['sctp', 'KUBE-NODE-PORT-LOCAL-SCTP-HASH', 'KUBE-NODE-PORT-SCTP-HASH', 'dst,dst'],
  ] as const) {
    const p0: Part = { k: 'proto', proto, bare: true };
    if (has(local)) rules.push(rule('KUBE-NODE-PORT', [p0, cmt(local), set(local, flags)], { t: 'RETURN' }));
    if (has(all)) rules.push(rule('KUBE-NODE-PORT', [p0, cmt(all), set(all, flags)], { t: 'jump', chain: 'KUBE-MARK-MASQ' }));
  }
  // off-cluster sources to a ClusterIP are masqueraded (the cluster-CIDR local traffic detector)
  if (has('KUBE-CLUSTER-IP')) rules.push(rule('KUBE-SERVICES', [cmt('KUBE-CLUSTER-IP'), set('KUBE-CLUSTER-IP', 'dst,dst'), { k: 'src', cidr: p.node.clusterCIDR, not: true }], { t: 'jump', chain: 'KUBE-MARK-MASQ' }));
  // externalIPRules: accept off-machine traffic, and traffic to external IPs that are local addresses
  const externalIPRules = (name: string) => {
    const head = [cmt(name), set(name, 'dst,dst')];
    rules.push(rule('KUBE-SERVICES', [...head, { k: 'physdev', notIsIn: true }, { k: 'addrtype', src: 'LOCAL', not: true }], { t: 'ACCEPT' }));
    rules.push(rule('KUBE-SERVICES', [...head, { k: 'addrtype', dst: 'LOCAL' }], { t: 'ACCEPT' }));
  };
  if (has('KUBE-EXTERNAL-IP')) {
    rules.push(rule('KUBE-SERVICES', [cmt('KUBE-EXTERNAL-IP'), set('KUBE-EXTERNAL-IP', 'dst,dst')], { t: 'jump', chain: 'KUBE-MARK-MASQ' }));
    externalIPRules('KUBE-EXTERNAL-IP');
  }
  if (has('KUBE-EXTERNAL-IP-LOCAL')) externalIPRules('KUBE-EXTERNAL-IP-LOCAL');
  rules.push(rule('KUBE-SERVICES', [{ k: 'addrtype', dst: 'LOCAL' }], { t: 'jump', chain: 'KUBE-NODE-PORT' }));
  rules.push(rule('KUBE-LOAD-BALANCER', [], { t: 'jump', chain: 'KUBE-MARK-MASQ' }));
  // acceptIPVSTraffic: must stay the last rules of KUBE-SERVICES
  if (has('KUBE-CLUSTER-IP')) rules.push(rule('KUBE-SERVICES', [set('KUBE-CLUSTER-IP', 'dst,dst')], { t: 'ACCEPT' }));
  if (has('KUBE-LOAD-BALANCER')) rules.push(rule('KUBE-SERVICES', [set('KUBE-LOAD-BALANCER', 'dst,dst')], { t: 'ACCEPT' }));
  rules.push(rule('KUBE-POSTROUTING', [{ k: 'mark', not: true }], { t: 'RETURN' }));
  rules.push(rule('KUBE-POSTROUTING', [], { t: 'MARK', op: 'xor' }));
  rules.push(rule('KUBE-POSTROUTING', [comment('kubernetes service traffic requiring SNAT')], { t: 'MASQUERADE' }));
  rules.push(rule('KUBE-MARK-MASQ', [], { t: 'MARK', op: 'or' }));

  const chains = new Map<string, Rule[]>([...builtins, ...[...natChains].sort()].map((c) => [c, []]));
  for (const r of rules) chains.get(r.chain)?.push(r);
  return { table: 'nat', builtins, chains };
}
