/**
 * kube-proxy's nftables mode for one node (kubernetes/kubernetes pkg/proxy/nftables/proxier.go): one table
 * `ip kube-proxy`; the `service-ips` and `service-nodeports` verdict maps send a packet to a per-Service chain,
 * which masquerades off-cluster traffic and picks an endpoint chain with `numgen random mod N vmap`; Services
 * without endpoints are in `no-endpoint-services` / `no-endpoint-nodeports` (reject, or drop for a Local policy
 * with no endpoint on this node). Chain names are the prefix, an 8-character hash and the readable key
 * `ns/svc/proto/port` (`servicePortChainNameBase`). The table itself is built in nftRuleset.ts.
 */
import { hashPrefix } from '../chainHash';
import type { Proxier, ProxyNode } from '../proxier';
import type { ProxyState } from '../serviceChangeTracker';
import { categorizeEndpoints, type EndpointInfo, type ServicePortInfo, usesLocalEndpoints } from '../servicePort';
import { SyncedServices } from '../syncedServices';
import type { NftRuleset } from './nftRuleset';

export interface NftServicePort {
  info: ServicePortInfo;
  /** `service-HASH-ns/svc/tcp/port` (Cluster policy) */
  serviceChain: string;
  /** `local-HASH-…`, used by internal or external Local policy */
  localChain: string;
  /** `external-HASH-…` for NodePort / external / LoadBalancer traffic */
  externalChain: string;
  /** `firewall-HASH-…` for LoadBalancer IPs with `loadBalancerSourceRanges` */
  firewallChain: string;
  clusterEndpoints: EndpointInfo[];
  localEndpoints: EndpointInfo[];
  /** Every endpoint either list uses, sorted: the ones with an `endpoint-` chain. */
  reachableEndpoints: EndpointInfo[];
  hasEndpoints: boolean;
  /** `endpoint-HASH-ns/svc/tcp/port__IP/port` per endpoint */
  endpointChain: (ep: EndpointInfo) => string;
  /** `affinity-HASH-…` set name when ClientIP affinity is on */
  affinitySet: (ep: EndpointInfo) => string;
}

function chainBase(info: ServicePortInfo): string {
  return `${info.namespace}/${info.service}/${info.protocol.toLowerCase()}/${info.portName}`;
}

export function nftServicePort(info: ServicePortInfo, eps: readonly EndpointInfo[], node: string): NftServicePort {
  const base = chainBase(info);
  const h = hashPrefix(base, 8);
  const cat = categorizeEndpoints(info, eps, node);
  const epBase = (ep: EndpointInfo) => `${base}__${ep.ip}/${ep.port}`;
  return {
    info,
    serviceChain: `service-${h}-${base}`,
    localChain: `local-${h}-${base}`,
    externalChain: `external-${h}-${base}`,
    firewallChain: `firewall-${h}-${base}`,
    clusterEndpoints: cat.cluster,
    localEndpoints: cat.local,
    reachableEndpoints: cat.reachable,
    hasEndpoints: cat.hasEndpoints,
    endpointChain: (ep) => `endpoint-${hashPrefix(epBase(ep), 8)}-${epBase(ep)}`,
    affinitySet: (ep) => `affinity-${hashPrefix(epBase(ep), 8)}-${epBase(ep)}`,
  };
}

export class NftablesProxier implements Proxier {
  readonly mode = 'nftables' as const;
  private readonly synced = new SyncedServices();
  private sortedCache: { version: number; list: NftServicePort[] } | undefined;
  /** The table built from the last sync (nftRuleset.ts), kept until the next one. */
  rulesetCache: { key: number; ruleset: NftRuleset } | undefined;
  syncs = 0;

  constructor(readonly node: ProxyNode) {}

  sync(state: ProxyState, changed: ReadonlySet<string> | undefined): void {
    this.synced.apply(state, changed);
    this.syncs++;
  }

  /** Changes with every sync: a model built from the synced Services is current while it is the same. */
  syncVersion(): number {
    return this.synced.version;
  }

  /** Every synced Service port; a Service's ports are shared with nodes that see the same local endpoints. */
  servicePorts(): NftServicePort[] {
    if (this.sortedCache?.version !== this.synced.version) {
      const list: NftServicePort[] = [];
      for (const svc of this.synced.names()) {
        const snap = this.synced.get(svc);
        if (!snap) continue;
        const local = snap.ports.some(usesLocalEndpoints);
        list.push(...snap.derive(`nftables|${local ? this.node.name : ''}`, () => snap.ports.map((p) => nftServicePort(p, snap.endpointsOf(p.portName), this.node.name))));
      }
      this.sortedCache = { version: this.synced.version, list };
    }
    return this.sortedCache.list;
  }
}
