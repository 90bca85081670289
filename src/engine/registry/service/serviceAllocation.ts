/**
 * ClusterIP and NodePort allocation for Services, as the service REST storage does it on create and update
 * (`pkg/registry/core/service/storage/alloc.go`). PLACEHOLDER: allocates nothing yet.
 */
import type { AdmissionContext, Allocation } from '../../apiserver/strategy';
import type { Service } from '../../api/types';

/** Allocates (or reserves the requested) ClusterIPs and NodePorts for a new Service, filling them in. */
export function allocateServiceOnCreate(_svc: Service, _ctx: AdmissionContext): Allocation {
  return { ok: true };
}

/** Allocates what an update newly needs (type change to NodePort, new ports) and releases what it drops. */
export function allocateServiceOnUpdate(_svc: Service, _old: Service, _ctx: AdmissionContext): Allocation {
  return { ok: true };
}

/** Releases a deleted Service's ClusterIPs and NodePorts. */
export function releaseService(_svc: Service, _ctx: AdmissionContext): void {}
