/**
 * The iptables tables of a node whatever its kube-proxy mode: the iptables proxier's own model; in userspace
 * mode the portal chains that redirect each Service to kube-proxy's proxy port (userspace/portalRules.ts); in
 * IPVS mode the few ipset-matching rules that mark traffic for masquerade and accept what IPVS handles
 * (ipvs/ipvsIptables.ts; its filter rules are not modelled);
 * in nftables mode only the built-in chains.
 */
import type { TableModel } from './iptables/iptablesProxier';
import type { Table } from './iptables/rule';
import type { AnyProxier } from './kubeProxy';
import { ipvsNatTable } from './ipvs/ipvsIptables';
import { portalTables } from './userspace/portalRules';

const builtins: Record<Table, string[]> = { nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'], filter: ['INPUT', 'FORWARD', 'OUTPUT'] };

/** The node's tables as `iptables-save` would read them. */
export function nodeIptables(p: AnyProxier): (t: Table) => TableModel {
  if (p.mode === 'iptables') return (t) => p.table(t);
  if (p.mode === 'userspace') return (t) => portalTables(p, t);
  if (p.mode === 'ipvs') return (t) => (t === 'nat' ? ipvsNatTable(p) : { table: t, builtins: builtins[t], chains: new Map(builtins[t].map((c) => [c, []])) });
  return (t) => ({ table: t, builtins: builtins[t], chains: new Map(builtins[t].map((c) => [c, []])) });
}
