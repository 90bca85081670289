/**
 * The iptables tables of a node whatever its kube-proxy mode: the iptables proxier's own model; in userspace
 * mode the portal chains that redirect each Service to kube-proxy's proxy port (kubernetes/kubernetes v1.25
 * pkg/proxy/userspace/proxier.go `openPortal`); in IPVS mode the few ipset-matching rules that mark traffic
 * for masquerade and accept what IPVS handles (pkg/proxy/ipvs/proxier.go `writeIptablesRules`,
 * `acceptIPVSTraffic`); in nftables mode only the built-in chains.
 */
import type { TableModel } from './iptables/iptablesProxier';
import { comment, type Rule, rule, type Table } from './iptables/rule';
import type { AnyProxier } from './kubeProxy';
import { ipsets } from './ipvs/ipvsadm';

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

function ipvsTables(p: AnyProxier & { mode: 'ipvs' }, table: Table): TableModel {
  const chains = new Map<string, Rule[]>(builtins[table].map((c) => [c, []]));
  const sets = new Map(ipsets(p).map((s) => [s.name, s.members.length]));
  if (table === 'nat') {
    chains.get('PREROUTING')?.push(rule('PREROUTING', [comment('kubernetes service portals')], { t: 'jump', chain: 'KUBE-SERVICES' }));
    chains.get('OUTPUT')?.push(rule('OUTPUT', [comment('kubernetes service portals')], { t: 'jump', chain: 'KUBE-SERVICES' }));
    chains.get('POSTROUTING')?.push(rule('POSTROUTING', [comment('kubernetes postrouting rules')], { t: 'jump', chain: 'KUBE-POSTROUTING' }));
    const services: Rule[] = [
      rule('KUBE-SERVICES', [{ k: 'src', cidr: p.node.clusterCIDR, not: true }, comment('Kubernetes service cluster ip + port for masquerade purpose'), { k: 'set', name: 'KUBE-CLUSTER-IP', flags: 'dst,dst' }], { t: 'jump', chain: 'KUBE-MARK-MASQ' }),
      rule('KUBE-SERVICES', [{ k: 'addrtype', dst: 'LOCAL' }], { t: 'jump', chain: 'KUBE-NODE-PORT' }),
    ];
    if (sets.get('KUBE-CLUSTER-IP')) services.push(rule('KUBE-SERVICES', [{ k: 'set', name: 'KUBE-CLUSTER-IP', flags: 'dst,dst' }], { t: 'ACCEPT' }));
    if (sets.get('KUBE-LOAD-BALANCER')) services.push(rule('KUBE-SERVICES', [{ k: 'set', name: 'KUBE-LOAD-BALANCER', flags: 'dst,dst' }], { t: 'ACCEPT' }));
    chains.set('KUBE-SERVICES', services);
    const nodePort: Rule[] = [];
    if (sets.get('KUBE-NODE-PORT-TCP')) nodePort.push(rule('KUBE-NODE-PORT', [{ k: 'proto', proto: 'tcp', bare: true }, comment('Kubernetes nodeport TCP port for masquerade purpose'), { k: 'set', name: 'KUBE-NODE-PORT-TCP', flags: 'dst' }], { t: 'jump', chain: 'KUBE-MARK-MASQ' }));
    chains.set('KUBE-NODE-PORT', nodePort);
    chains.set('KUBE-MARK-MASQ', [rule('KUBE-MARK-MASQ', [], { t: 'MARK', op: 'or' })]);
    chains.set('KUBE-POSTROUTING', [
      rule('KUBE-POSTROUTING', [comment('Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose'), { k: 'set', name: 'KUBE-LOOP-BACK', flags: 'dst,dst,src' }], { t: 'MASQUERADE' }),
      rule('KUBE-POSTROUTING', [{ k: 'mark', not: true }], { t: 'RETURN' }),
      rule('KUBE-POSTROUTING', [], { t: 'MARK', op: 'xor' }),
      rule('KUBE-POSTROUTING', [comment('kubernetes service traffic requiring SNAT')], { t: 'MASQUERADE' }),
    ]);
  }
  const sorted = new Map<string, Rule[]>([...chains].sort(([a], [b]) => (builtins[table].includes(a) ? -1 : builtins[table].includes(b) ? 1 : a < b ? -1 : 1)));
  return { table, builtins: builtins[table], chains: new Map([...builtins[table].map((c): [string, Rule[]] => [c, chains.get(c) ?? []]), ...[...sorted].filter(([c]) => !builtins[table].includes(c))]) };
}

/** The node's tables as `iptables-save` would read them. */
export function nodeIptables(p: AnyProxier): (t: Table) => TableModel {
  if (p.mode === 'iptables') return (t) => p.table(t);
  if (p.mode === 'userspace') return (t) => portalTables(p, t);
  if (p.mode === 'ipvs') return (t) => ipvsTables(p, t);
  return (t) => ({ table: t, builtins: builtins[t], chains: new Map(builtins[t].map((c) => [c, []])) });
}
