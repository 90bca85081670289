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
import { chains, comment, jump, type Part, type Rule, rule, type Target } from './rule';

/** Everything one Service port contributes to the tables. */
export interface ServicePortRules {
  /** Rules appended to nat KUBE-SERVICES, in order. */
  services: Rule[];
  /** Rules appended to nat KUBE-NODEPORTS. */
  nodePorts: Rule[];
  /** The Service's own nat chains (SVC/SVL/EXT/FW/SEP), each with its rules. */
  natChains: Map<string, Rule[]>;
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

/**
 * Remembers chain names across syncs and nodes: hashing is most of a full sync's cost, and endpoints mostly
 * stay. Endpoint names are kept per Service port, then per `IP:port`, so a lookup builds no key string.
 */
export class ChainNameCache {
  private byPort = new Map<string, { hash: string; endpoints: Map<string, string> }>();
  private size = 0;
  private readonly hasher = new Sha256();

  private port(info: ServicePortInfo): { hash: string; endpoints: Map<string, string> } {
    const key = `${info.name}|${info.protocol}`;
    let entry = this.byPort.get(key);
    if (!entry) {
      entry = { hash: portProtoHash(info.name, info.protocol, this.hasher), endpoints: new Map() };
      this.byPort.set(key, entry);
    }
    return entry;
  }

  endpoint(info: ServicePortInfo, ep: EndpointInfo): string {
    return this.endpointIn(this.port(info).endpoints, info, ep);
  }

  /** The endpoint chain namer of one Service port: its cache entry is found once, not per endpoint. */
  endpointsOf(info: ServicePortInfo): (ep: EndpointInfo) => string {
    const { endpoints } = this.port(info);
    return (ep) => this.endpointIn(endpoints, info, ep);
  }

  private endpointIn(endpoints: Map<string, string>, info: ServicePortInfo, ep: EndpointInfo): string {
    let n = endpoints.get(ep.endpoint);
    if (n === undefined) {
      // a bound on memory for long sessions with endpoint churn; names are recomputed when needed again
      if (++this.size > 200_000) {
        this.byPort = new Map();
        this.size = 0;
        return this.endpointName(info, ep);
      }
      n = this.endpointName(info, ep);
      endpoints.set(ep.endpoint, n);
    }
    return n;
  }

  private endpointName(info: ServicePortInfo, ep: EndpointInfo): string {
    return endpointHash(info.name, info.protocol, ep.endpoint, this.hasher, 'KUBE-SEP-');
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

  service(info: ServicePortInfo): { svc: string; svl: string; ext: string; fw: string } {
    const h = this.port(info).hash;
    return { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
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
  const out: ServicePortRules = { services: [], nodePorts: [], natChains: new Map(), filter: [] };
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

  const noEndpoints = `${name} has no endpoints`;
  const noLocal = `${name} has no local endpoints`;
  const internalFilter = !hasEndpoints ? { c: noEndpoints, t: 'REJECT' as const } : !hasInternal ? { c: noLocal, t: 'DROP' as const } : undefined;
  const externalFilter = !hasEndpoints ? { c: noEndpoints, t: 'REJECT' as const } : !hasExternal ? { c: noLocal, t: 'DROP' as const } : undefined;

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
  if (usesClusterChain) writeServiceToEndpointRules(chain(names.svc), names.svc, info, cluster, hasInternal && internalChain === names.svc ? masq(names.svc) : undefined, sepOf, names_);
  if (usesLocalChain) writeServiceToEndpointRules(chain(names.svl), names.svl, info, local, hasInternal && internalChain === names.svl ? masq(names.svl) : undefined, sepOf, names_);

  // parts, targets and part lists no rule changes are shared by the Service's endpoint chains: a full sync
  // makes 10,000 of them, and every object they keep is garbage-collector work (consumers never mutate rules)
  const svcComment = comment(name);
  const protoPart: Part = { k: 'proto', proto };
  const toMarkMasq = jump(chains.markMasq);
  const dnatShared: Part[] | undefined = info.affinitySeconds ? undefined : [svcComment, protoPart];
  for (let i = 0; i < reachable.length; i++) {
    const ep = reachable[i];
    const sep = sepOf(ep);
    const dnatParts: Part[] = dnatShared ?? [svcComment, { k: 'recent', name: sep }, protoPart];
    out.natChains.set(sep, [rule(sep, [svcComment, { k: 'src', cidr: ep.ip }], toMarkMasq), rule(sep, dnatParts, { t: 'DNAT', to: ep.endpoint })]);
  }
  return out;
}

/** The affinity checks, then the random cascade: rule i of n matches with probability 1/(n-i), the last always. */
function writeServiceToEndpointRules(rules: Rule[], chainName: string, info: ServicePortInfo, eps: readonly EndpointInfo[], masq: Rule | undefined, sepOf: (ep: EndpointInfo) => string, names: ChainNameCache): void {
  if (masq) rules.push(masq);
  const n = eps.length;
  // each endpoint's comment and jump are made once, for its affinity check and its cascade rule alike
  const comments: Part[] = new Array(n);
  const jumps: Target[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const ep = eps[i];
    comments[i] = comment(`${info.name} -> ${ep.endpoint}`);
    jumps[i] = jump(sepOf(ep));
  }
  if (info.affinitySeconds) {
    for (let i = 0; i < n; i++) {
      rules.push(rule(chainName, [comments[i], { k: 'recent', name: sepOf(eps[i]), rcheckSeconds: info.affinitySeconds }], jumps[i]));
    }
  }
  for (let i = 0; i < n; i++) {
    const parts: Part[] = i < n - 1 ? [comments[i], names.statistic(n - i)] : [comments[i]];
    rules.push(rule(chainName, parts, jumps[i]));
  }
}
