/**
 * The iptables tables of a node whatever its kube-proxy mode: the iptables proxier's own model; in userspace
 * mode the portal chains that redirect each Service to kube-proxy's proxy port (kubernetes/kubernetes v1.25
 * pkg/proxy/userspace/proxier.go `openPortal`); in nftables mode only the built-in chains. In IPVS mode
 * kube-proxy also writes a few ipset-based iptables rules, not simulated here (built-ins only).
 */
import type { TableModel } from './iptables/iptablesProxier';
import { comment, type Rule, rule, type Table } from './iptables/rule';
import type { AnyProxier } from './kubeProxy';

const builtins: Record<Table, string[]> = { nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'], filter: ['INPUT', 'FORWARD', 'OUTPUT'] };

function portalTables(p: AnyProxier & { mode: 'userspace' }, table: Table): TableModel {
  const chains = new Map<string, Rule[]>(builtins[table].map((c) => [c, []]));
  if (table === 'nat') {
    chains.get('PREROUTING')?.push(rule('PREROUTING', [comment('handle ClusterIPs; NOTE: this must be before the NodePort rules')], { t: 'jump', chain: 'KUBE-PORTALS-CONTAINER' }));
    chains.get('OUTPUT')?.push(rule('OUTPUT', [comment('handle ClusterIPs; NOTE: this must be before the NodePort rules')], { t: 'jump', chain: 'KUBE-PORTALS-HOST' }));
    const container: Rule[] = [];
    const host: Rule[] = [];
    for (const u of p.ports()) {
      const proto = u.info.protocol.toLowerCase();
      const parts = [comment(u.info.name), { k: 'proto' as const, proto }, { k: 'dst' as const, cidr: u.info.clusterIP }, { k: 'dport' as const, port: u.info.port }];
      container.push(rule('KUBE-PORTALS-CONTAINER', parts, { t: 'REDIRECT', toPorts: u.proxyPort }));
      host.push(rule('KUBE-PORTALS-HOST', parts, { t: 'DNAT', to: `${p.node.ip}:${u.proxyPort}` }));
    }
    chains.set('KUBE-PORTALS-CONTAINER', container);
    chains.set('KUBE-PORTALS-HOST', host);
  }
  return { table, builtins: builtins[table], chains };
}

/** The node's tables as `iptables-save` would read them. */
export function nodeIptables(p: AnyProxier): (t: Table) => TableModel {
  if (p.mode === 'iptables') return (t) => p.table(t);
  if (p.mode === 'userspace') return (t) => portalTables(p, t);
  return (t) => ({ table: t, builtins: builtins[t], chains: new Map(builtins[t].map((c) => [c, []])) });
}
