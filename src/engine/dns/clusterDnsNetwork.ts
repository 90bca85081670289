/**
 * The DNS view of one cluster: CoreDNS's catalog over the store, kubeadm's plugin settings, whether a CoreDNS
 * pod is ready behind kube-dns, and Docker's embedded DNS on the kind network (node containers by name).
 */
import type { ClusterConfig } from '../config';
import type { ObjectStore } from '../store/objectStore';
import { storeDnsCatalog } from './dnsCatalog';
import type { DnsNetwork } from './dnsServers';

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

/** The name servers one cluster's pods can reach. */
export function clusterDnsNetwork(store: ObjectStore, config: ClusterConfig, clusterDnsIP: string): DnsNetwork {
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
    corednsReady: () =>
      store.list('EndpointSlice', 'kube-system').some((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === 'kube-dns' && (s.endpoints ?? []).some((e) => e.conditions?.ready !== false)),
    dockerDnsIP: `${a}.${b}.0.1`,
    dockerHosts: new Map(config.nodes.map((n) => [n.name, n.ip])),
  };
}
