/**
 * What the Service registry does to a request before validating it (`pkg/registry/core/service/strategy.go`
 * `NormalizeClusterIPs`, `dropTypeDependentFields`, `trimFieldsForDualStackDowngrade`, and
 * `storage.go` `patchAllocatedValues`). Together they let `kubectl apply` / `replace` resubmit a manifest
 * without the allocated clusterIP, clusterIPs and nodePorts.
 */
import type { Service, ServiceSpec } from '../types';
import { externallyAccessible } from './service';

type Json = Record<string, unknown>;

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x === (b ?? [])[i]);

/** The type as defaulting will see it (`prepareForUpdate` runs before defaults in the simulation). */
const typeOf = (spec: ServiceSpec) => spec.type || 'ClusterIP';
const needsClusterIP = (spec: ServiceSpec) => typeOf(spec) !== 'ExternalName';
const needsNodePort = (spec: ServiceSpec) => typeOf(spec) === 'NodePort' || typeOf(spec) === 'LoadBalancer';
const needsHCNodePort = (spec: ServiceSpec) => typeOf(spec) === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';

/**
 * `NormalizeClusterIPs`: keeps `clusterIP` and `clusterIPs` in step for clients that only set the singular
 * field. On create, `clusterIP` alone initialises `clusterIPs`.
 */
export function normalizeClusterIPs(spec: ServiceSpec, old?: ServiceSpec): void {
  const s = spec as ServiceSpec & Json;
  if (!old) {
    if (s.clusterIP && !(s.clusterIPs ?? []).length) s.clusterIPs = [s.clusterIP];
    return;
  }
  if ((old.clusterIPs ?? []).length > 0 && !(s.clusterIPs ?? []).length && (old.clusterIP ?? '') === (s.clusterIP ?? '')) {
    s.clusterIPs = [...(old.clusterIPs ?? [])];
  }
  if ((old.clusterIP ?? '') !== (s.clusterIP ?? '')) {
    if (old.clusterIP && !s.clusterIP) {
      if (sameList(old.clusterIPs, s.clusterIPs)) delete s.clusterIPs;
    } else if (sameList(old.clusterIPs, s.clusterIPs)) {
      s.clusterIPs = [s.clusterIP ?? ''];
    }
  }
}

/**
 * `patchAllocatedValues`: values the apiserver allocated (cluster IPs, node ports, health-check node port) are
 * copied from the stored Service when the update leaves them out.
 */
export function patchAllocatedValues(spec: ServiceSpec, old: ServiceSpec): void {
  const s = spec as ServiceSpec & Json;
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!s.clusterIP && old.clusterIP) s.clusterIP = old.clusterIP;
    if (!(s.clusterIPs ?? []).length && (old.clusterIPs ?? []).length) s.clusterIPs = [...(old.clusterIPs ?? [])];
  }
  if (needsNodePort(old) && needsNodePort(spec)) {
    const used = (ports: ServiceSpec['ports']) => new Set((ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n !== 0));
    const newUsed = used(spec.ports);
    const taken = new Set([...used(old.ports)].filter((n) => newUsed.has(n)));
    const byName = new Map((old.ports ?? []).map((p) => [p.name ?? '', p.nodePort ?? 0]));
    for (const p of s.ports ?? []) {
      if (p.nodePort) continue;
      const prev = byName.get(p.name ?? '') ?? 0;
      if (!taken.has(prev) && prev) (p as unknown as Json).nodePort = prev;
    }
  }
  if (needsHCNodePort(old) && needsHCNodePort(spec) && !s.healthCheckNodePort && old.healthCheckNodePort) {
    s.healthCheckNodePort = old.healthCheckNodePort;
  }
}

/**
 * `dropTypeDependentFields`: switching to a type that does not use allocated or type-specific values
 * (cluster IPs, node ports, health-check port, LB node-port allocation and class, external traffic policy)
 * clears them, unless the user also changed them (then validation reports it).
 */
export function dropTypeDependentFields(spec: ServiceSpec, old: ServiceSpec): void {
  const s = spec as ServiceSpec & Json;
  if (needsClusterIP(old) && !needsClusterIP(spec)) {
    if ((old.clusterIP ?? '') === (s.clusterIP ?? '') && sameList(old.clusterIPs, s.clusterIPs)) {
      delete s.clusterIP;
      delete s.clusterIPs;
    }
    if (sameList(old.ipFamilies, s.ipFamilies)) delete s.ipFamilies;
    if ((old.ipFamilyPolicy ?? '') === (s.ipFamilyPolicy ?? '')) delete s.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(spec)) {
    const oldPorts = new Set((old.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n !== 0));
    const added = (s.ports ?? []).some((p) => p.nodePort && !oldPorts.has(p.nodePort));
    if (!added) for (const p of s.ports ?? []) delete (p as unknown as Json).nodePort;
  }
  if (needsHCNodePort(old) && !needsHCNodePort(spec) && (old.healthCheckNodePort ?? 0) === (s.healthCheckNodePort ?? 0)) {
    delete s.healthCheckNodePort;
  }
  if (typeOf(old) === 'LoadBalancer' && typeOf(spec) !== 'LoadBalancer') {
    if (s.allocateLoadBalancerNodePorts !== undefined && s.allocateLoadBalancerNodePorts === old.allocateLoadBalancerNodePorts) {
      delete s.allocateLoadBalancerNodePorts;
    }
    if (s.loadBalancerClass === old.loadBalancerClass) delete s.loadBalancerClass;
  }
  const accessible = (x: ServiceSpec) => externallyAccessible({ ...x, type: typeOf(x) });
  if (accessible(old) && !accessible(spec) && (s.externalTrafficPolicy ?? '') === (old.externalTrafficPolicy ?? '')) {
    delete s.externalTrafficPolicy;
  }
}

/** The last step of `dropTypeDependentFields`: a Service that is no longer a LoadBalancer loses its LB status. */
export function dropLoadBalancerStatus(svc: Service): void {
  if (typeOf(svc.spec ?? {}) !== 'LoadBalancer') (svc as { status?: unknown }).status = { loadBalancer: {} };
}

/**
 * The update-time part of `initIPFamilyFields` and `trimFieldsForDualStackDowngrade`: an update without a
 * policy keeps the stored one; switching a dual-stack Service to SingleStack drops the secondary IP and family.
 */
export function carryIPFamilyPolicy(spec: ServiceSpec, old: ServiceSpec): void {
  const s = spec as ServiceSpec & Json;
  if (!s.ipFamilyPolicy && old.ipFamilyPolicy && needsClusterIP(spec)) s.ipFamilyPolicy = old.ipFamilyPolicy;
  const wasDual = old.ipFamilyPolicy === 'RequireDualStack' || old.ipFamilyPolicy === 'PreferDualStack';
  if (wasDual && s.ipFamilyPolicy === 'SingleStack') {
    if ((s.clusterIPs ?? []).length > 1) s.clusterIPs = (s.clusterIPs ?? []).slice(0, 1);
    if ((s.ipFamilies ?? []).length > 1) s.ipFamilies = (s.ipFamilies ?? []).slice(0, 1);
  }
}
