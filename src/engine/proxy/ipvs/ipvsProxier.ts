/**
 * kube-proxy's IPVS mode for one node: every ClusterIP, external IP and LoadBalancer IP is bound to the dummy
 * interface `kube-ipvs0`, each (VIP, port) and each (node address, NodePort) is an IPVS virtual server whose
 * real servers are the endpoints (weight 1), scheduled by `ipvs.scheduler` (blank: `rr`), and the ipsets
 * kube-proxy matches in its few iptables rules (kubernetes/kubernetes pkg/proxy/ipvs/proxier.go, ipset.go).
 * The connection counters and the schedulers' state belong to the data plane: the packet walk advances them.
 */
import type { Proxier, ProxyNode } from '../proxier';
import type { ProxyState, ServiceSnapshot } from '../serviceChangeTracker';
import { categorizeEndpoints, type EndpointInfo, type ServicePortInfo, usesLocalEndpoints } from '../servicePort';
import { SyncedServices } from '../syncedServices';
import { IpvsConnections } from './ipvsConnections';
import { effectiveScheduler, IpvsSchedulerState, schedulerFlags } from './ipvsScheduler';

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
  scheduler: string;
  /** Scheduler flags as ipvsadm names them (`mh-port`). */
  flags: readonly string[];
  /** ClientIP affinity: IPVS persistence timeout in seconds (0 = none). */
  persistentSeconds: number;
  realServers: RealServer[];
  service: ServicePortInfo;
  kind: 'cluster IP' | 'node port' | 'external IP' | 'loadbalancer IP';
}

export interface IpvsProxierOptions {
  /** `ipvs.scheduler` of the kube-proxy configuration ('' means `rr`). */
  scheduler?: string;
  /**
   * Every address of the node's interfaces except kube-ipvs0 (eth0, lo, the pod veths' gateway), read at each
   * sync as `GetAllLocalAddressesExcept("kube-ipvs0")` reads them. Defaults to the node IP alone.
   */
  nodeAddresses?: () => readonly string[];
}

export class IpvsProxier implements Proxier {
  readonly mode = 'ipvs' as const;
  /** The scheduler every virtual server gets. */
  readonly scheduler: string;
  private readonly synced = new SyncedServices();
  private sortedCache: { version: string; list: VirtualServer[] } | undefined;
  /** The state the kernel's schedulers keep per virtual server (rr position, lblc assignments). */
  readonly schedulerState = new IpvsSchedulerState();
  /** IPVS's connection entries per real server (what ActiveConn / InActConn count). */
  readonly connections = new IpvsConnections();
  private readonly addressesOf: () => readonly string[];
  private addresses: readonly string[];
  private addressVersion = 0;
  syncs = 0;

  constructor(
    readonly node: ProxyNode,
    options: IpvsProxierOptions = {},
  ) {
    this.scheduler = effectiveScheduler(options.scheduler ?? '');
    this.addressesOf = options.nodeAddresses ?? (() => [node.ip]);
    this.addresses = nodePortAddresses(this.addressesOf());
  }

  sync(state: ProxyState, changed: ReadonlySet<string> | undefined): void {
    const now = nodePortAddresses(this.addressesOf());
    if (now.join() !== this.addresses.join()) {
      this.addresses = now;
      this.addressVersion++;
    }
    this.synced.apply(state, changed);
    this.syncs++;
  }

  /**
   * The addresses NodePorts are served on, as of the last sync. With `nodePortAddresses` unset kube-proxy takes
   * every local address but those on kube-ipvs0, loopback excluded (kubernetes/kubernetes
   * pkg/proxy/ipvs/proxier.go `syncProxyRules`, netlink_linux.go `GetAllLocalAddressesExcept`/`isValidForSet`):
   * on a kind node eth0's 172.18.0.x and, once a pod runs there, the pod gateway kindnet's ptp plugin puts on
   * each veth — not 127.0.0.1.
   */
  nodeIPs(): readonly string[] {
    return this.addresses;
  }

  /** A Service's virtual servers, shared with nodes of the same inputs (no Local policy, no NodePort). */
  private serviceVirtualServers(snap: ServiceSnapshot): VirtualServer[] {
    const local = snap.ports.some(usesLocalEndpoints);
    const nodePort = snap.ports.some((p) => p.nodePort > 0);
    return snap.derive(`ipvs|${this.scheduler}|${local ? this.node.name : ''}|${nodePort ? this.addresses.join() : ''}`, () => snap.ports.flatMap((p) => this.virtualServers(p, snap.endpointsOf(p.portName))));
  }

  private virtualServers(info: ServicePortInfo, eps: readonly EndpointInfo[]): VirtualServer[] {
    const cat = categorizeEndpoints(info, eps, this.node.name);
    // syncEndpoint: a Local policy takes the node's endpoints, and when it has none the cluster's ("allow access
    // from local pods even if no local endpoints exist", kubernetes/kubernetes#97081)
    const pick = (onlyLocal: boolean) => (onlyLocal && cat.local.length > 0 ? cat.local : cat.cluster);
    const internal = pick(info.internalPolicyLocal);
    const external = pick(info.externalPolicyLocal);
    const rs = (list: readonly EndpointInfo[]) => list.map((e) => ({ ip: e.ip, port: e.port, endpoint: e }));
    const base = { protocol: info.protocol, scheduler: this.scheduler, flags: schedulerFlags(this.scheduler), persistentSeconds: info.affinitySeconds, service: info };
    const out: VirtualServer[] = [{ ...base, ip: info.clusterIP, port: info.port, realServers: rs(internal), kind: 'cluster IP' }];
    for (const ip of info.externalIPs) out.push({ ...base, ip, port: info.port, realServers: rs(external), kind: 'external IP' });
    for (const ip of info.loadBalancerIPs) out.push({ ...base, ip, port: info.port, realServers: rs(external), kind: 'loadbalancer IP' });
    if (info.nodePort) for (const ip of this.addresses) out.push({ ...base, ip, port: info.nodePort, realServers: rs(external), kind: 'node port' });
    return out;
  }

  /** Every virtual server, ordered as `ipvsadm -Ln` lists them here (by address, then port, then protocol). */
  virtualServerList(): VirtualServer[] {
    const version = `${this.synced.version}/${this.addressVersion}`;
    if (this.sortedCache?.version !== version) {
      const all: VirtualServer[] = [];
      for (const svc of this.synced.names()) {
        const snap = this.synced.get(svc);
        if (snap) all.push(...this.serviceVirtualServers(snap));
      }
      all.sort((a, b) => ipKey(a.ip) - ipKey(b.ip) || a.port - b.port || (a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0));
      this.sortedCache = { version, list: all };
    }
    return this.sortedCache.list;
  }

  /** The virtual server for a destination, if any. */
  lookup(ip: string, port: number, protocol: string): VirtualServer | undefined {
    return this.virtualServerList().find((v) => v.ip === ip && v.port === port && v.protocol === protocol);
  }

  /**
   * The addresses bound to kube-ipvs0: ClusterIPs, and external and LoadBalancer IPs that are not already an
   * address of another interface (`shouldBind` in kubernetes/kubernetes pkg/proxy/ipvs/proxier.go), once each.
   */
  boundAddresses(): string[] {
    const ips = new Set<string>();
    for (const v of this.virtualServerList()) if (v.kind === 'cluster IP' || (v.kind !== 'node port' && !this.addresses.includes(v.ip))) ips.add(v.ip);
    return [...ips].sort((a, b) => ipKey(a) - ipKey(b));
  }
}

/** The node's addresses without loopback, in address order (ipvsadm's listing order here). */
function nodePortAddresses(all: readonly string[]): string[] {
  return [...new Set(all.filter((ip) => !ip.startsWith('127.')))].sort((a, b) => ipKey(a) - ipKey(b));
}

function ipKey(ip: string): number {
  const p = ip.split('.').map(Number);
  return ((p[0] * 256 + p[1]) * 256 + p[2]) * 256 + p[3];
}
