/**
 * What the worker adds to objects before they cross to the UI: the answers the UI must draw but must not
 * compute. Pods carry kubectl's STATUS/READY; EndpointSlices carry which endpoints kube-proxy sends new
 * connections to, decided by the engine's endpoint selection.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { hasReadyEndpoint, receivesNewConnections } from '../engine/proxy/endpointSelection';
import { podDisplay } from '../kubectl/podStatus';
import type { WireObject } from '../protocol/objects';

/** The label that ties an EndpointSlice to its Service (kubernetes/api discovery/v1 `LabelServiceName`). */
export const serviceNameLabel = 'kubernetes.io/service-name';

/** Pods carry kubectl's STATUS/READY so the UI draws exactly what `kubectl get pods` would say. */
export function withPodView(o: WireObject): WireObject {
  const d = podDisplay(o as unknown as Pod);
  return { ...o, view: { status: d.status, ready: d.ready, podReady: d.podReady, restarts: d.restarts } };
}

/** `namespace/service` an EndpointSlice belongs to, or undefined for a slice of no Service. */
export function serviceOfSlice(o: WireObject): string | undefined {
  const svc = o.metadata.labels?.[serviceNameLabel];
  return svc ? `${o.metadata.namespace ?? 'default'}/${svc}` : undefined;
}

/** True when any of a Service's slices (as wire objects) has a Ready endpoint. */
export function serviceHasReady(slices: readonly WireObject[]): boolean {
  return hasReadyEndpoint(slices as unknown as EndpointSlice[]);
}

/** An EndpointSlice with kube-proxy's per-endpoint choice, given the Service-wide fact it depends on. */
export function withProxyView(o: WireObject, hasReady: boolean): WireObject {
  const endpoints = (o as unknown as EndpointSlice).endpoints ?? [];
  return { ...o, proxyView: { serviceHasReady: hasReady, newConnections: endpoints.map((ep) => receivesNewConnections(ep, hasReady)) } };
}
