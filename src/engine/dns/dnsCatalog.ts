/**
 * What the CoreDNS kubernetes plugin reads from the API: Services, their ready endpoints (from EndpointSlices,
 * as CoreDNS ≥ 1.8 watches them) and which namespaces exist. Read straight from the cluster's store on each
 * query, so an answer always reflects the objects at that instant.
 */
import type { EndpointSlice, Service } from '../api/types';
import type { ObjectStore } from '../store/objectStore';

export interface DnsEndpointPort {
  name: string;
  port: number;
  protocol: string;
}

/** One ready endpoint address of a Service. */
export interface DnsEndpoint {
  ip: string;
  /** `spec.hostname` of the pod when its `subdomain` names the Service. */
  hostname?: string;
  ports: DnsEndpointPort[];
}

export interface DnsCatalog {
  namespaceExists(namespace: string): boolean;
  service(namespace: string, name: string): Service | undefined;
  /** All Services, in stable (namespace, name) order. */
  services(): Service[];
  /** Ready endpoints of a Service, deduplicated by address. */
  readyEndpoints(namespace: string, service: string): DnsEndpoint[];
}

const serviceNameLabel = 'kubernetes.io/service-name';

function endpointsFromSlices(slices: readonly EndpointSlice[]): DnsEndpoint[] {
  const byIp = new Map<string, DnsEndpoint>();
  for (const s of slices) {
    if (s.addressType !== 'IPv4') continue;
    const ports = (s.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port ?? 0, protocol: p.protocol ?? 'TCP' }));
    for (const e of s.endpoints ?? []) {
      // CoreDNS (plugin/kubernetes/object/endpoint.go) keeps an address unless its Ready condition is false
      if (e.conditions?.ready === false) continue;
      for (const ip of e.addresses ?? []) {
        const seen = byIp.get(ip);
        if (seen) {
          for (const p of ports) if (!seen.ports.some((q) => q.name === p.name && q.port === p.port && q.protocol === p.protocol)) seen.ports.push(p);
          continue;
        }
        byIp.set(ip, { ip, hostname: e.hostname || undefined, ports: [...ports] });
      }
    }
  }
  return [...byIp.values()];
}

/** The catalog of one cluster's store. */
export function storeDnsCatalog(store: ObjectStore): DnsCatalog {
  return {
    namespaceExists: (ns) => store.get('Namespace', ns) !== undefined,
    service: (ns, name) => store.get('Service', `${ns}/${name}`),
    services: () => store.list('Service'),
    readyEndpoints(ns, service) {
      const slices = store.list('EndpointSlice', ns).filter((s) => s.metadata?.labels?.[serviceNameLabel] === service);
      return endpointsFromSlices(slices);
    },
  };
}
