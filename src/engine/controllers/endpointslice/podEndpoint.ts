/**
 * How a Pod becomes an endpoint, shared by the Endpoints and EndpointSlice controllers
 * (`k8s.io/endpointslice/util/controller_utils.go` and `utils.go` at v0.34.0).
 */
import type { Pod, Service, ServicePort } from '../../api/types';

/** `IsPodReady`: the Pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** The Ready condition's lastTransitionTime, the pod's endpoint "trigger time" (undefined when there is none). */
export function podReadyTransitionTime(pod: Pod): string | undefined {
  return (pod.status?.conditions ?? []).find((c) => c.type === 'Ready')?.lastTransitionTime;
}

/**
 * `ShouldPodBeInEndpoints`: terminal pods (Succeeded/Failed) and pods without an IP never are; terminating
 * pods only when `includeTerminating`.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs ?? []).length) return false;
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false;
  return true;
}

/** `ShouldSetHostname`: the pod has a hostname and its subdomain is this Service, in the same namespace. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return !!pod.spec?.hostname && pod.spec.subdomain === svc.metadata?.name && (svc.metadata?.namespace ?? 'default') === (pod.metadata?.namespace ?? 'default');
}

/** A Service port's protocol, TCP when not defaulted yet. */
export function servicePortProtocol(sp: ServicePort): string {
  return sp.protocol || 'TCP';
}

/**
 * `FindPort`: a numeric targetPort is used as is (missing or 0 means the port itself, as defaulting would
 * set it); a named one is the first container port with that name and protocol, sidecars
 * (`restartPolicy: Always` init containers) included. Undefined when the pod has no such port.
 */
export function findPort(pod: Pod | undefined, sp: ServicePort): number | undefined {
  const target = sp.targetPort;
  if (typeof target === 'number') return target === 0 ? sp.port : target;
  if (target === undefined || target === '') return sp.port;
  if (!pod) return undefined;
  const protocol = servicePortProtocol(sp);
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol || 'TCP') === protocol) return p.containerPort;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol || 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

function isIPv6(ip: string): boolean {
  return ip.includes(':');
}

/** The pod's IPs of one family (`IPv4` or `IPv6`), from `status.podIPs`. */
export function podIPsOfFamily(pod: Pod, family: string): string[] {
  const want6 = family === 'IPv6';
  return (pod.status?.podIPs ?? []).map((p) => p.ip).filter((ip): ip is string => !!ip && isIPv6(ip) === want6);
}

/** `helper.IsServiceIPSet`: a cluster IP that is neither empty nor `None`. */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/** The Service's primary IP family, as the endpoints controller picks the pod IP (IPv4 when unknown). */
export function servicePrimaryFamily(svc: Service, pod: Pod): string {
  const fams = svc.spec?.ipFamilies;
  if (fams?.length) return fams[0];
  if (isServiceIPSet(svc)) return isIPv6(svc.spec?.clusterIP ?? '') ? 'IPv6' : 'IPv4';
  return isIPv6(pod.status?.podIP ?? '') ? 'IPv6' : 'IPv4';
}
