/**
 * The `ip kube-proxy` table as data: sets, verdict maps and chains, each rule kept both as the line `nft list`
 * prints and as the matches and action the packet walk evaluates, so what a user reads is what routes the
 * packet. Built the way kube-proxy 1.34 builds it (kubernetes/kubernetes pkg/proxy/nftables/proxier.go
 * `setupNFTables`, `syncProxyRules`, `writeServiceToEndpointRules`), including the `drop` elements of
 * `no-endpoint-services` / `no-endpoint-nodeports` for a Local traffic policy with no endpoint on this node.
 */
import { addressInCidr } from '../../../shared/ipv4';
import { externallyAccessible } from '../servicePort';
import type { NftablesProxier, NftServicePort } from './nftablesProxier';

export type NftVerdict = { v: 'goto' | 'jump'; chain: string } | { v: 'drop' };

export interface NftElement {
  /** The key as nft prints it: `172.30.0.41 . tcp . 80`. */
  key: string;
  comment?: string;
  /** A map element's value; a set element has none. */
  verdict?: NftVerdict;
}

export interface NftSet {
  kind: 'set' | 'map';
  name: string;
  /** `ipv4_addr`, or a map's key type (`ipv4_addr . inet_proto . inet_service`). */
  type: string;
  comment?: string;
  /** An affinity set's `flags dynamic,timeout` and `timeout` (seconds). */
  timeoutSeconds?: number;
  elements: NftElement[];
  /** The elements by key, for the walk's lookups. */
  byKey: Map<string, NftElement>;
}

export type NftMatch =
  | { m: 'daddr'; ip: string }
  | { m: 'saddr'; cidr: string; not?: boolean }
  /** `ip saddr != { a, b }` */
  | { m: 'saddrNotIn'; cidrs: string[] }
  /** `ip saddr @affinity-…`: the source was recorded in the set within its timeout */
  | { m: 'saddrInSet'; set: string }
  /** `fib saddr type local`: the node itself sent the packet */
  | { m: 'fibSaddrLocal' };

export type NftAction =
  | { a: 'verdict'; verdict: NftVerdict }
  | { a: 'numgen'; chains: string[] }
  | { a: 'update'; set: string }
  | { a: 'dnat'; ip: string; port: number }
  /** A base or helper chain's rule; the walk follows those chains by their maps, not rule by rule. */
  | { a: 'fixed' };

export interface NftRule {
  /** The rule as `nft list` prints it. */
  text: string;
  match: NftMatch[];
  action: NftAction;
}

export interface NftChain {
  name: string;
  /** A base chain's `type … hook … priority …; policy accept;` line. */
  hook?: string;
  comment?: string;
  rules: NftRule[];
}

export interface NftRuleset {
  sets: NftSet[];
  chains: NftChain[];
  set(name: string): NftSet | undefined;
  chain(name: string): NftChain | undefined;
}

export const rejectChain = 'reject-chain';
export const markMasqChain = 'mark-for-masquerade';

const fixed = (text: string): NftRule => ({ text, match: [], action: { a: 'fixed' } });

/** `goto X` / `jump X` / `drop`, as nft prints a verdict. */
export function verdictText(v: NftVerdict): string {
  return v.v === 'drop' ? 'drop' : `${v.v} ${v.chain}`;
}

function newSet(kind: 'set' | 'map', name: string, type: string, comment?: string): NftSet {
  return { kind, name, type, comment, elements: [], byKey: new Map() };
}

function addElement(s: NftSet, e: NftElement): void {
  if (s.byKey.has(e.key)) return;
  s.elements.push(e);
  s.byKey.set(e.key, e);
}

function ipKey(ip: string): number {
  return ip.split('.').reduce((a, x) => a * 256 + Number(x), 0);
}

/**
 * The base chains and their jump rules in kube-proxy 1.34's order. The filter chains that reject or drop run at
 * priority `filter`, after DNAT, so a packet a service chain DNATed is no longer matched by
 * `no-endpoint-services` (kubernetes/kubernetes#132456, in v1.34.0-beta.0). Priorities are printed as nft 1.0.6
 * (Debian bookworm, the kind node's base) names them: `dstnat` only on prerouting, `srcnat` only on postrouting
 * (nftables src/rule.c `std_prio_family_hook_compat`).
 */
function baseChains(): NftChain[] {
  const base = (name: string, hook: string, rules: string[]): NftChain => ({ name, hook, rules: rules.map(fixed) });
  return [
    base('filter-prerouting-pre-dnat', 'type filter hook prerouting priority dstnat - 10; policy accept;', ['ct state new jump firewall-check']),
    base('filter-output-pre-dnat', 'type filter hook output priority -110; policy accept;', ['ct state new jump firewall-check']),
    base('filter-forward', 'type filter hook forward priority filter; policy accept;', ['ct state new jump service-endpoints-check', 'ct state new jump cluster-ips-check']),
    base('filter-input', 'type filter hook input priority filter; policy accept;', ['ct state new jump nodeport-endpoints-check', 'ct state new jump service-endpoints-check']),
    base('filter-output', 'type filter hook output priority filter; policy accept;', ['ct state new jump service-endpoints-check', 'ct state new jump cluster-ips-check']),
    base('nat-prerouting', 'type nat hook prerouting priority dstnat; policy accept;', ['jump services']),
    base('nat-output', 'type nat hook output priority -100; policy accept;', ['jump services']),
    base('nat-postrouting', 'type nat hook postrouting priority srcnat; policy accept;', ['jump masquerading']),
  ];
}

/** The helper chains `setupNFTables` creates, in the order it creates them. */
function helperChains(serviceCIDRs: readonly string[]): NftChain[] {
  const helper = (name: string, rules: string[], comment?: string): NftChain => ({ name, comment, rules: rules.map(fixed) });
  return [
    helper('nodeport-endpoints-check', ['ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports']),
    helper('service-endpoints-check', ['ip daddr . meta l4proto . th dport vmap @no-endpoint-services']),
    helper('firewall-check', ['ip daddr . meta l4proto . th dport vmap @firewall-ips']),
    // nodePortAddresses defaults to the node's primary IP in nftables mode, so NodePorts match @nodeport-ips
    helper('services', ['ip daddr . meta l4proto . th dport vmap @service-ips', 'ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports']),
    helper('masquerading', ['meta mark & 0x00004000 == 0x00000000 return', 'meta mark set meta mark ^ 0x00004000', 'masquerade fully-random']),
    // one CIDR in `{ }` is listed without the braces, as nft folds a one-element anonymous set
    helper('cluster-ips-check', [
      'ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"',
      ...(serviceCIDRs.length ? [`ip daddr ${anonymousSet(serviceCIDRs)} drop comment "Drop traffic to unallocated ClusterIPs"`] : []),
    ]),
    helper(markMasqChain, ['meta mark set meta mark | 0x00004000']),
    helper(rejectChain, ['reject'], 'helper for @no-endpoint-services / @no-endpoint-nodeports'),
  ];
}

function anonymousSet(items: readonly string[]): string {
  return items.length === 1 ? items[0] : `{ ${items.join(', ')} }`;
}

function rule(match: NftMatch[], action: NftAction, text: string): NftRule {
  return { text, match, action };
}

const jumpMasq = (match: NftMatch[], text: string, comment?: string): NftRule =>
  rule(match, { a: 'verdict', verdict: { v: 'jump', chain: markMasqChain } }, `${text}${text ? ' ' : ''}jump ${markMasqChain}${comment ? ` comment "${comment}"` : ''}`);

const goTo = (match: NftMatch[], chain: string, text: string, comment?: string): NftRule =>
  rule(match, { a: 'verdict', verdict: { v: 'goto', chain } }, `${text}${text ? ' ' : ''}goto ${chain}${comment ? ` comment "${comment}"` : ''}`);

/** The per-Service-port part of a sync: map elements, affinity sets and chains (proxier.go `syncProxyRules`). */
function addServicePort(sp: NftServicePort, clusterCIDR: string, nodeIP: string, sets: Map<string, NftSet>, affinitySets: NftSet[], chains: NftChain[]): void {
  const info = sp.info;
  const proto = info.protocol.toLowerCase();
  const map = (name: string) => sets.get(name) as NftSet;
  const local = sp.localEndpoints;
  const usesClusterChain = sp.clusterEndpoints.length > 0;
  const usesLocalChain = local.length > 0;
  const hasInternal = sp.hasEndpoints && !(info.internalPolicyLocal && local.length === 0);
  const hasExternal = sp.hasEndpoints && !(info.externalPolicyLocal && local.length === 0);
  const internalChain = info.internalPolicyLocal ? sp.localChain : sp.serviceChain;
  const usesExternalChain = sp.hasEndpoints && externallyAccessible(info);
  // no endpoints anywhere: reject; endpoints, but none on this node for a Local policy: drop
  const internalVerdict: NftVerdict = sp.hasEndpoints ? { v: 'drop' } : { v: 'goto', chain: rejectChain };
  const externalVerdict = internalVerdict;
  const key = (ip: string) => `${ip} . ${proto} . ${info.port}`;
  const toExternal: NftVerdict = { v: 'goto', chain: sp.externalChain };

  addElement(map('cluster-ips'), { key: info.clusterIP });
  if (hasInternal) addElement(map('service-ips'), { key: key(info.clusterIP), verdict: { v: 'goto', chain: internalChain } });
  else addElement(map('no-endpoint-services'), { key: key(info.clusterIP), comment: info.name, verdict: internalVerdict });
  for (const ip of info.externalIPs) {
    if (sp.hasEndpoints) addElement(map('service-ips'), { key: key(ip), verdict: toExternal });
    if (!hasExternal) addElement(map('no-endpoint-services'), { key: key(ip), comment: info.name, verdict: externalVerdict });
  }
  const usesFirewall = info.loadBalancerIPs.length > 0 && info.loadBalancerSourceRanges.length > 0;
  for (const ip of info.loadBalancerIPs) {
    if (sp.hasEndpoints) addElement(map('service-ips'), { key: key(ip), verdict: toExternal });
    if (usesFirewall) addElement(map('firewall-ips'), { key: key(ip), verdict: { v: 'goto', chain: sp.firewallChain } });
  }
  if (!hasExternal) for (const ip of info.loadBalancerIPs) addElement(map('no-endpoint-services'), { key: key(ip), comment: info.name, verdict: externalVerdict });
  if (info.nodePort) {
    const npKey = `${proto} . ${info.nodePort}`;
    if (sp.hasEndpoints) addElement(map('service-nodeports'), { key: npKey, verdict: toExternal });
    if (!hasExternal) addElement(map('no-endpoint-nodeports'), { key: npKey, comment: info.name, verdict: externalVerdict });
  }

  // kube-proxy creates the endpoint chains first, then the policy chains (`ensureChain` order)
  const epChains: NftChain[] = [];
  for (const ep of sp.reachableEndpoints) {
    const set = sp.affinitySet(ep);
    if (info.affinitySeconds) affinitySets.push({ ...newSet('set', set, 'ipv4_addr'), timeoutSeconds: info.affinitySeconds });
    epChains.push({
      name: sp.endpointChain(ep),
      rules: [
        jumpMasq([{ m: 'saddr', cidr: ep.ip }], `ip saddr ${ep.ip}`),
        ...(info.affinitySeconds ? [rule([], { a: 'update', set }, `update @${set} { ip saddr }`)] : []),
        rule([], { a: 'dnat', ip: ep.ip, port: ep.port }, `meta l4proto ${proto} dnat to ${ep.ip}:${ep.port}`),
      ],
    });
  }
  const toEndpoints = (eps: NftServicePort['clusterEndpoints']): NftRule[] => [
    ...(info.affinitySeconds ? eps.map((e) => goTo([{ m: 'saddrInSet', set: sp.affinitySet(e) }], sp.endpointChain(e), `ip saddr @${sp.affinitySet(e)}`)) : []),
    rule([], { a: 'numgen', chains: eps.map((e) => sp.endpointChain(e)) }, `numgen random mod ${eps.length} vmap { ${eps.map((e, i) => `${i} : goto ${sp.endpointChain(e)}`).join(', ')} }`),
  ];
  // off-cluster traffic to the ClusterIP is masqueraded; since 1.34 the rule matches the address alone (the
  // service-ips lookup already matched protocol and port: kubernetes/kubernetes#131492)
  const internalMasq = jumpMasq([{ m: 'daddr', ip: info.clusterIP }, { m: 'saddr', cidr: clusterCIDR, not: true }], `ip daddr ${info.clusterIP} ip saddr != ${clusterCIDR}`);
  const policyChains: NftChain[] = [];
  if (usesClusterChain) policyChains.push({ name: sp.serviceChain, rules: [...(hasInternal && internalChain === sp.serviceChain ? [internalMasq] : []), ...toEndpoints(sp.clusterEndpoints)] });
  if (usesLocalChain) policyChains.push({ name: sp.localChain, rules: [...(hasInternal && internalChain === sp.localChain ? [internalMasq] : []), ...toEndpoints(local)] });
  if (usesExternalChain) {
    const rules: NftRule[] = info.externalPolicyLocal
      ? [
          goTo([{ m: 'saddr', cidr: clusterCIDR }], sp.serviceChain, `ip saddr ${clusterCIDR}`, 'short-circuit pod traffic'),
          jumpMasq([{ m: 'fibSaddrLocal' }], 'fib saddr type local', 'masquerade local traffic'),
          goTo([{ m: 'fibSaddrLocal' }], sp.serviceChain, 'fib saddr type local', 'short-circuit local traffic'),
          ...(hasExternal ? [goTo([], sp.localChain, '')] : []),
        ]
      : [jumpMasq([], ''), goTo([], sp.serviceChain, '')];
    policyChains.push({ name: sp.externalChain, rules });
  }
  if (usesFirewall) {
    // a node IP inside the ranges also admits the LB IPs (a node reaching its own VIP keeps it as source)
    const allowed = [...info.loadBalancerSourceRanges];
    if (allowed.some((c) => addressInCidr(nodeIP, c))) allowed.push(...info.loadBalancerIPs);
    chains.push(...epChains, ...policyChains, {
      name: sp.firewallChain,
      rules: [rule([{ m: 'saddrNotIn', cidrs: allowed }], { a: 'verdict', verdict: { v: 'drop' } }, `ip saddr != ${anonymousSet(allowed)} drop`)],
    });
    return;
  }
  chains.push(...epChains, ...policyChains);
}

/**
 * The node's table as kube-proxy's last sync left it: what `nft list` prints and the walk evaluates. The node's
 * ServiceCIDRs add the rule that drops traffic to unallocated ClusterIPs.
 */
export function nftRuleset(p: NftablesProxier): NftRuleset {
  const cacheKey = p.syncVersion();
  if (p.rulesetCache?.key === cacheKey) return p.rulesetCache.ruleset;
  const serviceCIDRs = p.node.serviceCIDRs ?? [];
  // sets and maps in the order setupNFTables creates them; affinity sets come later, from the sync
  const order: NftSet[] = [
    newSet('set', 'cluster-ips', 'ipv4_addr', 'Active ClusterIPs'),
    newSet('set', 'nodeport-ips', 'ipv4_addr', 'IPs that accept NodePort traffic'),
    newSet('map', 'no-endpoint-services', 'ipv4_addr . inet_proto . inet_service', 'vmap to drop or reject packets to services with no endpoints'),
    newSet('map', 'no-endpoint-nodeports', 'inet_proto . inet_service', 'vmap to drop or reject packets to service nodeports with no endpoints'),
    newSet('map', 'firewall-ips', 'ipv4_addr . inet_proto . inet_service', 'destinations that are subject to LoadBalancerSourceRanges'),
    newSet('map', 'service-ips', 'ipv4_addr . inet_proto . inet_service', 'ClusterIP, ExternalIP and LoadBalancer IP traffic'),
    newSet('map', 'service-nodeports', 'inet_proto . inet_service', 'NodePort traffic'),
  ];
  const byName = new Map(order.map((s) => [s.name, s]));
  addElement(byName.get('nodeport-ips') as NftSet, { key: p.node.ip });
  const affinitySets: NftSet[] = [];
  const serviceChains: NftChain[] = [];
  for (const sp of p.servicePorts()) addServicePort(sp, p.node.clusterCIDR, p.node.ip, byName, affinitySets, serviceChains);
  const clusterIPs = byName.get('cluster-ips') as NftSet;
  clusterIPs.elements.sort((a, b) => ipKey(a.key) - ipKey(b.key));
  const sets = [...order, ...affinitySets];
  const chains = [...baseChains(), ...helperChains(serviceCIDRs), ...serviceChains];
  const chainByName = new Map(chains.map((c) => [c.name, c]));
  for (const s of affinitySets) byName.set(s.name, s);
  const ruleset: NftRuleset = { sets, chains, set: (n) => byName.get(n), chain: (n) => chainByName.get(n) };
  p.rulesetCache = { key: cacheKey, ruleset };
  return ruleset;
}
