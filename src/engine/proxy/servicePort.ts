/**
 * What kube-proxy knows of one Service port and its endpoints, the shape every proxier renders from
 * (kubernetes/kubernetes pkg/proxy/serviceport.go `ServicePort`, pkg/proxy/endpoint.go `Endpoint`).
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';

export interface ServicePortInfo {
  /** `ServicePortName.String()`: `ns/name:port`, or `ns/name` when the port has no name. */
  name: string;
  namespace: string;
  service: string;
  /** The port's name ('' when unnamed). */
  portName: string;
  /** `TCP`, `UDP` or `SCTP`. */
  protocol: string;
  clusterIP: string;
  port: number;
  /** 0 when the Service has no NodePort. */
  nodePort: number;
  externalIPs: string[];
  loadBalancerIPs: string[];
  loadBalancerSourceRanges: string[];
  /** Seconds of ClientIP affinity; 0 when `sessionAffinity: None`. */
  affinitySeconds: number;
  externalPolicyLocal: boolean;
  internalPolicyLocal: boolean;
  healthCheckNodePort: number;
}

export interface EndpointInfo {
  ip: string;
  port: number;
  /** `IP:port`, as kube-proxy names an endpoint in comments and chain hashes. */
  endpoint: string;
  nodeName: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** `ns/name` or `ns/name:port` (pkg/proxy/types.go `ServicePortName.String`). */
export function servicePortName(namespace: string, name: string, portName: string): string {
  return portName ? `${namespace}/${name}:${portName}` : `${namespace}/${name}`;
}

/**
 * The ports kube-proxy programs for a Service. Headless Services and ExternalName Services get none
 * (pkg/proxy/servicechangetracker.go `serviceToServiceMap` skips them).
 */
export function servicePorts(svc: Service): ServicePortInfo[] {
  const spec = svc.spec ?? {};
  const clusterIP = spec.clusterIP ?? '';
  if (spec.type === 'ExternalName' || clusterIP === '' || clusterIP === 'None') return [];
  const namespace = svc.metadata?.namespace ?? 'default';
  const service = svc.metadata?.name ?? '';
  const lbIPs = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? '').filter((ip) => ip !== '');
  const affinity = spec.sessionAffinity === 'ClientIP' ? (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800) : 0;
  const external = spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.externalIPs?.length ?? 0) > 0;
  return (spec.ports ?? []).map((p) => ({
    name: servicePortName(namespace, service, p.name ?? ''),
    namespace,
    service,
    portName: p.name ?? '',
    protocol: p.protocol ?? 'TCP',
    clusterIP,
    port: p.port,
    nodePort: p.nodePort ?? 0,
    externalIPs: spec.externalIPs ?? [],
    loadBalancerIPs: spec.type === 'LoadBalancer' ? lbIPs : [],
    loadBalancerSourceRanges: (spec.loadBalancerSourceRanges ?? []).map((r) => r.trim()),
    affinitySeconds: affinity,
    externalPolicyLocal: external && spec.externalTrafficPolicy === 'Local',
    internalPolicyLocal: spec.internalTrafficPolicy === 'Local',
    // only LoadBalancer Services with Local policy keep a health check port (pkg/proxy/serviceport.go)
    healthCheckNodePort: spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local' ? (spec.healthCheckNodePort ?? 0) : 0,
  }));
}

/**
 * The endpoints of one Service port across the Service's EndpointSlices, matched by port name, deduplicated by
 * `IP:port` and sorted the way kube-proxy sorts them (pkg/proxy/endpointslicecache.go: by IP string).
 */
export function endpointsForPort(slices: Iterable<EndpointSlice>, portName: string): EndpointInfo[] {
  const all: EndpointInfo[] = [];
  for (const slice of slices) {
    if (slice.addressType !== undefined && slice.addressType !== 'IPv4') continue;
    const port = (slice.ports ?? []).find((p) => (p.name ?? '') === portName);
    if (!port || port.port === undefined || port.port === null) continue;
    for (const ep of slice.endpoints ?? []) {
      const ip = ep.addresses?.[0];
      if (!ip) continue;
      // endpointState's defaults read inline: one object per endpoint, not two (a full sync reads 10,000)
      const c = ep.conditions;
      all.push({ ip, port: port.port, endpoint: `${ip}:${port.port}`, nodeName: ep.nodeName ?? '', ready: c?.ready ?? true, serving: c?.serving ?? true, terminating: c?.terminating ?? false });
    }
  }
  // sorted, then the first of each `IP:port` kept: the sort is stable, so that is the first one the slices list
  all.sort(byEndpoint);
  let kept = 0;
  for (let i = 0; i < all.length; i++) if (kept === 0 || all[i].endpoint !== all[kept - 1].endpoint) all[kept++] = all[i];
  all.length = kept;
  return all;
}

/** Whether the Service is reachable from outside (NodePort, LoadBalancer or external IPs). */
export function externallyAccessible(info: ServicePortInfo): boolean {
  return info.nodePort > 0 || info.externalIPs.length > 0 || info.loadBalancerIPs.length > 0;
}

/** pkg/proxy/serviceport.go `UsesClusterEndpoints` / `UsesLocalEndpoints`. */
export function usesClusterEndpoints(info: ServicePortInfo): boolean {
  return !info.internalPolicyLocal || (externallyAccessible(info) && !info.externalPolicyLocal);
}
export function usesLocalEndpoints(info: ServicePortInfo): boolean {
  return info.internalPolicyLocal || (externallyAccessible(info) && info.externalPolicyLocal);
}

/** The endpoints a node sends traffic to, split as pkg/proxy/topology.go `CategorizeEndpoints` splits them. */
export interface CategorizedEndpoints {
  /** Ready endpoints anywhere, or serving-terminating ones when none is Ready (empty when only Local is used). */
  cluster: EndpointInfo[];
  /** The same choice among this node's endpoints, for Local traffic policies. */
  local: EndpointInfo[];
  /** Every endpoint either list uses: the ones that get a KUBE-SEP chain. */
  reachable: EndpointInfo[];
  /** Whether any usable endpoint exists anywhere (otherwise connections are rejected). */
  hasEndpoints: boolean;
}

function byEndpoint(a: EndpointInfo, b: EndpointInfo): number {
  return a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0;
}

/** Splits a Service port's endpoints for `nodeName` (topology hints are not simulated). */
export function categorizeEndpoints(info: ServicePortInfo, eps: readonly EndpointInfo[], nodeName: string): CategorizedEndpoints {
  let cluster: EndpointInfo[] = [];
  let hasEndpoints = false;
  if (usesClusterEndpoints(info)) {
    cluster = eps.filter((e) => e.ready);
    if (cluster.length === 0) cluster = eps.filter((e) => e.serving && e.terminating);
    hasEndpoints = cluster.length > 0;
  }
  if (!usesLocalEndpoints(info)) return { cluster, local: [], reachable: cluster, hasEndpoints };
  if (eps.some((e) => e.ready || (e.serving && e.terminating))) hasEndpoints = true;
  const mine = eps.filter((e) => e.nodeName === nodeName);
  let local = mine.filter((e) => e.ready);
  if (local.length === 0) local = mine.filter((e) => e.serving && e.terminating);
  if (!usesClusterEndpoints(info)) return { cluster, local, reachable: local, hasEndpoints };
  const all = new Map<string, EndpointInfo>();
  for (const e of [...cluster, ...local]) all.set(e.endpoint, e);
  return { cluster, local, reachable: [...all.values()].sort(byEndpoint), hasEndpoints };
}
