/**
 * The service REST storage's fix-ups of the allocated fields before it allocates
 * (`pkg/registry/core/service/storage/storage.go`: `normalizeClusterIPs`, `patchAllocatedValues`, and the
 * allocation-related part of the strategy's `dropTypeDependentFields`). They let a client resubmit the YAML it
 * created a Service from (without clusterIP or nodePorts) and keep the values the apiserver chose.
 */
import type { Service, ServiceSpec } from '../../api/types';
import { needsClusterIP, needsHealthCheck, needsNodePort } from './serviceType';

/**
 * Gives the Service a private, writable spec (ports and IP lists copied), so allocation can fill fields in
 * place even when a strategy copied arrays from the stored, frozen object.
 */
export function writableSpec(svc: Service): ServiceSpec {
  const spec: ServiceSpec = { ...(svc.spec ?? {}) };
  if (spec.ports) spec.ports = spec.ports.map((p) => ({ ...p }));
  if (spec.clusterIPs) spec.clusterIPs = [...spec.clusterIPs];
  if (spec.ipFamilies) spec.ipFamilies = [...spec.ipFamilies];
  (svc as { spec?: ServiceSpec }).spec = spec;
  return spec;
}

function sameClusterIPs(a: Service, b: Service): boolean {
  const x = a.spec?.clusterIPs ?? [];
  const y = b.spec?.clusterIPs ?? [];
  return x.length === y.length && x.every((ip, i) => ip === y[i]);
}

/** Keeps `clusterIP` and `clusterIPs` in step, the way an old client that only knows the singular field expects. */
export function normalizeClusterIPs(svc: Service, old: Service | undefined): void {
  const spec = svc.spec ?? {};
  const ip = spec.clusterIP ?? '';
  if (!old) {
    // create: a singular value initialises the plural one (new clients must set both or neither)
    if (ip && !spec.clusterIPs?.length) spec.clusterIPs = [ip];
    return;
  }
  const oldIp = old.spec?.clusterIP ?? '';
  if ((old.spec?.clusterIPs?.length ?? 0) > 0 && !spec.clusterIPs?.length && oldIp === ip) {
    spec.clusterIPs = [...(old.spec?.clusterIPs ?? [])];
  }
  if (oldIp !== ip) {
    if (oldIp && !ip) {
      if (sameClusterIPs(old, svc)) delete spec.clusterIPs;
    } else if (sameClusterIPs(old, svc)) {
      spec.clusterIPs = [ip];
    }
  }
}

/** Copies what the apiserver allocated before into an update that left it out (`patchAllocatedValues`). */
export function patchAllocatedValues(svc: Service, old: Service): void {
  const spec = svc.spec ?? {};
  const oldSpec = old.spec ?? {};
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (!spec.clusterIPs?.length && oldSpec.clusterIPs?.length) spec.clusterIPs = [...oldSpec.clusterIPs];
  }
  if (needsNodePort(old) && needsNodePort(svc)) {
    const newUsed = new Set((spec.ports ?? []).map((p) => p.nodePort).filter(Boolean));
    const used = new Set((oldSpec.ports ?? []).map((p) => p.nodePort).filter((n) => n && newUsed.has(n)));
    // matched by port name: the user may have changed anything else about the port
    const byName = new Map<string, number | undefined>();
    for (const p of oldSpec.ports ?? []) byName.set(p.name ?? '', p.nodePort);
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const oldVal = byName.get(p.name ?? '');
      if (oldVal && !used.has(oldVal)) p.nodePort = oldVal;
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(svc) && !spec.healthCheckNodePort && oldSpec.healthCheckNodePort) {
    spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
  }
}

/**
 * When the new type no longer needs cluster IPs, node ports or a healthCheckNodePort, and the client left the
 * old values in place, wipes them (`dropTypeDependentFields`); the allocator releases them on commit.
 */
export function dropTypeDependentAllocations(svc: Service, old: Service): void {
  const spec = svc.spec ?? {};
  const oldSpec = old.spec ?? {};
  if (needsClusterIP(old) && !needsClusterIP(svc)) {
    if (sameClusterIPs(old, svc)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    const sameFamilies = JSON.stringify(oldSpec.ipFamilies ?? []) === JSON.stringify(spec.ipFamilies ?? []);
    if (sameFamilies) delete spec.ipFamilies;
    if (oldSpec.ipFamilyPolicy === spec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(svc)) {
    // `sameNodePorts`: ports may be added, removed or edited as long as no net-new nodePort appears
    const oldPorts = new Set((oldSpec.ports ?? []).map((p) => p.nodePort).filter(Boolean));
    const ports = spec.ports ?? [];
    if (ports.every((p) => !p.nodePort || oldPorts.has(p.nodePort))) for (const p of ports) delete p.nodePort;
  }
  if (needsHealthCheck(old) && !needsHealthCheck(svc) && oldSpec.healthCheckNodePort === spec.healthCheckNodePort) {
    delete spec.healthCheckNodePort;
  }
}
