/**
 * The DNS view of one cluster: CoreDNS's catalog over the store, kubeadm's plugin settings, whether a CoreDNS
 * pod is ready behind kube-dns, and Docker's embedded DNS on the kind network (node containers by name).
 */
import type { ClusterConfig } from '../config';
import type { KubeletRuntimeView } from '../kubelet/runtimeView';
import { logAccess } from '../kubelet/apps/app';
import type { ObjectStore } from '../store/objectStore';
import { queryLogLine } from './coredns/corednsProcess';
import { storeDnsCatalog } from './dnsCatalog';
import type { DnsNetwork, QueryMeta } from './dnsServers';
import type { DnsResponse } from './dnsMessage';
import { stableHash } from './tools/toolContext';

/** kubeadm's Corefile sets `ttl 30` (kubernetes/kubernetes `cmd/kubeadm/app/phases/addons/dns/manifests.go`). */
export const clusterDnsTtl = 30;

function latestChangeSeconds(store: ObjectStore): number {
  // CoreDNS's SOA serial is the time of the last API change it saw; creation times approximate it here
  let latest = 0;
  for (const kind of ['Service', 'EndpointSlice'] as const) {
    for (const o of store.list(kind)) {
      const t = Date.parse(o.metadata?.creationTimestamp ?? '');
      if (t > latest) latest = t;
    }
  }
  return Math.floor(latest / 1000);
}

/** The ready addresses behind kube-dns, sorted. */
function readyCoredns(store: ObjectStore): string[] {
  const ips = new Set<string>();
  for (const s of store.list('EndpointSlice', 'kube-system')) {
    if (s.metadata?.labels?.['kubernetes.io/service-name'] !== 'kube-dns') continue;
    for (const e of s.endpoints ?? []) if (e.conditions?.ready !== false) for (const a of e.addresses) ips.add(a);
  }
  return [...ips].sort();
}

/**
 * The CoreDNS pod that answers a query to kube-dns writes it to its log when its Corefile has `log`. kube-proxy
 * picks the endpoint at random; here a hash of the query's source address, port and id picks among the ready
 * ones with equal odds, without drawing from the cluster's PRNG (a DNS lookup must not shift which pod the
 * next connection reaches).
 */
function corednsQueryLog(store: ObjectStore, runtime: KubeletRuntimeView): (meta: QueryMeta, response: DnsResponse) => void {
  return (meta, response) => {
    const ready = readyCoredns(store);
    if (!ready.length) return;
    // FNV-1a's low bits follow the parity of the input: take higher ones
    const ip = ready[(stableHash(`${meta.clientIP}:${meta.clientPort} ${meta.id}`) >>> 12) % ready.length];
    const inst = runtime.podByIP(ip)?.containers.find((c) => c.running && c.instance?.coredns)?.instance;
    if (inst?.coredns?.running.log) logAccess(inst, queryLogLine(meta, response));
  };
}

/** The name servers one cluster's pods can reach; with `runtime`, CoreDNS pods log the queries they serve. */
export function clusterDnsNetwork(store: ObjectStore, config: ClusterConfig, clusterDnsIP: string, runtime?: KubeletRuntimeView): DnsNetwork {
  const [a, b] = (config.nodes[0]?.ip ?? '172.18.0.2').split('.');
  let serial: number | undefined;
  return {
    catalog: storeDnsCatalog(store),
    plugin: {
      zone: config.clusterDomain,
      ttl: clusterDnsTtl,
      // read only for an SOA record (NXDOMAIN, NODATA): most lookups never need the walk over every Service
      get serial() {
        serial ??= latestChangeSeconds(store);
        return serial;
      },
    },
    clusterDnsIP,
    corednsReady: () => readyCoredns(store).length > 0,
    dockerDnsIP: `${a}.${b}.0.1`,
    dockerHosts: new Map(config.nodes.map((n) => [n.name, n.ip])),
    ...(runtime ? { served: corednsQueryLog(store, runtime) } : {}),
  };
}
