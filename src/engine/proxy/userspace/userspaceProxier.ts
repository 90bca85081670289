/**
 * The userspace proxy mode, removed in Kubernetes 1.26 and kept here for teaching: kube-proxy itself listened
 * on a "proxy port" per Service port, iptables redirected the ClusterIP:port there (KUBE-PORTALS-CONTAINER /
 * KUBE-PORTALS-HOST), and kube-proxy copied bytes to an endpoint it chose round robin
 * (kubernetes/kubernetes v1.25 pkg/proxy/userspace/proxier.go, roundrobin.go).
 */
import { hashPrefix } from '../chainHash';
import type { Proxier, ProxyNode } from '../proxier';
import type { TableModel } from '../iptables/iptablesProxier';
import type { ProxyState } from '../serviceChangeTracker';
import { SyncedServices } from '../syncedServices';
import { categorizeEndpoints, type EndpointInfo, type ServicePortInfo } from '../servicePort';

export interface UserspacePort {
  info: ServicePortInfo;
  /** The port kube-proxy listens on for this Service port (the OS picked a free one; here it is derived from the name). */
  proxyPort: number;
  endpoints: EndpointInfo[];
}

/** A stable "random" local port in the ephemeral range for a Service port. */
function proxyPortFor(name: string): number {
  const h = hashPrefix(name, 4);
  let n = 0;
  for (const ch of h) n = n * 32 + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(ch);
  return 32768 + (n % 28232);
}

export class UserspaceProxier implements Proxier {
  readonly mode = 'userspace' as const;
  private readonly synced = new SyncedServices();
  private sortedCache: { version: number; list: UserspacePort[] } | undefined;
  /** The nat rules built from the last sync (portalRules.ts), kept until the next one. */
  natCache: { version: number; model: TableModel } | undefined;
  /** The round-robin position per Service port, as the LoadBalancerRR kept it. */
  readonly rrNext = new Map<string, number>();
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

  /** Every synced Service port; the cluster-wide endpoint list is the same on every node, so nodes share it. */
  ports(): UserspacePort[] {
    if (this.sortedCache?.version !== this.synced.version) {
      const list: UserspacePort[] = [];
      for (const svc of this.synced.names()) {
        const snap = this.synced.get(svc);
        if (!snap) continue;
        list.push(...snap.derive('userspace', () => snap.ports.map((info) => ({ info, proxyPort: proxyPortFor(info.name), endpoints: categorizeEndpoints(info, snap.endpointsOf(info.portName), this.node.name).cluster }))));
      }
      this.sortedCache = { version: this.synced.version, list };
    }
    return this.sortedCache.list;
  }

  lookup(ip: string, port: number, proto: string): UserspacePort | undefined {
    return this.ports().find((p) => p.info.port === port && p.info.protocol === proto && (p.info.clusterIP === ip || p.info.externalIPs.includes(ip) || p.info.loadBalancerIPs.includes(ip)));
  }

  lookupNodePort(port: number, proto: string): UserspacePort | undefined {
    return this.ports().find((p) => p.info.nodePort === port && p.info.protocol === proto);
  }
}

/** The readable table `docker exec <node> kube-proxy-userspace` prints (the mode has no tool of its own). */
export function userspaceTable(p: UserspaceProxier): string {
  const rows = [['SERVICE', 'CLUSTER-IP:PORT', 'PROXY-PORT', 'ENDPOINTS (round robin)']];
  for (const u of p.ports()) {
    const next = p.rrNext.get(u.info.name) ?? 0;
    const eps = u.endpoints.map((e, i) => (i === next % Math.max(1, u.endpoints.length) ? `>${e.endpoint}` : e.endpoint)).join(',') || '<none>';
    rows.push([u.info.name, `${u.info.clusterIP}:${u.info.port}/${u.info.protocol}`, String(u.proxyPort), eps]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 3))).join(''));
  return `# userspace proxy mode: removed in Kubernetes 1.26, simulated for teaching (">" marks the next endpoint)\n${lines.join('\n')}\n`;
}
