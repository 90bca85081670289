/**
 * Building the `subsets` of a core/v1 Endpoints object (`pkg/controller/endpoint/endpoints_controller.go`,
 * `pkg/api/v1/endpoints/util.go` `RepackSubsets`).
 *
 * Each pod × Service port starts as a one-address subset; repacking groups the addresses by identical port
 * sets, sorts each address list by IP (byte-wise) then targetRef UID. Kubernetes orders ports and subsets by
 * a hash of their Go dump, which is arbitrary but stable; here ports keep the Service's port order and
 * subsets the order in which their first address was seen (pods in name order) — equally stable, not the
 * same bytes.
 */
import type { EndpointAddress, EndpointPort, EndpointSubset, Pod, Service, ServicePort } from '../../api/types';
import { byteCompare } from '../../store/objectStore';
import { podIPsOfFamily, servicePortProtocol, servicePrimaryFamily, shouldSetHostname } from '../endpointslice/podEndpoint';

/** One pod's address for one Service port (no port for a headless Service without ports). */
export interface AddressEntry {
  address: EndpointAddress;
  ready: boolean;
  port?: EndpointPort;
}

/**
 * The addresses and ports of one cluster's Endpoints, remembered per stored object. Stored objects are
 * immutable, so an unchanged pod gives the very same address object again: the Endpoints written with it
 * compare and validate cheaply, and nothing is rebuilt for the pods that did not change.
 */
export class EndpointSubsetCache {
  /** The last address built per pod object, with the Service object it was built for. */
  private readonly addresses = new WeakMap<Pod, { svc: Service; address: EndpointAddress | undefined }>();
  /** Ports built per Service port object and resolved number. */
  private readonly ports = new WeakMap<ServicePort, Map<number, EndpointPort>>();
  private readonly addressKeys = new WeakMap<EndpointAddress, string>();
  private readonly portKeys = new WeakMap<EndpointPort, string>();

  /**
   * `podToEndpointAddressForService`: the pod IP of the Service's primary family, or undefined if it has
   * none. The result may be shared: never change it.
   */
  endpointAddressFor(svc: Service, pod: Pod): EndpointAddress | undefined {
    const hit = this.addresses.get(pod);
    if (hit?.svc === svc) return hit.address;
    const address = buildAddress(svc, pod);
    this.addresses.set(pod, { svc, address });
    return address;
  }

  /** `endpointPortFromServicePort` with the pod's resolved port number. The result may be shared: never change it. */
  endpointPortFor(sp: ServicePort, port: number): EndpointPort {
    let byNumber = this.ports.get(sp);
    if (!byNumber) {
      byNumber = new Map();
      this.ports.set(sp, byNumber);
    }
    let out = byNumber.get(port);
    if (!out) {
      out = buildPort(sp, port);
      byNumber.set(port, out);
    }
    return out;
  }

  addressKey(a: EndpointAddress): string {
    let k = this.addressKeys.get(a);
    if (k === undefined) {
      k = `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;
      this.addressKeys.set(a, k);
    }
    return k;
  }

  portKey(p: EndpointPort | undefined): string {
    if (!p) return '\u0000sentinel';
    let k = this.portKeys.get(p);
    if (k === undefined) {
      k = `${p.name ?? ''}\u0000${p.port}\u0000${p.protocol ?? ''}\u0000${p.appProtocol ?? ''}`;
      this.portKeys.set(p, k);
    }
    return k;
  }
}

function buildAddress(svc: Service, pod: Pod): EndpointAddress | undefined {
  const ip = podIPsOfFamily(pod, servicePrimaryFamily(svc, pod))[0];
  if (!ip) return undefined;
  const address: EndpointAddress = { ip };
  if (shouldSetHostname(pod, svc)) address.hostname = pod.spec?.hostname;
  address.nodeName = pod.spec?.nodeName ?? '';
  address.targetRef = { kind: 'Pod', namespace: pod.metadata?.namespace ?? 'default', name: pod.metadata?.name, uid: pod.metadata?.uid };
  return address;
}

function buildPort(sp: ServicePort, port: number): EndpointPort {
  // field order as in the Go struct; `name` is omitempty
  const out: EndpointPort = sp.name ? { name: sp.name, port } : { port };
  out.protocol = servicePortProtocol(sp);
  if (sp.appProtocol) out.appProtocol = sp.appProtocol;
  return out;
}

/** `LessEndpointAddress`: by IP bytes, then by targetRef UID (an address without one first). */
function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  const c = byteCompare(a.ip, b.ip);
  if (c !== 0) return c;
  if (!b.targetRef) return a.targetRef ? 1 : 0;
  if (!a.targetRef) return -1;
  return byteCompare(a.targetRef.uid ?? '', b.targetRef.uid ?? '');
}

/** `RepackSubsets`: the N-to-M association of addresses and ports the API wants. */
export function repackSubsets(entries: readonly AddressEntry[], keys: EndpointSubsetCache = new EndpointSubsetCache()): EndpointSubset[] {
  const allAddrs = new Map<string, EndpointAddress>();
  const byPort = new Map<string, { port?: EndpointPort; addrs: Map<string, boolean> }>();
  for (const e of entries) {
    const ak = keys.addressKey(e.address);
    if (!allAddrs.has(ak)) allAddrs.set(ak, e.address);
    const pk = keys.portKey(e.port);
    let slot = byPort.get(pk);
    if (!slot) {
      slot = { port: e.port, addrs: new Map() };
      byPort.set(pk, slot);
    }
    // not ready always trumps ready
    const was = slot.addrs.get(ak);
    if (was === undefined || was) slot.addrs.set(ak, e.ready);
  }
  const groups = new Map<string, { addrs: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const slot of byPort.values()) {
    // with a single port there is nothing to group (the common case, and the costly one to hash)
    const hash = byPort.size === 1 ? '' : [...slot.addrs.entries()]
      .map(([k, r]) => `${k}\u0000${r}`)
      .sort(byteCompare)
      .join('\u0001');
    let g = groups.get(hash);
    if (!g) {
      g = { addrs: slot.addrs, ports: [] };
      groups.set(hash, g);
    }
    if (slot.port) g.ports.push(slot.port);
  }
  const out: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [k, r] of g.addrs) (r ? ready : notReady).push(allAddrs.get(k) as EndpointAddress);
    ready.sort(compareAddresses);
    notReady.sort(compareAddresses);
    const subset: EndpointSubset = {};
    if (ready.length) subset.addresses = ready;
    if (notReady.length) subset.notReadyAddresses = notReady;
    if (g.ports.length) subset.ports = g.ports;
    out.push(subset);
  }
  return out;
}

/** Ready plus not-ready addresses over all subsets. */
export function countAddresses(subsets: readonly EndpointSubset[]): number {
  let n = 0;
  for (const s of subsets) n += (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0);
  return n;
}

/**
 * `truncateEndpoints`: keeps at most `max` addresses, ready ones first, each subset cut to its share of the
 * total (rounded up, the last ones taking what is left). Returns undefined when nothing needs cutting.
 */
export function truncateEndpoints(subsets: readonly EndpointSubset[], max: number): EndpointSubset[] | undefined {
  let totalReady = 0;
  let totalNotReady = 0;
  for (const s of subsets) {
    totalReady += s.addresses?.length ?? 0;
    totalNotReady += s.notReadyAddresses?.length ?? 0;
  }
  if (totalReady + totalNotReady <= max) return undefined;
  const truncateReady = totalReady > max;
  const budget = truncateReady ? max : max - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = budget;
  return subsets.map((s) => {
    const inSubset = truncateReady ? (s.addresses?.length ?? 0) : (s.notReadyAddresses?.length ?? 0);
    const toBeAdded = Math.min(Math.ceil((inSubset / numTotal) * budget), canBeAdded);
    const out: EndpointSubset = { ...s };
    if (truncateReady) {
      out.addresses = (s.addresses ?? []).slice(0, toBeAdded);
      delete out.notReadyAddresses; // all not-ready addresses go when even the ready ones do not fit
      canBeAdded -= out.addresses.length;
      if (!out.addresses.length) delete out.addresses;
    } else {
      const kept = (s.notReadyAddresses ?? []).slice(0, toBeAdded);
      canBeAdded -= kept.length;
      if (kept.length) out.notReadyAddresses = kept;
      else delete out.notReadyAddresses;
    }
    return out;
  });
}
