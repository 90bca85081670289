/**
 * NodePort allocation steps of the service REST storage (`initNodePorts`, `updateNodePorts`,
 * `allocHealthCheckNodePort`, `updateHealthCheckNodePort` in `pkg/registry/core/service/storage/alloc.go`).
 * Errors as the apiserver reports them (`portallocator/allocator.go` error types):
 * - a requested port: 422 `spec.ports[i].nodePort: Invalid value: N: <allocator error>` (first failure only);
 * - an exhausted range: 500 `Internal error occurred: failed to allocate a nodePort: range is full`;
 * - the healthCheckNodePort: 500 `Internal error occurred: failed to allocate requested HealthCheck NodePort N: ...`.
 */
import type { Prng } from '../../../shared/prng';
import { field } from '../../api/fieldErrors';
import { type ApiStatus, internalError, invalid } from '../../api/status';
import type { Service } from '../../api/types';
import type { NodePortAllocator } from './nodePortAllocator';
import type { RangeOperation } from './rangeOperation';
import { nodePortsHeld } from './serviceAllocators';
import { needsHealthCheck, needsNodePort, portProtocol, serviceNodePorts, shouldAllocateNodePorts } from './serviceType';

function invalidNodePort(svc: Service, i: number, port: number, err: string): ApiStatus {
  return invalid('Service', svc.metadata?.name ?? '', [field.invalid(`spec.ports[${i}].nodePort`, port, err)]);
}

function allocateNext(ports: NodePortAllocator, op: RangeOperation<number>, rand: Prng): { port: number } | { error: string } {
  const next = ports.allocateNext(rand);
  if (!next.ok) return { error: next.error };
  op.track(next.port);
  return { port: next.port };
}

/**
 * Node ports for a new NodePort or LoadBalancer Service. Two ports with the same port number (TCP and UDP 53,
 * say) share one nodePort: a requested value of either is used for both, else one is allocated for both.
 */
export function initNodePorts(svc: Service, ports: NodePortAllocator, op: RangeOperation<number>, rand: Prng): ApiStatus | undefined {
  const list = svc.spec?.ports ?? [];
  const byPortNumber = new Map<number, number>();
  for (let i = 0; i < list.length; i++) {
    const sp = list[i];
    if (!sp.nodePort && !shouldAllocateNodePorts(svc)) continue; // respect requests, allocate nothing new
    const already = byPortNumber.get(sp.port);
    if (already === undefined) {
      // a later port with the same number may carry the user's request (`findRequestedNodePort`)
      const requested = list.find((p) => p.port === sp.port && p.nodePort)?.nodePort;
      if (requested) {
        const err = op.allocate(requested);
        if (err) return invalidNodePort(svc, i, requested, err);
        sp.nodePort = requested;
      } else {
        const r = allocateNext(ports, op, rand);
        if ('error' in r) return internalError(`failed to allocate a nodePort: ${r.error}`);
        sp.nodePort = r.port;
      }
      byPortNumber.set(sp.port, sp.nodePort);
    } else if (sp.nodePort !== already) {
      if (!sp.nodePort) sp.nodePort = already;
      else {
        const err = op.allocate(sp.nodePort);
        if (err) return invalidNodePort(svc, i, sp.nodePort, err);
      }
    }
  }
  return undefined;
}

/** The healthCheckNodePort of a LoadBalancer with `externalTrafficPolicy: Local`: the requested one or any. */
export function allocHealthCheckNodePort(svc: Service, ports: NodePortAllocator, op: RangeOperation<number>, rand: Prng): ApiStatus | undefined {
  const spec = svc.spec ?? {};
  const requested = spec.healthCheckNodePort;
  if (requested) {
    const err = op.allocate(requested);
    if (err) return internalError(`failed to allocate requested HealthCheck NodePort ${requested}: ${err}`);
    return undefined;
  }
  const r = allocateNext(ports, op, rand);
  // Kubernetes prints the (still zero) port number here
  if ('error' in r) return internalError(`failed to allocate a HealthCheck NodePort 0: ${r.error}`);
  spec.healthCheckNodePort = r.port;
  return undefined;
}

/**
 * Node ports for an update: kept ports stay, new requests are reserved, missing ones allocated, and ports the
 * Service no longer uses are released on commit.
 */
export function updateNodePorts(svc: Service, old: Service, ports: NodePortAllocator, op: RangeOperation<number>, rand: Prng): ApiStatus | undefined {
  const oldNumbers = serviceNodePorts(old);
  const reserved = new Set<number>();
  const seen = new Set<string>();
  const list = svc.spec?.ports ?? [];
  for (let i = 0; i < list.length; i++) {
    const sp = list[i];
    if (!sp.nodePort && !shouldAllocateNodePorts(svc)) continue;
    if (sp.nodePort) {
      if (!oldNumbers.includes(sp.nodePort) && !reserved.has(sp.nodePort)) {
        const err = op.allocate(sp.nodePort);
        if (err) return invalidNodePort(svc, i, sp.nodePort, err);
        reserved.add(sp.nodePort);
      }
    } else {
      const r = allocateNext(ports, op, rand);
      if ('error' in r) return internalError(`failed to allocate a nodePort: ${r.error}`);
      sp.nodePort = r.port;
    }
    const id = `${portProtocol(sp)} ${sp.nodePort}`;
    // a plain Go error in Kubernetes, which the apiserver answers with a 500
    if (seen.has(id)) return internalError(`duplicate nodePort: {${id}}`);
    seen.add(id);
  }
  const newNumbers = new Set(serviceNodePorts(svc));
  for (const n of oldNumbers) if (!newNumbers.has(n)) op.releaseDeferred(n);
  return undefined;
}

/** The healthCheckNodePort across an update: allocated when newly needed, released (on commit) when no longer. */
export function updateHealthCheckNodePort(svc: Service, old: Service, ports: NodePortAllocator, op: RangeOperation<number>, rand: Prng): ApiStatus | undefined {
  const needed = needsHealthCheck(old);
  const needs = needsHealthCheck(svc);
  if (!needed && needs) return allocHealthCheckNodePort(svc, ports, op, rand);
  if (needed && !needs && old.spec?.healthCheckNodePort) op.releaseDeferred(old.spec.healthCheckNodePort);
  return undefined;
}

/** All node-port work of an update (`txnUpdateNodePorts`). */
export function updateServiceNodePorts(svc: Service, old: Service, ports: NodePortAllocator, op: RangeOperation<number>, rand: Prng): ApiStatus | undefined {
  // NodePort/LoadBalancer → ClusterIP/ExternalName gives every node port back
  if (needsNodePort(old) && !needsNodePort(svc)) for (const n of serviceNodePorts(old)) op.releaseDeferred(n);
  if (needsNodePort(svc)) {
    const err = updateNodePorts(svc, old, ports, op, rand);
    if (err) return err;
  }
  return updateHealthCheckNodePort(svc, old, ports, op, rand);
}

/** What a deleted Service gives back: its node ports and healthCheckNodePort. */
export function releaseNodePorts(svc: Service, ports: NodePortAllocator): void {
  for (const n of nodePortsHeld(svc)) ports.release(n);
}
