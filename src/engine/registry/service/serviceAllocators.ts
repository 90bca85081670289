/**
 * The per-cluster allocator state. The apiserver keeps its ranges in memory (and in etcd); here they live in
 * the apiserver's admission caches, built lazily from the stored Services the first time a request
 * needs them, then kept up to date by every allocation and release. Each allocation is O(1) on average (a Set
 * of held values), never a scan of the Services.
 */
import type { AdmissionContext } from '../../apiserver/strategy';
import type { Service } from '../../api/types';
import { ClusterIpAllocator } from './clusterIpAllocator';
import { NodePortAllocator } from './nodePortAllocator';
import { isHeadlessService, needsClusterIP, needsHealthCheck, serviceNodePorts } from './serviceType';

export interface ServiceAllocators {
  ips: ClusterIpAllocator;
  ports: NodePortAllocator;
}

export interface ServiceAllocatorsEntry {
  /** The configuration the ranges were built from; a different one rebuilds them. */
  signature: string;
  allocators: ServiceAllocators;
}

/** The ClusterIP and NodePort ranges of the cluster that owns `ctx.store`. */
export function serviceAllocators(ctx: Pick<AdmissionContext, 'store' | 'config' | 'caches'>): ServiceAllocators {
  const signature = `${ctx.config.serviceCIDR}|${ctx.config.nodePortRange}`;
  const entry = ctx.caches.serviceAllocators;
  if (entry && entry.signature === signature) return entry.allocators;
  const allocators = { ips: new ClusterIpAllocator(ctx.config.serviceCIDR), ports: new NodePortAllocator(ctx.config.nodePortRange) };
  // The apiserver's repair loops do the same on start-up: whatever the stored Services hold is taken.
  for (const svc of ctx.store.list('Service')) {
    for (const ip of clusterIPsHeld(svc)) allocators.ips.allocate(ip);
    for (const port of nodePortsHeld(svc)) allocators.ports.allocate(port);
  }
  ctx.caches.serviceAllocators = { signature, allocators };
  return allocators;
}

/** The cluster IPs a stored Service holds (none for ExternalName and headless Services). */
export function clusterIPsHeld(svc: Service): string[] {
  if (!needsClusterIP(svc) || isHeadlessService(svc)) return [];
  const ips = svc.spec?.clusterIPs?.length ? svc.spec.clusterIPs : svc.spec?.clusterIP ? [svc.spec.clusterIP] : [];
  return ips.filter((ip) => ip && ip !== 'None');
}

/** The node ports a stored Service holds: its ports' nodePorts plus the healthCheckNodePort when it needs one. */
export function nodePortsHeld(svc: Service): number[] {
  const ports = serviceNodePorts(svc);
  const hc = svc.spec?.healthCheckNodePort;
  if (needsHealthCheck(svc) && hc) ports.push(hc);
  return ports;
}
