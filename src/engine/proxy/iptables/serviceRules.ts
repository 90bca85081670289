/**
 * The rules kube-proxy's iptables mode writes for one Service port on one node, reproducing the structure of
 * `syncProxyRules` and `writeServiceToEndpointRules` in kubernetes/kubernetes pkg/proxy/iptables/proxier.go:
 * the KUBE-SERVICES / KUBE-NODEPORTS entry points, KUBE-SVC- (Cluster policy), KUBE-SVL- (Local policy),
 * KUBE-EXT- (external destinations), KUBE-FW- (loadBalancerSourceRanges) and one KUBE-SEP- per endpoint, and the
 * filter-table REJECT/DROP rules for Services without (local) endpoints.
 */
import { endpointHash, portProtoHash, Sha256 } from '../chainHash';
import type { ProxyNode } from '../proxier';
import { categorizeEndpoints, type EndpointInfo, externallyAccessible, type ServicePortInfo } from '../servicePort';
import { EndpointDnatRule, EndpointJumpRule, EndpointMasqueradeRule, type PortRuleContext } from './endpointRules';
import { chains, comment, jump, type Part, type Rule, rule } from './rule';

/** Everything one Service port contributes to the tables. */
export interface ServicePortRules {
  /** Rules appended to nat KUBE-SERVICES, in order. */
  services: Rule[];
  /** Rules appended to nat KUBE-NODEPORTS. */
  nodePorts: Rule[];
  /** The Service port's own nat chains but the endpoints' (SVC/SVL/EXT/FW), each with its rules. */
  natChains: Map<string, Rule[]>;
  /** One KUBE-SEP chain per endpoint, in endpoint order; a chain's name is its rules' `chain`. */
  endpointChains: Rule[][];
  /** Rules of the filter table (KUBE-SERVICES, KUBE-EXTERNAL-SERVICES, KUBE-NODEPORTS, KUBE-PROXY-FIREWALL). */
  filter: Rule[];
}

/** Chain names of one Service port (pkg/proxy/iptables/proxier.go `newServiceInfo`). */
export function serviceChainNames(info: ServicePortInfo): { svc: string; svl: string; ext: string; fw: string } {
  const h = portProtoHash(info.name, info.protocol);
  return { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
}

export function endpointChainName(info: ServicePortInfo, ep: EndpointInfo): string {
  return `KUBE-SEP-${endpointHash(info.name, info.protocol, ep.endpoint)}`;
}

/** The chain names of one Service port, and of its endpoints by `IP:port`. */
interface PortNames {
  readonly chains: { readonly svc: string; readonly svl: string; readonly ext: string; readonly fw: string };
  /** servicePortName + lower-case protocol: what each endpoint's chain hash starts with. */
  readonly key: string;
  readonly endpoints: Map<string, string>;
}

/**
 * Remembers chain names across syncs and nodes: hashing is most of a full sync's cost, and endpoints mostly
 * stay. Endpoint names are kept per Service port, then per `IP:port`, so a lookup builds no key string.
 */
export class ChainNameCache {
  private byPort = new Map<string, PortNames>();
  private size = 0;
  private readonly hasher = new Sha256();

  private port(info: ServicePortInfo): PortNames {
    const key = `${info.name}|${info.protocol}`;
    let entry = this.byPort.get(key);
    if (!entry) {
      const h = portProtoHash(info.name, info.protocol, this.hasher);
      entry = { chains: { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` }, key: info.name + info.protocol.toLowerCase(), endpoints: new Map() };
      this.byPort.set(key, entry);
    }
    return entry;
  }

  endpoint(info: ServicePortInfo, ep: EndpointInfo): string {
    return this.endpointIn(this.port(info), ep);
  }

  /** The endpoint chain namer of one Service port: its cache entry is found once, not per endpoint. */
  endpointsOf(info: ServicePortInfo): (ep: EndpointInfo) => string {
    const port = this.port(info);
    return (ep) => this.endpointIn(port, ep);
  }

  private endpointIn(port: PortNames, ep: EndpointInfo): string {
    let n = port.endpoints.get(ep.endpoint);
    if (n === undefined) {
      // servicePortName + protocol, then `IP:port` (`servicePortEndpointChainName`), hashed without joining them
      n = this.hasher.prefix(port.key, 16, 'KUBE-SEP-', ep.endpoint);
      // a bound on memory for long sessions with endpoint churn; names are recomputed when needed again
      if (++this.size > 200_000) {
        this.byPort = new Map();
        this.size = 0;
        return n;
      }
      port.endpoints.set(ep.endpoint, n);
    }
    return n;
  }

  private readonly statistics: Part[] = [];

  /**
   * The `-m statistic --probability 1/remaining` match of a cascade rule, one object per value for every
   * Service (10,000 endpoints share a handful): each object a sync keeps is garbage-collector work.
   */
  statistic(remaining: number): Part {
    let part = this.statistics[remaining];
    if (part === undefined) {
      part = { k: 'statistic', probability: 1 / remaining };
      if (remaining < 1024) this.statistics[remaining] = part;
    }
    return part;
  }

  service(info: ServicePortInfo): { readonly svc: string; readonly svl: string; readonly ext: string; readonly fw: string } {
    return this.port(info).chains;
  }
}

/** `-m tcp -p tcp -d <ip> --dport <port>`: how kube-proxy matches a destination. */
function dest(proto: string, ip: string, port: number): Part[] {
  return [
    { k: 'proto', proto },
    { k: 'dst', cidr: ip },
    { k: 'dport', port },
  ];
}

export function buildServicePortRules(info: ServicePortInfo, eps: readonly EndpointInfo[], node: ProxyNode, names_: ChainNameCache = new ChainNameCache()): ServicePortRules {
  const out: ServicePortRules = { services: [], nodePorts: [], natChains: new Map(), endpointChains: new Array(0), filter: [] };
  const proto = info.protocol.toLowerCase();
  const name = info.name;
  const names = names_.service(info);
  const sepOf = names_.endpointsOf(info);
  const { cluster, local, reachable, hasEndpoints } = categorizeEndpoints(info, eps, node.name);

  const usesClusterChain = cluster.length > 0;
  const usesLocalChain = local.length > 0;
  const internalChain = info.internalPolicyLocal ? names.svl : names.svc;
  const hasInternal = hasEndpoints && (!info.internalPolicyLocal || local.length > 0);
  const externalPolicyChain = info.externalPolicyLocal ? names.svl : names.svc;
  const hasExternal = hasEndpoints && (!info.externalPolicyLocal || local.length > 0);
  const usesExtChain = hasEndpoints && externallyAccessible(info);
  const usesFw = hasEndpoints && info.loadBalancerIPs.length > 0 && info.loadBalancerSourceRanges.length > 0;
  const lbChain = usesFw ? names.fw : names.ext;

  const internalFilter = !hasEndpoints ? { c: `${name} has no endpoints`, t: 'REJECT' as const } : !hasInternal ? { c: `${name} has no local endpoints`, t: 'DROP' as const } : undefined;
  const externalFilter = !hasEndpoints ? { c: `${name} has no endpoints`, t: 'REJECT' as const } : !hasExternal ? { c: `${name} has no local endpoints`, t: 'DROP' as const } : undefined;

  if (hasInternal) out.services.push(rule(chains.services, [comment(`${name} cluster IP`), ...dest(proto, info.clusterIP, info.port)], jump(internalChain)));
  else if (internalFilter) out.filter.push(rule(chains.services, [comment(internalFilter.c), ...dest(proto, info.clusterIP, info.port)], { t: internalFilter.t }));

  for (const ip of info.externalIPs) {
    if (hasEndpoints) out.services.push(rule(chains.services, [comment(`${name} external IP`), ...dest(proto, ip, info.port)], jump(names.ext)));
    if (externalFilter) out.filter.push(rule(chains.externalServices, [comment(externalFilter.c), ...dest(proto, ip, info.port)], { t: externalFilter.t }));
  }
  for (const ip of info.loadBalancerIPs) {
    if (hasEndpoints) out.services.push(rule(chains.services, [comment(`${name} loadbalancer IP`), ...dest(proto, ip, info.port)], jump(lbChain)));
    if (usesFw) out.filter.push(rule(chains.proxyFirewall, [comment(`${name} traffic not accepted by ${names.fw}`), ...dest(proto, ip, info.port)], { t: 'DROP' }));
  }
  if (externalFilter) {
    for (const ip of info.loadBalancerIPs) out.filter.push(rule(chains.externalServices, [comment(externalFilter.c), ...dest(proto, ip, info.port)], { t: externalFilter.t }));
  }
  if (info.nodePort) {
    if (hasEndpoints) {
      // localhost NodePorts (`--iptables-localhost-nodeports`, on by default) get their own counted rule first
      out.nodePorts.push(
        rule(chains.nodePorts, [comment(name), { k: 'proto', proto }, { k: 'dst', cidr: '127.0.0.0/8' }, { k: 'dport', port: info.nodePort }, { k: 'nfacct', name: 'localhost_nps_accepted_pkts' }], jump(names.ext)),
        rule(chains.nodePorts, [comment(name), { k: 'proto', proto }, { k: 'dport', port: info.nodePort }], jump(names.ext)),
      );
    }
    if (externalFilter) {
      out.filter.push(rule(chains.externalServices, [comment(externalFilter.c), { k: 'addrtype', dst: 'LOCAL' }, { k: 'proto', proto }, { k: 'dport', port: info.nodePort }], { t: externalFilter.t }));
    }
  }
  if (info.healthCheckNodePort) {
    out.filter.push(rule(chains.nodePorts, [comment(`${name} health check node port`), { k: 'proto', proto: 'tcp' }, { k: 'dport', port: info.healthCheckNodePort }], { t: 'ACCEPT' }));
  }

  const chain = (c: string): Rule[] => {
    let rules = out.natChains.get(c);
    if (!rules) {
      rules = [];
      out.natChains.set(c, rules);
    }
    return rules;
  };

  if (usesExtChain) {
    const ext = chain(names.ext);
    if (!info.externalPolicyLocal) {
      ext.push(rule(names.ext, [comment(`masquerade traffic for ${name} external destinations`)], jump(chains.markMasq)));
    } else {
      ext.push(
        rule(names.ext, [comment(`pod traffic for ${name} external destinations`), { k: 'src', cidr: node.clusterCIDR }], jump(names.svc)),
        rule(names.ext, [comment(`masquerade LOCAL traffic for ${name} external destinations`), { k: 'addrtype', src: 'LOCAL' }], jump(chains.markMasq)),
        rule(names.ext, [comment(`route LOCAL traffic for ${name} external destinations`), { k: 'addrtype', src: 'LOCAL' }], jump(names.svc)),
      );
    }
    if (hasExternal) ext.push(rule(names.ext, [], jump(externalPolicyChain)));
  }

  if (usesFw) {
    const fw = chain(names.fw);
    for (const cidr of info.loadBalancerSourceRanges) fw.push(rule(names.fw, [comment(`${name} loadbalancer IP`), { k: 'src', cidr }], jump(names.ext)));
    fw.push(rule(names.fw, [comment(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`)], { t: 'none' }));
  }

  // the masquerade rule for off-cluster traffic to the ClusterIP heads the internal chain
  const masq = (c: string) => rule(c, [comment(`${name} cluster IP`), ...dest(proto, info.clusterIP, info.port), { k: 'src', cidr: node.clusterCIDR, not: true }], jump(chains.markMasq));
  const shared: PortRuleContext = { name, svcComment: comment(name), protoPart: { k: 'proto', proto } };
  if (usesClusterChain) writeServiceToEndpointRules(chain(names.svc), names.svc, info, cluster, hasInternal && internalChain === names.svc ? masq(names.svc) : undefined, sepOf, names_, shared);
  if (usesLocalChain) writeServiceToEndpointRules(chain(names.svl), names.svl, info, local, hasInternal && internalChain === names.svl ? masq(names.svl) : undefined, sepOf, names_, shared);

  // the KUBE-SEP chains, two compact rules each: the port's comment, protocol and (without affinity) DNAT match
  // list are shared by all of them, and nothing else is made until something reads the rules
  const dnatShared: Part[] | undefined = info.affinitySeconds ? undefined : [shared.svcComment, shared.protoPart];
  const seps: Rule[][] = new Array(reachable.length);
  for (let i = 0; i < reachable.length; i++) {
    const ep = reachable[i];
    const sep = sepOf(ep);
    const dnatParts: Part[] = dnatShared ?? [shared.svcComment, { k: 'recent', name: sep }, shared.protoPart];
    seps[i] = [new EndpointMasqueradeRule(sep, shared, ep), new EndpointDnatRule(sep, dnatParts, ep)];
  }
  out.endpointChains = seps;
  return out;
}

/** Calls `fn` with each nat chain of a Service port (its own, then its endpoints'), name and rules. */
export function forEachNatChain(p: ServicePortRules, fn: (chain: string, rules: Rule[]) => void): void {
  for (const [c, rules] of p.natChains) fn(c, rules);
  const seps = p.endpointChains;
  for (let i = 0; i < seps.length; i++) fn(seps[i][0].chain, seps[i]);
}

/** The affinity checks, then the random cascade: rule i of n matches with probability 1/(n-i), the last always. */
function writeServiceToEndpointRules(rules: Rule[], chainName: string, info: ServicePortInfo, eps: readonly EndpointInfo[], masq: Rule | undefined, sepOf: (ep: EndpointInfo) => string, names: ChainNameCache, shared: PortRuleContext): void {
  if (masq) rules.push(masq);
  const n = eps.length;
  if (info.affinitySeconds) {
    for (let i = 0; i < n; i++) {
      const sep = sepOf(eps[i]);
      rules.push(new EndpointJumpRule(chainName, sep, shared, eps[i], { k: 'recent', name: sep, rcheckSeconds: info.affinitySeconds }));
    }
  }
  for (let i = 0; i < n; i++) rules.push(new EndpointJumpRule(chainName, sepOf(eps[i]), shared, eps[i], i < n - 1 ? names.statistic(n - i) : undefined));
}
