/**
 * kube-proxy's iptables mode for one node. Each sync rebuilds the rules of the Services that changed (as the
 * real proxier's partial sync rewrites only their chains) and keeps the rest; the tables are assembled when
 * someone reads them (`iptables-save`, the packet tracer). Structure and names follow kubernetes/kubernetes
 * pkg/proxy/iptables/proxier.go.
 */
import type { Proxier, ProxyNode } from '../proxier';
import type { ProxyState, ServiceSnapshot } from '../serviceChangeTracker';
import { usesLocalEndpoints } from '../servicePort';
import { SyncedServices } from '../syncedServices';
import { saveLine } from './iptablesSave';
import { sortedByChainName } from './chainOrder';
import { chains, comment, jump, type Rule, rule, type Table } from './rule';
import { buildServicePortRules, ChainNameCache, forEachNatChain, type ServicePortRules } from './serviceRules';

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

/** The jumps from each built-in chain, in order. */
function jumpsByChain(table: Table): Map<string, Rule[]> {
  const builtins = table === 'nat' ? natBuiltins : filterBuiltins;
  const jumps = builtinJumps(table);
  return new Map(builtins.map((b) => [b, jumps.filter((r) => r.chain === b)]));
}

/** The NodePort catch-all that ends nat KUBE-SERVICES. */
const lastServicesRule = rule(chains.services, [comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), { k: 'addrtype', dst: 'LOCAL' }], jump(chains.nodePorts));

/**
 * Adds one Service's nat chains to the index by name. A chain two of its ports write (a hash collision) reads
 * as their rules in port order, as the assembled table has them; the last Service to write a name owns it.
 */
function indexChains(index: Map<string, { svc: string; rules: readonly Rule[] }>, svc: string, ports: readonly ServicePortRules[]): void {
  for (const p of ports) {
    forEachNatChain(p, (c, rules) => {
      const had = index.get(c);
      index.set(c, { svc, rules: had?.svc === svc ? had.rules.concat(rules) : rules });
    });
  }
}

export class IptablesProxier implements Proxier {
  readonly mode = 'iptables' as const;
  private readonly synced = new SyncedServices();
  /** Rules rendered from the synced snapshots, per Service, and which Service owns each nat chain. */
  private readonly byService = new Map<string, readonly ServicePortRules[]>();
  /**
   * Each Service-owned nat chain by name, with the Service that writes it: built when a packet walk first looks
   * a chain up, then kept up to date with each refresh.
   */
  private chainIndex: Map<string, { svc: string; rules: readonly Rule[] }> | undefined;
  private tables: { nat?: TableModel; filter?: TableModel } = {};
  /** nat KUBE-SERVICES and KUBE-NODEPORTS, which every Service adds to (rebuilt when one changes). */
  private entryChains: { services: Rule[]; nodePorts: Rule[] } | undefined;
  private readonly jumps: Record<Table, Map<string, Rule[]>> = { nat: jumpsByChain('nat'), filter: jumpsByChain('filter') };
  private readonly fixed = new Map<string, Rule[]>();
  private names = new ChainNameCache();
  /** Each rule's `iptables-save` text, made when a packet trace first shows the rule (rules are immutable). */
  private readonly saved = new WeakMap<Rule, string>();
  /** How many syncs ran, and the virtual instant of the last (set by the node agent). */
  syncs = 0;

  constructor(readonly node: ProxyNode) {
    for (const r of fixedRules('nat')) this.fixed.set(r.chain, [...(this.fixed.get(r.chain) ?? []), r]);
  }

  sync(state: ProxyState, changed: ReadonlySet<string> | undefined): void {
    this.synced.apply(state, changed);
    if (state.chainNames) this.names = state.chainNames;
    this.syncs++;
  }

  /** Renders the Services changed since the last read (rules are shared with nodes whose inputs are the same). */
  private refresh(): void {
    const changed = this.synced.takeChanged();
    if (changed === undefined) {
      this.byService.clear();
      this.chainIndex = undefined;
    } else if (changed.size === 0) {
      return;
    }
    const index = this.chainIndex;
    for (const svc of changed ?? this.synced.names()) {
      if (index) for (const p of this.byService.get(svc) ?? []) forEachNatChain(p, (c) => index.get(c)?.svc === svc && index.delete(c));
      const snap = this.synced.get(svc);
      if (!snap) {
        this.byService.delete(svc);
        continue;
      }
      const rules = this.rulesOf(snap);
      this.byService.set(svc, rules);
      if (index) indexChains(index, svc, rules);
    }
    this.tables = {};
    this.entryChains = undefined;
  }

  /**
   * One Service's rules for this node. They depend on the node only through its cluster CIDR and, for Local
   * traffic policies, its name (which endpoints are local), so nodes that agree on those share them.
   */
  private rulesOf(snap: ServiceSnapshot): readonly ServicePortRules[] {
    const local = snap.ports.some(usesLocalEndpoints);
    return snap.derive(`iptables|${this.node.clusterCIDR}|${local ? this.node.name : ''}`, () => snap.ports.map((p) => buildServicePortRules(p, snap.endpointsOf(p.portName), this.node, this.names)));
  }

  /** A rule as `iptables-save` prints it, kept for the next trace through the same rule. */
  savedLine(r: Rule): string {
    let text = this.saved.get(r);
    if (text === undefined) {
      text = saveLine(r);
      this.saved.set(r, text);
    }
    return text;
  }

  /** The rendered rules of one synced Service (empty when the node has none for it). */
  serviceRules(service: string): readonly ServicePortRules[] {
    this.refresh();
    return this.byService.get(service) ?? [];
  }

  /** One table, assembled from the per-Service rules (cached until the next sync). */
  table(table: Table): TableModel {
    this.refresh();
    let t = this.tables[table];
    if (!t) {
      t = this.assemble(table);
      this.tables[table] = t;
    }
    return t;
  }

  /**
   * The rules of one chain (empty when the chain does not exist), as `table(t).chains.get(name)` has them;
   * the nat chains a packet walk goes through are found without assembling the whole table.
   */
  chain(table: Table, name: string): readonly Rule[] {
    this.refresh();
    if (table === 'filter') return this.table('filter').chains.get(name) ?? [];
    const jumps = this.jumps.nat.get(name);
    if (jumps) return jumps;
    if (name === chains.services) return this.entries().services;
    if (name === chains.nodePorts) return this.entries().nodePorts;
    const fixed = this.fixed.get(name);
    if (fixed) return fixed;
    if (!this.chainIndex) {
      const index = new Map<string, { svc: string; rules: readonly Rule[] }>();
      for (const [svc, rules] of this.byService) indexChains(index, svc, rules);
      this.chainIndex = index;
    }
    return this.chainIndex.get(name)?.rules ?? [];
  }

  private entries(): { services: Rule[]; nodePorts: Rule[] } {
    if (!this.entryChains) {
      const services: Rule[] = [];
      const nodePorts: Rule[] = [];
      for (const svc of this.synced.names()) {
        for (const p of this.byService.get(svc) ?? []) {
          services.push(...p.services);
          nodePorts.push(...p.nodePorts);
        }
      }
      services.push(lastServicesRule);
      this.entryChains = { services, nodePorts };
    }
    return this.entryChains;
  }

  private assemble(table: Table): TableModel {
    const ordered = new Map<string, Rule[]>();
    for (const b of table === 'nat' ? natBuiltins : filterBuiltins) ordered.set(b, this.jumps[table].get(b) ?? []);
    if (table === 'filter') {
      const byChain = new Map<string, Rule[]>();
      for (const c of [chains.nodePorts, chains.services, chains.externalServices, chains.firewall, chains.forward, chains.proxyFirewall]) byChain.set(c, []);
      const add = (r: Rule) => (byChain.get(r.chain) ?? byChain.set(r.chain, []).get(r.chain))?.push(r);
      for (const r of fixedRules(table)) add(r);
      for (const svc of this.synced.names()) for (const p of this.byService.get(svc) ?? []) for (const r of p.filter) add(r);
      for (const c of [...byChain.keys()].sort()) ordered.set(c, byChain.get(c) ?? []);
      return { table, builtins: filterBuiltins, chains: ordered };
    }
    // kube-proxy's fixed nat chains, by name (the rules every Service adds to the entry chains come first in
    // the Service order, as collected for the packet walk)
    const entries = this.entries();
    const fixed: [string, Rule[]][] = [
      [chains.markMasq, this.fixed.get(chains.markMasq) ?? []],
      [chains.nodePorts, entries.nodePorts],
      [chains.postrouting, this.fixed.get(chains.postrouting) ?? []],
      [chains.services, entries.services],
    ];
    // the Services' own chains (one per Service port and endpoint, never empty), sorted by name by a stable
    // sort: a chain two Service ports write (a hash collision) keeps their rules in Service order. Sorting the
    // rule lists by their chain needs no name → rules map, which 11,000 chains made the dearest part
    const lists: Rule[][] = [];
    for (const svc of this.synced.names()) {
      const ports = this.byService.get(svc);
      if (ports === undefined) continue;
      for (let i = 0; i < ports.length; i++) {
        const p = ports[i];
        for (const rules of p.natChains.values()) lists.push(rules);
        const seps = p.endpointChains;
        for (let j = 0; j < seps.length; j++) lists.push(seps[j]);
      }
    }
    const order = sortedByChainName(lists);
    let f = 0;
    let prev = '';
    for (let i = 0; i < order.length; i++) {
      const rules = lists[order[i]];
      const c = rules[0].chain;
      // names compared by UTF-16 code units, as the default sort orders them
      while (f < fixed.length && fixed[f][0] <= c) ordered.set(fixed[f][0], fixed[f++][1]);
      // the same name twice (a hash collision, or a fixed chain's name) sits next to itself once sorted
      const had = c === prev || c === fixed[f - 1]?.[0] ? ordered.get(c) : undefined;
      ordered.set(c, had ? had.concat(rules) : rules);
      prev = c;
    }
    while (f < fixed.length) ordered.set(fixed[f][0], fixed[f++][1]);
    return { table, builtins: natBuiltins, chains: ordered };
  }
}
