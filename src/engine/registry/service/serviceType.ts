/**
 * What a Service's type and traffic policy imply for allocation, with the API defaults applied when the object
 * has not been defaulted yet (missing type is ClusterIP, missing protocol TCP), so the allocators do not depend
 * on the order in which the registry strategy runs.
 */
import type { Service, ServicePort } from '../../api/types';

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** `spec.type`, `ClusterIP` when unset (`SetDefaults_Service`). */
export function serviceType(svc: Service): string {
  return svc.spec?.type || 'ClusterIP';
}

/** Every type but ExternalName gets cluster IPs (`needsClusterIP` in the service REST storage). */
export function needsClusterIP(svc: Service): boolean {
  return serviceType(svc) !== 'ExternalName';
}

/** NodePort and LoadBalancer Services hold node ports (`needsNodePort`). */
export function needsNodePort(svc: Service): boolean {
  const t = serviceType(svc);
  return t === 'NodePort' || t === 'LoadBalancer';
}

/** `apiservice.NeedsHealthCheck`: a LoadBalancer with `externalTrafficPolicy: Local` gets a healthCheckNodePort. */
export function needsHealthCheck(svc: Service): boolean {
  return serviceType(svc) === 'LoadBalancer' && svc.spec?.externalTrafficPolicy === 'Local';
}

/** NodePorts are allocated for NodePort, and for LoadBalancer unless `allocateLoadBalancerNodePorts: false`. */
export function shouldAllocateNodePorts(svc: Service): boolean {
  const t = serviceType(svc);
  if (t === 'NodePort') return true;
  if (t === 'LoadBalancer') return svc.spec?.allocateLoadBalancerNodePorts !== false;
  return false;
}

/** A headless Service (`clusterIP: None`) holds no cluster IP. */
export function isHeadlessService(svc: Service): boolean {
  const ips = svc.spec?.clusterIPs;
  return ips && ips.length > 0 ? ips[0] === 'None' : svc.spec?.clusterIP === 'None';
}

/** `spec.selector` when it selects something: an empty map is stored as no selector at all. */
export function hasSelector(svc: Service): boolean {
  return Object.keys(svc.spec?.selector ?? {}).length > 0;
}

/** `collectServiceNodePorts`: the non-zero nodePorts, in port order. */
export function serviceNodePorts(svc: Service): number[] {
  const out: number[] = [];
  for (const p of svc.spec?.ports ?? []) if (p.nodePort) out.push(p.nodePort);
  return out;
}

/** The port's protocol, TCP when unset. */
export function portProtocol(p: ServicePort): string {
  return p.protocol || 'TCP';
}

/** The IP family of an address string: `IPv4`, `IPv6`, or `unknown` (alloc.go `familyOf`). */
export function familyOf(ip: string): string {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip) && ip.split('.').every((o) => Number(o) <= 255)) return 'IPv4';
  if (ip.includes(':') && /^[0-9a-fA-F:.]+$/.test(ip)) return 'IPv6';
  return 'unknown';
}
