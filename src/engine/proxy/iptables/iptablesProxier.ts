/**
 * kube-proxy's iptables mode for one node. Each sync rebuilds the rules of the Services that changed (as the
 * real proxier's partial sync rewrites only their chains) and keeps the rest; the tables are assembled when
 * someone reads them (`iptables-save`, the packet tracer). Structure and names follow kubernetes/kubernetes
 * pkg/proxy/iptables/proxier.go.
 */
import type { Proxier, ProxyNode } from '../proxier';
import type { ProxyState } from '../serviceChangeTracker';
import { chains, comment, jump, type Rule, rule, type Table } from './rule';
import { buildServicePortRules, ChainNameCache, type ServicePortRules } from './serviceRules';

/** A table as iptables holds it: built-in chains with policies, then kube-proxy's chains, each with its rules. */
export interface TableModel {
  table: Table;
  builtins: string[];
  /** Every chain in print order (built-ins first, then the others sorted), with its rules. */
  chains: Map<string, Rule[]>;
}

const natBuiltins = ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'];
const filterBuiltins = ['INPUT', 'FORWARD', 'OUTPUT'];

/**
 * The jumps from the built-in chains (pkg/proxy/iptables/proxier.go `iptablesJumpChains`); kube-proxy inserts
 * each at the top of its chain, so the last listed for a chain comes first.
 */
function builtinJumps(table: Table): Rule[] {
  const ctNew = { k: 'conntrack', states: 'NEW' } as const;
  if (table === 'nat') {
    return [
      rule('PREROUTING', [comment('kubernetes service portals')], jump(chains.services)),
      rule('OUTPUT', [comment('kubernetes service portals')], jump(chains.services)),
      rule('POSTROUTING', [comment('kubernetes postrouting rules')], jump(chains.postrouting)),
    ];
  }
  return [
    rule('INPUT', [ctNew, comment('kubernetes load balancer firewall')], jump(chains.proxyFirewall)),
    rule('INPUT', [comment('kubernetes health check service ports')], jump(chains.nodePorts)),
    rule('INPUT', [ctNew, comment('kubernetes externally-visible service portals')], jump(chains.externalServices)),
    rule('INPUT', [], jump(chains.firewall)),
    rule('FORWARD', [ctNew, comment('kubernetes load balancer firewall')], jump(chains.proxyFirewall)),
    rule('FORWARD', [comment('kubernetes forwarding rules')], jump(chains.forward)),
    rule('FORWARD', [ctNew, comment('kubernetes service portals')], jump(chains.services)),
    rule('FORWARD', [ctNew, comment('kubernetes externally-visible service portals')], jump(chains.externalServices)),
    rule('OUTPUT', [ctNew, comment('kubernetes load balancer firewall')], jump(chains.proxyFirewall)),
    rule('OUTPUT', [ctNew, comment('kubernetes service portals')], jump(chains.services)),
    rule('OUTPUT', [], jump(chains.firewall)),
  ];
}

/** The rules every node has whatever its Services (masquerade, forwarding, the NodePort catch-all). */
function fixedRules(table: Table): Rule[] {
  if (table === 'nat') {
    return [
      rule(chains.markMasq, [], { t: 'MARK', op: 'or' }),
      rule(chains.postrouting, [{ k: 'mark', not: true }], { t: 'RETURN' }),
      rule(chains.postrouting, [], { t: 'MARK', op: 'xor' }),
      rule(chains.postrouting, [comment('kubernetes service traffic requiring SNAT')], { t: 'MASQUERADE' }),
    ];
  }
  return [
    rule(chains.firewall, [comment('block incoming localnet connections'), { k: 'dst', cidr: '127.0.0.0/8' }, { k: 'src', cidr: '127.0.0.0/8', not: true }, { k: 'conntrack', states: 'RELATED,ESTABLISHED,DNAT', not: true }], { t: 'DROP' }),
    rule(chains.forward, [{ k: 'conntrack', states: 'INVALID' }, { k: 'nfacct', name: 'ct_state_invalid_dropped_pkts' }], { t: 'DROP' }),
    rule(chains.forward, [comment('kubernetes forwarding rules'), { k: 'mark', not: false }], { t: 'ACCEPT' }),
    rule(chains.forward, [comment('kubernetes forwarding conntrack rule'), { k: 'conntrack', states: 'RELATED,ESTABLISHED' }], { t: 'ACCEPT' }),
  ];
}

export class IptablesProxier implements Proxier {
  readonly mode = 'iptables' as const;
  private readonly byService = new Map<string, ServicePortRules[]>();
  private tables: { nat: TableModel; filter: TableModel } | undefined;
  private readonly names = new ChainNameCache();
  /** How many syncs ran, and the virtual instant of the last (set by the node agent). */
  syncs = 0;

  constructor(readonly node: ProxyNode) {}

  sync(state: ProxyState, changed: ReadonlySet<string> | undefined): void {
    const names = changed ?? state.serviceNames();
    if (!changed) this.byService.clear();
    for (const svc of names) {
      const ports = state.portsOf(svc);
      if (ports.length === 0) this.byService.delete(svc);
      else this.byService.set(svc, ports.map((p) => buildServicePortRules(p, state.endpointsOf(svc, p.portName), this.node, this.names)));
    }
    this.tables = undefined;
    this.syncs++;
  }

  /** One table, assembled from the per-Service rules (cached until the next sync). */
  table(table: Table): TableModel {
    this.tables ??= { nat: this.assemble('nat'), filter: this.assemble('filter') };
    return this.tables[table];
  }

  /** The rules of one chain (empty when the chain does not exist). */
  chain(table: Table, name: string): readonly Rule[] {
    return this.table(table).chains.get(name) ?? [];
  }

  private assemble(table: Table): TableModel {
    const builtins = table === 'nat' ? natBuiltins : filterBuiltins;
    const own = table === 'nat' ? [chains.nodePorts, chains.services, chains.markMasq, chains.postrouting] : [chains.nodePorts, chains.services, chains.externalServices, chains.firewall, chains.forward, chains.proxyFirewall];
    const byChain = new Map<string, Rule[]>();
    for (const c of own) byChain.set(c, []);
    const add = (r: Rule) => {
      let list = byChain.get(r.chain);
      if (!list) {
        list = [];
        byChain.set(r.chain, list);
      }
      list.push(r);
    };
    for (const r of fixedRules(table)) add(r);
    const services = [...this.byService.keys()].sort();
    for (const svc of services) {
      for (const p of this.byService.get(svc) ?? []) {
        if (table === 'nat') {
          for (const r of p.nodePorts) add(r);
          for (const r of p.services) add(r);
          for (const [c, rules] of p.natChains) {
            const had = byChain.get(c);
            byChain.set(c, had ? [...had, ...rules] : rules);
          }
        } else {
          for (const r of p.filter) add(r);
        }
      }
    }
    if (table === 'nat') {
      add(rule(chains.services, [comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), { k: 'addrtype', dst: 'LOCAL' }], jump(chains.nodePorts)));
    }
    const ordered = new Map<string, Rule[]>();
    const jumps = builtinJumps(table);
    for (const b of builtins) ordered.set(b, jumps.filter((r) => r.chain === b));
    for (const c of [...byChain.keys()].sort()) ordered.set(c, byChain.get(c) ?? []);
    return { table, builtins, chains: ordered };
  }
}
