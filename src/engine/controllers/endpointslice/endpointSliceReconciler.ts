/**
 * The EndpointSlice reconciler (`k8s.io/endpointslice` v0.34.0 `reconciler.go`): compares the endpoints the
 * selected pods call for with those already in the Service's slices, and plans the fewest writes.
 *
 * Per address type and per distinct port list: existing slices keep the endpoints still wanted (updated in
 * place when their conditions changed) and drop the rest; slices that changed are topped up first (fullest
 * first); leftovers go into the unchanged slice that would end up closest to full, else into new slices of at
 * most `maxEndpointsPerSlice`. A selector Service with no endpoints keeps one empty placeholder slice. Creates
 * are turned into updates of slices that would otherwise be deleted. Go iterates maps in random order where
 * this file uses insertion order (pods by name, slices by name), so choices are deterministic.
 */
import type { EndpointSlice, Node, OwnerReference, Pod, Service, SliceEndpoint, SlicePort } from '../../api/types';
import { deepEqual } from '../../shared';
import { shouldPodBeInEndpoints } from './podEndpoint';
import {
  addressTypesForService,
  endpointPortsFor,
  endpointsEqualBeyondIdentity,
  endpointSliceLabels,
  hasNamedTargetPort,
  ownedBy,
  type SliceEndpointCache,
  portMapKey,
} from './sliceEndpoints';

/** A slice being planned: new (no name), or a stored one (`base`) with new content. */
export interface SliceDraft {
  name?: string;
  base?: EndpointSlice;
  labels: Record<string, string>;
  addressType: string;
  ports: SlicePort[];
  endpoints: SliceEndpoint[];
}

export interface SlicePlan {
  create: SliceDraft[];
  update: SliceDraft[];
  delete: EndpointSlice[];
  /** Problems that did not stop the plan (a pod on a missing node); the sync reports them and retries. */
  errors: string[];
}

export interface ReconcileInput {
  svc: Service;
  pods: readonly Pod[];
  /** The Service's slices managed by this controller, not being deleted. */
  existing: readonly EndpointSlice[];
  getNode(name: string): Node | undefined;
  maxEndpointsPerSlice: number;
  controllerName: string;
  /** The cluster's endpoint objects, remembered per stored pod. */
  endpoints: SliceEndpointCache;
}

/** `metav1.NewControllerRef(service)`. */
export function serviceControllerRef(svc: Service): OwnerReference {
  return { apiVersion: 'v1', kind: 'Service', name: svc.metadata?.name ?? '', uid: svc.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true };
}

function newSlice(svc: Service, ports: SlicePort[], addressType: string, controllerName: string): SliceDraft {
  return { labels: endpointSliceLabels(undefined, svc, controllerName).labels, addressType, ports, endpoints: [] };
}

/** Plans the writes that bring the Service's slices in line with its pods. */
export function planEndpointSlices(input: ReconcileInput): SlicePlan {
  const plan: SlicePlan = { create: [], update: [], delete: [], errors: [] };
  const types = addressTypesForService(input.svc);
  const byType = new Map<string, EndpointSlice[]>();
  for (const slice of input.existing) {
    // a slice of an address type the Service no longer has goes
    if (!types.includes(slice.addressType)) plan.delete.push(slice);
    else byType.set(slice.addressType, [...(byType.get(slice.addressType) ?? []), slice]);
  }
  for (const t of types) {
    const p = reconcileByAddressType(input, byType.get(t) ?? [], t);
    plan.create.push(...p.create);
    plan.update.push(...p.update);
    plan.delete.push(...p.delete);
    plan.errors.push(...p.errors);
  }
  return plan;
}

function reconcileByAddressType(input: ReconcileInput, existing: readonly EndpointSlice[], addressType: string): SlicePlan {
  const { svc } = input;
  const errors: string[] = [];
  let toCreate: SliceDraft[] = [];
  let toUpdate: SliceDraft[] = [];
  let toDelete: EndpointSlice[] = [];

  const existingByPorts = new Map<string, EndpointSlice[]>();
  for (const slice of existing) {
    if (!ownedBy(slice, svc)) {
      toDelete.push(slice);
      continue;
    }
    const k = portMapKey(slice.ports);
    existingByPorts.set(k, [...(existingByPorts.get(k) ?? []), slice]);
  }

  const desiredPorts = new Map<string, SlicePort[]>();
  const desiredByPorts = new Map<string, Map<string, SliceEndpoint>>();
  const ns = svc.metadata?.namespace ?? 'default';
  // numeric target ports resolve the same for every pod: compute them once
  const samePorts = hasNamedTargetPort(svc) ? undefined : endpointPortsFor(svc, undefined);
  const samePortsKey = samePorts && portMapKey(samePorts);
  for (const pod of input.pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = samePorts ?? endpointPortsFor(svc, pod);
    const k = samePortsKey ?? portMapKey(ports);
    if (!desiredByPorts.has(k)) {
      desiredByPorts.set(k, new Map());
      desiredPorts.set(k, ports);
    }
    const nodeName = pod.spec?.nodeName ?? '';
    const node = input.getNode(nodeName);
    if (!node && !svc.spec?.publishNotReadyAddresses) {
      errors.push(`skipping Pod ${pod.metadata?.name} for Service ${ns}/${svc.metadata?.name}: Node ${nodeName} Not Found`);
      continue;
    }
    const ep = input.endpoints.podToEndpoint(pod, node, svc, addressType);
    if (ep.addresses.length > 0) desiredByPorts.get(k)?.set(input.endpoints.endpointIdentity(ep), ep);
  }

  for (const [k, desired] of desiredByPorts) {
    const p = reconcileByPortMapping(input, existingByPorts.get(k) ?? [], desired, desiredPorts.get(k) ?? [], addressType);
    toCreate.push(...p.create);
    toUpdate.push(...p.update);
    toDelete.push(...p.delete);
  }
  for (const [k, slices] of existingByPorts) if (!desiredByPorts.has(k)) toDelete.push(...slices);

  // a selector Service with nothing to publish keeps one empty placeholder slice
  if (existing.length === toDelete.length && toCreate.length < 1) {
    const placeholder = newSlice(svc, [], addressType, input.controllerName);
    if (toDelete.length === 1 && isPlaceholderFor(toDelete[0], placeholder, svc)) toDelete = [];
    else toCreate.push(placeholder);
  }

  // turn creates into updates of slices that would otherwise be deleted (same type, owned by this Service)
  for (let i = 0; i < toDelete.length; ) {
    if (toCreate.length === 0) break;
    const victim = toDelete[i];
    const draft = toCreate[toCreate.length - 1];
    if (victim.addressType === draft.addressType && ownedBy(victim, svc)) {
      draft.name = victim.metadata?.name;
      toCreate = toCreate.slice(0, -1);
      toUpdate = [...toUpdate, draft];
      toDelete = [...toDelete.slice(0, i), ...toDelete.slice(i + 1)];
    } else {
      i++;
    }
  }
  return { create: toCreate, update: toUpdate, delete: toDelete, errors };
}

/** `placeholderSliceCompare`: namespace, labels, owner references and content match an empty placeholder. */
function isPlaceholderFor(slice: EndpointSlice, placeholder: SliceDraft, svc: Service): boolean {
  return (
    (slice.metadata?.namespace ?? 'default') === (svc.metadata?.namespace ?? 'default') &&
    deepEqual(slice.metadata?.labels ?? {}, placeholder.labels) &&
    deepEqual(slice.metadata?.ownerReferences ?? [], [serviceControllerRef(svc)]) &&
    slice.addressType === placeholder.addressType &&
    (slice.ports ?? []).length === 0 &&
    (slice.endpoints ?? []).length === 0
  );
}

function reconcileByPortMapping(
  input: ReconcileInput,
  existing: readonly EndpointSlice[],
  desired: Map<string, SliceEndpoint>,
  ports: SlicePort[],
  addressType: string,
): { create: SliceDraft[]; update: SliceDraft[]; delete: EndpointSlice[] } {
  const max = input.maxEndpointsPerSlice;
  const drafts = new Map<string, SliceDraft>();
  const unchanged = new Set<string>();
  const toUpdate = new Set<string>();
  const toDelete = new Set<string>();
  const byName = new Map<string, EndpointSlice>();

  // 1. keep the endpoints still wanted (updating changed ones), drop the rest, refresh labels
  for (const slice of existing) {
    const name = slice.metadata?.name ?? '';
    byName.set(name, slice);
    const kept: SliceEndpoint[] = [];
    let endpointUpdated = false;
    for (const ep of slice.endpoints ?? []) {
      const id = input.endpoints.endpointIdentity(ep);
      const want = desired.get(id);
      if (!want) continue;
      kept.push(want);
      if (!endpointsEqualBeyondIdentity(want, ep)) endpointUpdated = true;
      desired.delete(id);
    }
    const { labels, changed } = endpointSliceLabels(slice.metadata?.labels, input.svc, input.controllerName);
    const draft: SliceDraft = { name, base: slice, labels, addressType: slice.addressType, ports: [...(slice.ports ?? [])], endpoints: kept };
    if (endpointUpdated || kept.length !== (slice.endpoints ?? []).length) {
      if (kept.length === 0) toDelete.add(name);
      else {
        drafts.set(name, draft);
        toUpdate.add(name);
      }
    } else if (changed) {
      drafts.set(name, { ...draft, endpoints: [...(slice.endpoints ?? [])] });
      toUpdate.add(name);
    } else {
      drafts.set(name, { ...draft, endpoints: [...(slice.endpoints ?? [])] });
      unchanged.add(name);
    }
  }

  // desired endpoints not yet placed, handed out in pod order (Go pops them from a map at random)
  const pending = [...desired.values()];
  let taken = 0;
  const left = () => pending.length - taken;
  const popAny = () => pending[taken++];

  // 2. top up the slices that change anyway, fullest first
  if (left() > 0 && toUpdate.size > 0) {
    const slices = [...toUpdate].map((n) => drafts.get(n) as SliceDraft).sort((a, b) => b.endpoints.length - a.endpoints.length);
    for (const s of slices) while (left() > 0 && s.endpoints.length < max) s.endpoints.push(popAny());
  }

  // 3. fit what is left into the unchanged slice closest to full, else into new slices
  const toCreate: SliceDraft[] = [];
  while (left() > 0) {
    let fill: SliceDraft | undefined;
    if (left() < max && unchanged.size > 0) fill = sliceToFill([...unchanged].map((n) => drafts.get(n) as SliceDraft), left(), max);
    if (!fill) fill = newSlice(input.svc, ports, addressType, input.controllerName);
    while (left() > 0 && fill.endpoints.length < max) fill.endpoints.push(popAny());
    if (fill.name) {
      toUpdate.add(fill.name);
      unchanged.delete(fill.name);
    } else {
      toCreate.push(fill);
    }
  }
  return {
    create: toCreate,
    update: [...toUpdate].map((n) => drafts.get(n) as SliceDraft),
    delete: [...toDelete].map((n) => byName.get(n) as EndpointSlice),
  };
}

/** `getSliceToFill`: the slice that would be closest to full after taking `n` endpoints, if any fits. */
function sliceToFill(slices: SliceDraft[], n: number, max: number): SliceDraft | undefined {
  let closestDiff = max;
  let closest: SliceDraft | undefined;
  for (const s of slices) {
    const diff = max - (n + s.endpoints.length);
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff;
      closest = s;
      if (diff === 0) return s;
    }
  }
  return closest;
}
