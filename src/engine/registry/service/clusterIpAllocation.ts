/**
 * ClusterIP allocation steps of the service REST storage (`allocClusterIPs`, `updateClusterIPs`,
 * `releaseClusterIPs` in `pkg/registry/core/service/storage/alloc.go`), for a single-stack IPv4 cluster.
 * Errors are returned the way the apiserver reports them (`allocIPs` in the same file, `ipallocator/interfaces.go`):
 * - a requested IP that cannot be had: 422 `spec.clusterIPs: Invalid value: []string{...}: failed to allocate IP <ip>: <why>`;
 * - an exhausted range: 500 `Internal error occurred: failed to allocate a serviceIP: range is full`.
 */
import type { Prng } from '../../../shared/prng';
import { field } from '../../api/fieldErrors';
import { type ApiStatus, internalError, invalid } from '../../api/status';
import type { Service } from '../../api/types';
import type { ClusterIpAllocator } from './clusterIpAllocator';
import type { RangeOperation } from './rangeOperation';
import { clusterIPsHeld } from './serviceAllocators';
import { isHeadlessService, serviceType } from './serviceType';

/**
 * Allocates the Service's cluster IP (the requested one, or a dynamic one) into `op`, and writes `clusterIP`
 * and `clusterIPs`. ExternalName and headless Services get nothing.
 */
export function allocClusterIPs(svc: Service, ips: ClusterIpAllocator, op: RangeOperation<string>, rand: Prng): ApiStatus | undefined {
  const spec = svc.spec ?? {};
  if (serviceType(svc) === 'ExternalName') return undefined;
  if (spec.clusterIPs?.length && spec.clusterIPs[0] === 'None') return undefined;
  const families = spec.ipFamilies?.length ? spec.ipFamilies : ['IPv4'];
  const clusterIPs = [...(spec.clusterIPs ?? [])];
  while (clusterIPs.length < families.length) clusterIPs.push('');
  spec.clusterIPs = clusterIPs;
  // one family on this cluster: the first
  const requested = clusterIPs[0];
  let ip: string;
  if (requested === '') {
    const next = ips.allocateNext(rand);
    if (!next.ok) return internalError(`failed to allocate a serviceIP: ${next.error}`);
    op.track(next.ip);
    ip = next.ip;
  } else {
    const err = op.allocate(requested);
    if (err) {
      return invalid('Service', svc.metadata?.name ?? '', [field.invalid('spec.clusterIPs', [...clusterIPs], `failed to allocate IP ${requested}: ${err}`)]);
    }
    ip = requested;
  }
  clusterIPs[0] = ip;
  spec.clusterIP = ip;
  return undefined;
}

/**
 * The ClusterIP part of an update: ExternalName → other type allocates, other type → ExternalName releases the
 * old IPs on commit; anything else keeps what the Service holds (the IP is immutable).
 */
export function updateClusterIPs(svc: Service, old: Service, ips: ClusterIpAllocator, op: RangeOperation<string>, rand: Prng): ApiStatus | undefined {
  const oldType = serviceType(old);
  const newType = serviceType(svc);
  if (oldType === 'ExternalName' && newType !== 'ExternalName') return allocClusterIPs(svc, ips, op, rand);
  if (isHeadlessService(old)) return undefined;
  if (oldType !== 'ExternalName' && newType === 'ExternalName') {
    for (const ip of clusterIPsHeld(old)) op.releaseDeferred(ip);
  }
  return undefined;
}
