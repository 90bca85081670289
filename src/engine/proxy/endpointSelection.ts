/**
 * Which endpoints of a Service kube-proxy sends new connections to. By default only Ready endpoints; when a
 * Service has no Ready endpoint at all, kube-proxy falls back to endpoints that are both serving and
 * terminating, so a rollout or scale-down that leaves only terminating pods does not drop traffic
 * (kubernetes/kubernetes pkg/proxy/topology.go `CategorizeEndpoints`, KEP-1669). The conditions are read with
 * the API's nil defaults: ready and serving absent mean true, terminating absent means false
 * (kubernetes/kubernetes pkg/proxy/endpointslicecache.go).
 *
 * Topology hints and `internalTrafficPolicy: Local` narrow the choice per node; this module answers for
 * cluster-wide traffic, the view the topology draws.
 */
import type { Endpoint, EndpointSlice } from 'kubernetes-types/discovery/v1';

/** An endpoint's conditions with the API's defaults applied. */
export interface EndpointState {
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** Reads an endpoint's conditions as kube-proxy does. */
export function endpointState(ep: Endpoint): EndpointState {
  const c = ep.conditions ?? {};
  return { ready: c.ready ?? true, serving: c.serving ?? true, terminating: c.terminating ?? false };
}

/** kube-proxy ignores endpoints without an address. */
function usable(ep: Endpoint): boolean {
  return (ep.addresses?.length ?? 0) > 0;
}

/** True when any endpoint of the Service's slices is Ready: then only Ready endpoints get new connections. */
export function hasReadyEndpoint(slices: readonly EndpointSlice[]): boolean {
  return slices.some((s) => (s.endpoints ?? []).some((ep) => usable(ep) && endpointState(ep).ready));
}

/**
 * Whether kube-proxy sends new connections to `ep`, given whether its Service has any Ready endpoint
 * (`hasReadyEndpoint` over all of the Service's EndpointSlices).
 */
export function receivesNewConnections(ep: Endpoint, serviceHasReady: boolean): boolean {
  if (!usable(ep)) return false;
  const s = endpointState(ep);
  if (serviceHasReady) return s.ready;
  return s.serving && s.terminating;
}
