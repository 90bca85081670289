/**
 * The pieces an EndpointSlice is made of (`k8s.io/endpointslice` v0.34.0 `utils.go` and `util/endpointset.go`):
 * one endpoint per pod, the port list a pod resolves the Service's ports to, the slice labels,
 * and the identity used to match desired endpoints against those already in slices.
 */
import type { EndpointSlice, Node, Pod, Service, SliceEndpoint, SlicePort } from '../../api/types';
import { byteCompare } from '../../store/objectStore';
import { findPort, isPodReady, isServiceIPSet, podIPsOfFamily, servicePortProtocol, shouldSetHostname } from './podEndpoint';

export const labelServiceName = 'kubernetes.io/service-name';
export const labelManagedBy = 'endpointslice.kubernetes.io/managed-by';
export const labelHeadless = 'service.kubernetes.io/headless';
const labelTopologyZone = 'topology.kubernetes.io/zone';

/**
 * The endpoints of one cluster's slices, remembered per stored object. Stored objects are immutable, so an
 * unchanged pod gives the very same endpoint object again: slices written with it compare and validate
 * cheaply, and nothing is rebuilt for the pods that did not change.
 */
export class SliceEndpointCache {
  /** The last endpoint built per pod object, with what else it was built from. */
  private readonly endpoints = new WeakMap<Pod, { node: Node | undefined; svc: Service; family: string; ep: SliceEndpoint }>();
  /** Identities per (immutable) endpoint object. */
  private readonly identities = new WeakMap<SliceEndpoint, string>();

  /**
   * `podToEndpoint`: `serving` = Ready, `terminating` = being deleted, `ready` = publishNotReadyAddresses or
   * (serving and not terminating). All three are always set. The result may be shared: never change it.
   */
  podToEndpoint(pod: Pod, node: Node | undefined, svc: Service, family: string): SliceEndpoint {
    const hit = this.endpoints.get(pod);
    if (hit && hit.node === node && hit.svc === svc && hit.family === family) return hit.ep;
    const ep = buildEndpoint(pod, node, svc, family);
    this.endpoints.set(pod, { node, svc, family, ep });
    return ep;
  }

  /**
   * `hashEndpoint`: addresses, hostname and the target pod identify an endpoint; its conditions, node and
   * zone may change in place.
   */
  endpointIdentity(ep: SliceEndpoint): string {
    let id = this.identities.get(ep);
    if (id === undefined) {
      const addrs = ep.addresses.length === 1 ? ep.addresses[0] : [...ep.addresses].sort(byteCompare).join(',');
      id = `${addrs}\u0000${ep.hostname ?? ''}\u0000${ep.targetRef?.namespace ?? ''}\u0000${ep.targetRef?.name ?? ''}`;
      this.identities.set(ep, id);
    }
    return id;
  }
}

function buildEndpoint(pod: Pod, node: Node | undefined, svc: Service, family: string): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata?.deletionTimestamp;
  const ready = svc.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: SliceEndpoint = { addresses: podIPsOfFamily(pod, family), conditions: { ready, serving, terminating } };
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec?.hostname;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata?.namespace ?? 'default', name: pod.metadata?.name, uid: pod.metadata?.uid };
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata?.labels?.[labelTopologyZone];
  if (zone) ep.zone = zone;
  return ep;
}

/** Whether some port of the Service targets a named container port (resolved per pod). */
export function hasNamedTargetPort(svc: Service): boolean {
  return (svc.spec?.ports ?? []).some((p) => typeof p.targetPort === 'string' && p.targetPort !== '');
}

/**
 * `getEndpointPorts`: the Service's ports as this pod resolves them; `name` is always present ("" when
 * unnamed). Without named target ports the pod does not matter.
 */
export function endpointPortsFor(svc: Service, pod: Pod | undefined): SlicePort[] {
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0 && svc.spec?.clusterIP === 'None') return [];
  const out: SlicePort[] = [];
  for (const sp of ports) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const ep: SlicePort = { name: sp.name ?? '', port, protocol: servicePortProtocol(sp) };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

/** `NewPortMapKey`: identifies a port list regardless of its order. */
export function portMapKey(ports: readonly SlicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) => `${p.name ?? ''}\u0000${p.port ?? ''}\u0000${p.protocol ?? ''}\u0000${p.appProtocol ?? ''}`)
    .sort(byteCompare)
    .join('\u0001');
}

/** `EndpointsEqualBeyondHash`: node, zone, conditions and target reference (resourceVersion aside) are equal. */
export function endpointsEqualBeyondIdentity(a: SliceEndpoint, b: SliceEndpoint): boolean {
  if (a === b) return true;
  if (a.nodeName !== b.nodeName || a.zone !== b.zone) return false;
  const ca = a.conditions ?? {};
  const cb = b.conditions ?? {};
  if (ca.ready !== cb.ready || ca.serving !== cb.serving || ca.terminating !== cb.terminating) return false;
  const ra = a.targetRef;
  const rb = b.targetRef;
  if (!ra || !rb) return ra === rb;
  return ra.kind === rb.kind && ra.namespace === rb.namespace && ra.name === rb.name && ra.uid === rb.uid && ra.apiVersion === rb.apiVersion && ra.fieldPath === rb.fieldPath;
}

/**
 * `setEndpointSliceLabels`: the Service's labels without the reserved keys, plus the service-name and
 * managed-by labels and the headless label for a Service without a cluster IP. `changed` reports whether
 * the non-reserved labels differ from the slice's.
 */
export function endpointSliceLabels(current: Readonly<Record<string, string>> | undefined, svc: Service, controllerName: string): { labels: Record<string, string>; changed: boolean } {
  const reserved = (k: string) => k === labelServiceName || k === labelManagedBy || k === labelHeadless;
  const fromSlice: Record<string, string> = {};
  for (const [k, v] of Object.entries(current ?? {})) if (!reserved(k)) fromSlice[k] = v;
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata?.labels ?? {})) if (!reserved(k)) labels[k] = v;
  const keys = Object.keys(labels);
  const changed = keys.length !== Object.keys(fromSlice).length || keys.some((k) => fromSlice[k] !== labels[k]);
  if (!isServiceIPSet(svc)) labels[labelHeadless] = '';
  labels[labelServiceName] = svc.metadata?.name ?? '';
  labels[labelManagedBy] = controllerName;
  return { labels, changed };
}

/** `ownedBy`: the slice's owner references include this Service (by uid). */
export function ownedBy(slice: EndpointSlice, svc: Service): boolean {
  return (slice.metadata?.ownerReferences ?? []).some((o) => o.uid === svc.metadata?.uid && o.kind === 'Service' && o.apiVersion === 'v1');
}

/** `getAddressTypesForService`: from `ipFamilies`, else from the cluster IP, else (headless) both. */
export function addressTypesForService(svc: Service): string[] {
  const out: string[] = [];
  for (const f of svc.spec?.ipFamilies ?? []) if ((f === 'IPv4' || f === 'IPv6') && !out.includes(f)) out.push(f);
  if (out.length) return out;
  if (isServiceIPSet(svc)) return [svc.spec?.clusterIP?.includes(':') ? 'IPv6' : 'IPv4'];
  return ['IPv4', 'IPv6'];
}
