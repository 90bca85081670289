/**
 * ClusterIP and NodePort allocation for Services, as the service REST storage does it on create and update
 * (`pkg/registry/core/service/storage/alloc.go` and `storage.go`'s `beginCreate` / `beginUpdate` /
 * `afterDelete`). All or nothing: when any step fails, everything this request reserved is given back and the
 * error is returned; releases an update implies happen only on commit.
 */
import type { AdmissionContext, Allocation } from '../../apiserver/strategy';
import { invalid } from '../../api/status';
import type { Service } from '../../api/types';
import { dropTypeDependentAllocations, normalizeClusterIPs, patchAllocatedValues, writableSpec } from './allocatedValues';
import { allocClusterIPs, updateClusterIPs } from './clusterIpAllocation';
import { initIPFamilyFields } from './ipFamilyFields';
import { allocHealthCheckNodePort, initNodePorts, releaseNodePorts, updateServiceNodePorts } from './nodePortAllocation';
import { RangeOperation } from './rangeOperation';
import { clusterIPsHeld, serviceAllocators } from './serviceAllocators';
import { needsHealthCheck, needsNodePort } from './serviceType';

export { normalizeClusterIPs, patchAllocatedValues } from './allocatedValues';

/** Allocates (or reserves the requested) ClusterIPs and NodePorts for a new Service, filling them in. */
export function allocateServiceOnCreate(svc: Service, ctx: AdmissionContext): Allocation {
  const al = serviceAllocators(ctx);
  writableSpec(svc);
  normalizeClusterIPs(svc, undefined);
  const famErrs = initIPFamilyFields(svc, undefined);
  if (famErrs.length) return { ok: false, status: invalid('Service', svc.metadata?.name ?? '', famErrs) };

  const ipOp = new RangeOperation(al.ips);
  const portOp = new RangeOperation(al.ports);
  const fail = (status: NonNullable<ReturnType<typeof allocClusterIPs>>): Allocation => {
    portOp.revert();
    ipOp.revert();
    return { ok: false, status };
  };
  const ipErr = allocClusterIPs(svc, al.ips, ipOp, ctx.rand);
  if (ipErr) return fail(ipErr);
  if (needsNodePort(svc)) {
    const err = initNodePorts(svc, al.ports, portOp, ctx.rand);
    if (err) return fail(err);
  }
  if (needsHealthCheck(svc)) {
    const err = allocHealthCheckNodePort(svc, al.ports, portOp, ctx.rand);
    if (err) return fail(err);
  }
  return transaction(ipOp, portOp);
}

/** Allocates what an update newly needs (type change to NodePort, new ports) and releases what it drops. */
export function allocateServiceOnUpdate(svc: Service, old: Service, ctx: AdmissionContext): Allocation {
  const al = serviceAllocators(ctx);
  writableSpec(svc);
  patchAllocatedValues(svc, old);
  normalizeClusterIPs(svc, old);
  dropTypeDependentAllocations(svc, old);
  const famErrs = initIPFamilyFields(svc, old);
  if (famErrs.length) return { ok: false, status: invalid('Service', svc.metadata?.name ?? '', famErrs) };

  const ipOp = new RangeOperation(al.ips);
  const portOp = new RangeOperation(al.ports);
  const ipErr = updateClusterIPs(svc, old, al.ips, ipOp, ctx.rand);
  if (ipErr) {
    ipOp.revert();
    return { ok: false, status: ipErr };
  }
  const portErr = updateServiceNodePorts(svc, old, al.ports, portOp, ctx.rand);
  if (portErr) {
    portOp.revert();
    ipOp.revert();
    return { ok: false, status: portErr };
  }
  return transaction(ipOp, portOp);
}

/** Releases a deleted Service's ClusterIPs and NodePorts. */
export function releaseService(svc: Service, ctx: AdmissionContext): void {
  const al = serviceAllocators(ctx);
  for (const ip of clusterIPsHeld(svc)) al.ips.release(ip);
  releaseNodePorts(svc, al.ports);
}

function transaction(ipOp: RangeOperation<string>, portOp: RangeOperation<number>): Allocation {
  return {
    ok: true,
    commit: () => {
      ipOp.commit();
      portOp.commit();
    },
    rollback: () => {
      portOp.revert();
      ipOp.revert();
    },
  };
}
