/**
 * The name servers a pod can reach: CoreDNS behind the `kube-dns` Service (its kubernetes plugin, then
 * `forward . /etc/resolv.conf` to the node's resolver), and the node's resolver itself — Docker's embedded DNS
 * on the kind network, which knows the node containers by name. The simulation has no Internet: names outside
 * the cluster and the kind network get NXDOMAIN from "upstream".
 */
import type { DnsCatalog } from './dnsCatalog';
import { bare, type DnsQuestion, type DnsResponse, fqdn, type ResourceRecord } from './dnsMessage';
import { kubernetesPlugin, type KubernetesPluginConfig } from './kubernetesPlugin';

export interface DnsNetwork {
  catalog: DnsCatalog;
  plugin: KubernetesPluginConfig;
  /** The kube-dns Service's ClusterIP (kubelet `clusterDNS`). */
  clusterDnsIP: string;
  /** Whether a CoreDNS pod is ready behind kube-dns (else queries to it time out). */
  corednsReady(): boolean;
  /** Docker's embedded DNS on the kind network: its address and the container names it resolves. */
  dockerDnsIP: string;
  dockerHosts: ReadonlyMap<string, string>;
  /** Told of each query CoreDNS answered, for the log plugin of the CoreDNS pod that served it. */
  served?(meta: QueryMeta, response: DnsResponse): void;
}

/** The client side of one query as CoreDNS sees it (its `log` plugin prints these). */
export interface QueryMeta {
  clientIP: string;
  clientPort: number;
  id: number;
  proto: 'udp' | 'tcp';
  /** The EDNS0 buffer size the client advertised (dig: 1232, with a COOKIE); undefined: no OPT record. */
  edns?: number;
}

/** A reply, or silence until the client's timeout. */
export type QueryOutcome = { kind: 'reply'; response: DnsResponse } | { kind: 'timeout' };

function upstream(net: DnsNetwork, q: DnsQuestion): DnsResponse {
  const host = bare(q.name.toLowerCase());
  const ip = net.dockerHosts.get(host);
  const answer: ResourceRecord[] = ip && q.type === 'A' ? [{ name: fqdn(q.name), ttl: 600, type: 'A', data: ip }] : [];
  return { question: q, rcode: ip ? 'NOERROR' : 'NXDOMAIN', authoritative: false, recursionAvailable: true, answer, authority: [], additional: [] };
}

/** CoreDNS with kubeadm's Corefile: the kubernetes plugin, else `forward` (answers there are not authoritative). */
export function corednsAnswer(net: DnsNetwork, q: DnsQuestion): DnsResponse {
  const lookup = (name: string) => upstream(net, { name, type: 'A' }).answer;
  return kubernetesPlugin(net.catalog, net.plugin, q, lookup) ?? upstream(net, q);
}

/** Sends one question to a server address on port 53; `meta` says who asked, for CoreDNS's query log. */
export function queryServer(net: DnsNetwork, server: string, q: DnsQuestion, meta?: QueryMeta): QueryOutcome {
  if (server === net.clusterDnsIP) {
    if (!net.corednsReady()) return { kind: 'timeout' };
    const response = corednsAnswer(net, q);
    if (meta) net.served?.(meta, response);
    return { kind: 'reply', response };
  }
  if (server === net.dockerDnsIP) return { kind: 'reply', response: upstream(net, q) };
  return { kind: 'timeout' };
}
