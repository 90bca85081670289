/**
 * kube-proxy's IPVS mode for one node: every ClusterIP, external IP and LoadBalancer IP is bound to the dummy
 * interface `kube-ipvs0`, each (VIP, port) and each (node IP, NodePort) is an IPVS virtual server whose real
 * servers are the endpoints, scheduled `rr` (round robin, the `--ipvs-scheduler` default), and the ipsets
 * kube-proxy matches in its few iptables rules (kubernetes/kubernetes pkg/proxy/ipvs/proxier.go, ipset.go).
 * The real-server counters (ActiveConn) belong to the data plane: the packet tracer advances them.
 */
import type { Proxier, ProxyNode } from '../proxier';
import type { ProxyState, ServiceSnapshot } from '../serviceChangeTracker';
import { categorizeEndpoints, type EndpointInfo, type ServicePortInfo, usesLocalEndpoints } from '../servicePort';
import { SyncedServices } from '../syncedServices';

export interface RealServer {
  ip: string;
  port: number;
  /** Pod IP:port of the endpoint. */
  endpoint: EndpointInfo;
}

export interface VirtualServer {
  protocol: string;
  ip: string;
  port: number;
  scheduler: 'rr';
  /** ClientIP affinity: IPVS persistence timeout in seconds (0 = none). */
  persistentSeconds: number;
  realServers: RealServer[];
  service: ServicePortInfo;
  kind: 'cluster IP' | 'node port' | 'external IP' | 'loadbalancer IP';
}

export class IpvsProxier implements Proxier {
  readonly mode = 'ipvs' as const;
  private readonly synced = new SyncedServices();
  private sortedCache: { version: number; list: VirtualServer[] } | undefined;
  /** Round-robin position per virtual server (`ip:port/proto`), the state IPVS `rr` keeps. */
  readonly rrNext = new Map<string, number>();
  syncs = 0;

  constructor(readonly node: ProxyNode) {}

  sync(state: ProxyState, changed: ReadonlySet<string> | undefined): void {
    this.synced.apply(state, changed);
    this.syncs++;
  }

  /** A Service's virtual servers, shared with nodes of the same name-independent inputs (no Local policy, no NodePort). */
  private serviceVirtualServers(snap: ServiceSnapshot): VirtualServer[] {
    const local = snap.ports.some(usesLocalEndpoints);
    const nodePort = snap.ports.some((p) => p.nodePort > 0);
    return snap.derive(`ipvs|${local ? this.node.name : ''}|${nodePort ? this.node.ip : ''}`, () => snap.ports.flatMap((p) => this.virtualServers(p, snap.endpointsOf(p.portName))));
  }

  private virtualServers(info: ServicePortInfo, eps: readonly EndpointInfo[]): VirtualServer[] {
    const cat = categorizeEndpoints(info, eps, this.node.name);
    const internal = info.internalPolicyLocal ? cat.local : cat.cluster;
    const external = info.externalPolicyLocal ? cat.local : cat.cluster;
    const rs = (list: readonly EndpointInfo[]) => list.map((e) => ({ ip: e.ip, port: e.port, endpoint: e }));
    const base = { protocol: info.protocol, scheduler: 'rr' as const, persistentSeconds: info.affinitySeconds, service: info };
    const out: VirtualServer[] = [{ ...base, ip: info.clusterIP, port: info.port, realServers: rs(internal), kind: 'cluster IP' }];
    for (const ip of info.externalIPs) out.push({ ...base, ip, port: info.port, realServers: rs(external), kind: 'external IP' });
    for (const ip of info.loadBalancerIPs) out.push({ ...base, ip, port: info.port, realServers: rs(external), kind: 'loadbalancer IP' });
    if (info.nodePort) out.push({ ...base, ip: this.node.ip, port: info.nodePort, realServers: rs(external), kind: 'node port' });
    return out;
  }

  /** Every virtual server, ordered as `ipvsadm -Ln` lists them here (by address, then port, then protocol). */
  virtualServerList(): VirtualServer[] {
    if (this.sortedCache?.version !== this.synced.version) {
      const all: VirtualServer[] = [];
      for (const svc of this.synced.names()) {
        const snap = this.synced.get(svc);
        if (snap) all.push(...this.serviceVirtualServers(snap));
      }
      all.sort((a, b) => ipKey(a.ip) - ipKey(b.ip) || a.port - b.port || (a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0));
      this.sortedCache = { version: this.synced.version, list: all };
    }
    return this.sortedCache.list;
  }

  /** The virtual server for a destination, if any. */
  lookup(ip: string, port: number, protocol: string): VirtualServer | undefined {
    return this.virtualServerList().find((v) => v.ip === ip && v.port === port && v.protocol === protocol);
  }

  /** The addresses bound to kube-ipvs0: ClusterIPs, external IPs and LoadBalancer IPs, once each. */
  boundAddresses(): string[] {
    const ips = new Set<string>();
    for (const v of this.virtualServerList()) if (v.kind !== 'node port') ips.add(v.ip);
    return [...ips].sort((a, b) => ipKey(a) - ipKey(b));
  }
}

function ipKey(ip: string): number {
  const p = ip.split('.').map(Number);
  return ((p[0] * 256 + p[1]) * 256 + p[2]) * 256 + p[3];
}
