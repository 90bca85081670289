/**
 * Registry strategy for Services (`pkg/registry/core/service/strategy.go` and the REST storage in
 * `storage/storage.go`): status cleared on create, cluster IPs normalised, allocated values carried over on
 * update, IP families filled in; the allocation itself is `service/serviceAllocation.ts`.
 */
import type { Strategy } from '../apiserver/strategy';
import { defaultService } from '../api/defaults/service';
import { clusterIPFamilies, initIPFamilyFields } from '../api/defaults/serviceIPFamilies';
import { carryIPFamilyPolicy, dropLoadBalancerStatus, dropTypeDependentFields, normalizeClusterIPs, patchAllocatedValues } from '../api/defaults/serviceUpdate';
import type { ServiceSpec } from '../api/types';
import { validateService, validateServiceUpdate } from '../api/validation/service';
import { allocateServiceOnCreate, allocateServiceOnUpdate, releaseService } from './service/serviceAllocation';
import { uniqueErrors } from '../api/validation/errorList';

type Writable = { spec?: ServiceSpec; status?: unknown };

/** Admission (defaults, validation, strategy hooks) for Service objects. */
export const serviceStrategy: Strategy<'Service'> = {
  kind: 'Service',
  hasStatus: true,
  tracksGeneration: false,
  prepareForCreate(svc) {
    const s = svc as Writable;
    s.status = { loadBalancer: {} };
    s.spec ??= {};
    normalizeClusterIPs(s.spec);
  },
  applyDefaults(svc, ctx) {
    defaultService(svc);
    initIPFamilyFields((svc as Writable).spec ?? {}, clusterIPFamilies(ctx.config.serviceCIDR));
  },
  validate: (svc, ctx) => uniqueErrors(validateService(svc, ctx.config.serviceCIDR)),
  // storage.go beginUpdate + strategy PrepareForUpdate: what a resubmitted manifest leaves out is kept
  prepareForUpdate(svc, old) {
    const s = svc as Writable;
    s.spec ??= {};
    const spec = s.spec;
    const oldSpec = old.spec ?? {};
    patchAllocatedValues(spec, oldSpec);
    normalizeClusterIPs(spec, oldSpec);
    dropTypeDependentFields(spec, oldSpec);
    dropLoadBalancerStatus(svc);
    carryIPFamilyPolicy(spec, oldSpec);
  },
  validateUpdate: (svc, old, ctx) => uniqueErrors(validateServiceUpdate(svc, old, ctx.config.serviceCIDR)),
  allocateOnCreate: allocateServiceOnCreate,
  allocateOnUpdate: allocateServiceOnUpdate,
  release: releaseService,
};
