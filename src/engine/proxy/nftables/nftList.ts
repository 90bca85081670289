/**
 * `nft list table ip kube-proxy` (and `nft list ruleset`): the nftables model printed the way nft prints a
 * table, tab-indented, with the set, map and chain declarations kube-proxy creates
 * (kubernetes/kubernetes pkg/proxy/nftables/proxier.go `setupNFTables`, `syncProxyRules`).
 */
import type { EndpointInfo } from '../servicePort';
import { type NftablesProxier, type NftServicePort, usesExternalChain } from './nftablesProxier';

const T = '\t';

function elements(items: string[], indent: string): string[] {
  if (items.length === 0) return [];
  return [`${indent}elements = { ${items.join(`,\n${indent}\t     `)} }`];
}

function vmap(sp: NftServicePort, eps: readonly EndpointInfo[]): string {
  return `numgen random mod ${eps.length} vmap { ${eps.map((e, i) => `${i} : goto ${sp.endpointChain(e)}`).join(', ')} }`;
}

export function nftListTable(p: NftablesProxier, clusterCIDR: string): string {
  const sps = p.servicePorts();
  const L: string[] = ['table ip kube-proxy {', `${T}comment "rules for kube-proxy"`];
  const proto = (sp: NftServicePort) => sp.info.protocol.toLowerCase();
  const ipKey = (ip: string) => ip.split('.').reduce((a, x) => a * 256 + Number(x), 0);
  const clusterIPs = [...new Set(sps.map((sp) => sp.info.clusterIP))].sort((a, b) => ipKey(a) - ipKey(b));
  const set = (name: string, type: string, comment: string, items: string[]) => {
    L.push(`${T}set ${name} {`, `${T}${T}type ${type}`, `${T}${T}comment "${comment}"`, ...elements(items, `${T}${T}`), `${T}}`, '');
  };
  const map = (name: string, type: string, comment: string, items: string[]) => {
    L.push(`${T}map ${name} {`, `${T}${T}type ${type} : verdict`, `${T}${T}comment "${comment}"`, ...elements(items, `${T}${T}`), `${T}}`, '');
  };
  L.push('');
  for (const sp of sps) {
    if (!sp.info.affinitySeconds) continue;
    for (const ep of sp.clusterEndpoints) {
      L.push(`${T}set ${sp.affinitySet(ep)} {`, `${T}${T}type ipv4_addr`, `${T}${T}flags dynamic,timeout`, `${T}${T}timeout ${Math.floor(sp.info.affinitySeconds / 3600)}h`, `${T}}`, '');
    }
  }
  set('cluster-ips', 'ipv4_addr', 'Active ClusterIPs', clusterIPs);
  set('nodeport-ips', 'ipv4_addr', 'IPs that accept NodePort traffic', [p.node.ip]);
  map('no-endpoint-nodeports', 'inet_proto . inet_service', 'vmap to drop or reject packets to service nodeports with no endpoints', sps.filter((sp) => !sp.hasEndpoints && sp.info.nodePort).map((sp) => `${proto(sp)} . ${sp.info.nodePort} comment "${sp.info.name}" : goto reject-chain`));
  map('no-endpoint-services', 'ipv4_addr . inet_proto . inet_service', 'vmap to drop or reject packets to services with no endpoints', sps.filter((sp) => !sp.hasEndpoints).map((sp) => `${sp.info.clusterIP} . ${proto(sp)} . ${sp.info.port} comment "${sp.info.name}" : goto reject-chain`));
  map('firewall-ips', 'ipv4_addr . inet_proto . inet_service', 'destinations that are subject to LoadBalancerSourceRanges', []);
  const serviceIps: string[] = [];
  for (const sp of sps) {
    if (!sp.hasEndpoints) continue;
    const internal = sp.info.internalPolicyLocal ? sp.localChain : sp.serviceChain;
    serviceIps.push(`${sp.info.clusterIP} . ${proto(sp)} . ${sp.info.port} : goto ${internal}`);
    for (const ip of [...sp.info.externalIPs, ...sp.info.loadBalancerIPs]) serviceIps.push(`${ip} . ${proto(sp)} . ${sp.info.port} : goto ${sp.externalChain}`);
  }
  map('service-ips', 'ipv4_addr . inet_proto . inet_service', 'ClusterIP, ExternalIP and LoadBalancer IP traffic', serviceIps);
  map('service-nodeports', 'inet_proto . inet_service', 'NodePort traffic', sps.filter((sp) => sp.hasEndpoints && sp.info.nodePort).map((sp) => `${proto(sp)} . ${sp.info.nodePort} : goto ${sp.externalChain}`));
  const chain = (name: string, body: string[]) => L.push(`${T}chain ${name} {`, ...body.map((b) => `${T}${T}${b}`), `${T}}`, '');
  chain('filter-prerouting', ['type filter hook prerouting priority dstnat - 10; policy accept;', 'ct state new jump firewall-check']);
  chain('filter-input', ['type filter hook input priority -110; policy accept;', 'ct state new jump nodeport-endpoints-check', 'ct state new jump service-endpoints-check']);
  chain('filter-forward', ['type filter hook forward priority -110; policy accept;', 'ct state new jump service-endpoints-check', 'ct state new jump cluster-ips-check']);
  chain('filter-output', ['type filter hook output priority -110; policy accept;', 'ct state new jump service-endpoints-check', 'ct state new jump firewall-check']);
  chain('filter-output-post-dnat', ['type filter hook output priority -90; policy accept;', 'ct state new jump cluster-ips-check']);
  chain('nat-output', ['type nat hook output priority -100; policy accept;', 'jump services']);
  chain('nat-postrouting', ['type nat hook postrouting priority srcnat; policy accept;', 'jump masquerading']);
  chain('nat-prerouting', ['type nat hook prerouting priority dstnat; policy accept;', 'jump services']);
  chain('cluster-ips-check', ['ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"']);
  chain('firewall-check', ['ip daddr . meta l4proto . th dport vmap @firewall-ips']);
  chain('mark-for-masquerade', ['meta mark set meta mark | 0x00004000']);
  chain('masquerading', ['meta mark & 0x00004000 == 0x00000000 return', 'meta mark set meta mark ^ 0x00004000', 'masquerade fully-random']);
  chain('nodeport-endpoints-check', ['ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports']);
  chain('reject-chain', ['reject']);
  chain('service-endpoints-check', ['ip daddr . meta l4proto . th dport vmap @no-endpoint-services']);
  chain('services', ['ip daddr . meta l4proto . th dport vmap @service-ips', 'fib daddr type local ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports']);
  for (const sp of sps) {
    const dst = `ip daddr ${sp.info.clusterIP} ${proto(sp)} dport ${sp.info.port}`;
    const lb = (eps: readonly EndpointInfo[]) => [
      ...(sp.info.affinitySeconds ? eps.map((e) => `ip saddr @${sp.affinitySet(e)} goto ${sp.endpointChain(e)}`) : []),
      vmap(sp, eps),
    ];
    if (sp.clusterEndpoints.length > 0) chain(sp.serviceChain, [`${dst} ip saddr != ${clusterCIDR} jump mark-for-masquerade`, ...lb(sp.clusterEndpoints)]);
    if (sp.localEndpoints.length > 0) chain(sp.localChain, lb(sp.localEndpoints));
    if (usesExternalChain(sp)) {
      const body = sp.info.externalPolicyLocal
        ? [`ip saddr ${clusterCIDR} goto ${sp.serviceChain} comment "short-circuit pod traffic"`, `fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"`, `fib saddr type local goto ${sp.serviceChain} comment "short-circuit local traffic"`, ...(sp.localEndpoints.length ? [`goto ${sp.localChain}`] : [])]
        : ['jump mark-for-masquerade', `goto ${sp.serviceChain}`];
      chain(sp.externalChain, body);
    }
    const seen = new Set<string>();
    for (const ep of [...sp.clusterEndpoints, ...sp.localEndpoints]) {
      if (seen.has(ep.endpoint)) continue;
      seen.add(ep.endpoint);
      chain(sp.endpointChain(ep), [
        `ip saddr ${ep.ip} jump mark-for-masquerade`,
        ...(sp.info.affinitySeconds ? [`update @${sp.affinitySet(ep)} { ip saddr }`] : []),
        `meta l4proto ${proto(sp)} dnat to ${ep.ip}:${ep.port}`,
      ]);
    }
  }
  while (L[L.length - 1] === '') L.pop();
  L.push('}');
  return `${L.join('\n')}\n`;
}
