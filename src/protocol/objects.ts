/** Kubernetes objects as they cross the worker boundary: plain JSON in Kubernetes' own shapes. */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export type WireKind =
  | 'Namespace'
  | 'Node'
  | 'Pod'
  | 'Deployment'
  | 'ReplicaSet'
  | 'StatefulSet'
  | 'Service'
  | 'Endpoints'
  | 'EndpointSlice'
  | 'Event';

export interface WireObject {
  apiVersion?: string;
  kind: WireKind;
  metadata: ObjectMeta & { name: string; uid: string; resourceVersion: string };
  /** What kubectl would print about the object, computed in the worker so the UI never re-derives it. */
  view?: PodView;
  /** EndpointSlices only: what kube-proxy does with each endpoint, decided in the worker by the engine. */
  proxyView?: EndpointSliceProxyView;
  [field: string]: unknown;
}

/** kubectl's READY and STATUS columns for a pod. */
export interface PodView {
  status: string;
  ready: string;
  podReady: boolean;
  restarts: number;
}

/**
 * kube-proxy's choice for an EndpointSlice's endpoints (same order as `endpoints`): whether each gets new
 * connections. `serviceHasReady` is the Service-wide fact the choice depends on (no Ready endpoint anywhere
 * means serving terminating endpoints are used instead).
 */
export interface EndpointSliceProxyView {
  serviceHasReady: boolean;
  newConnections: boolean[];
}

/** `Kind/namespace/name` or `Kind/name`: the key objects are mirrored under. */
export function wireKey(kind: string, namespace: string | undefined, name: string): string {
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}

export function keyOfWire(o: WireObject): string {
  return wireKey(o.kind, o.metadata.namespace, o.metadata.name);
}
