/**
 * `SetDefaults_Service` (`pkg/apis/core/v1/defaults.go`): session affinity, type, port protocol
 * and target port, traffic policies, load-balancer node port allocation. IP families are not defaulted here;
 * see `serviceIPFamilies.ts`.
 */
import type { Service, ServiceSpec } from '../types';

type Json = Record<string, unknown>;

/** `service.ExternallyAccessible`: NodePort, LoadBalancer, or ClusterIP with external IPs. */
export function externallyAccessible(spec: ServiceSpec | undefined): boolean {
  const type = spec?.type;
  return type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && (spec?.externalIPs ?? []).length > 0);
}

/** `service.NeedsHealthCheck`: a LoadBalancer with `externalTrafficPolicy: Local`. */
export function needsHealthCheck(spec: ServiceSpec | undefined): boolean {
  return spec?.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
}

/** Default ClientIP affinity timeout: three hours. */
export const defaultClientIPTimeoutSeconds = 10800;

/** `SetDefaults_Service`, in place. */
export function defaultService(svc: Service): void {
  svc.spec ??= {};
  const spec = svc.spec as ServiceSpec & Json;
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: defaultClientIPTimeoutSeconds } };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  for (const port of spec.ports ?? []) {
    const p = port as typeof port & Json;
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy === undefined && (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP')) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
  if (spec.type === 'LoadBalancer') {
    const status = svc.status as { loadBalancer?: { ingress?: Json[] } } | undefined;
    for (const ing of status?.loadBalancer?.ingress ?? []) if (ing.ip && ing.ipMode === undefined) ing.ipMode = 'VIP';
  }
}
