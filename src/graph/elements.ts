/**
 * The topology's elements, framework-free: shaped so React Flow takes them as they are (its `Node` and `Edge`
 * accept these fields), without this layer importing React Flow (as `@xyflow/system` sits outside React).
 */
import type { WireObject } from '../protocol/objects';

export interface XY {
  x: number;
  y: number;
}

export type PodHighlight = 'match' | 'match-notready' | undefined;

/** The workload a pod card names and links to: the Deployment through its ReplicaSet, or the StatefulSet. */
export interface PodOwner {
  kind: 'Deployment' | 'StatefulSet';
  name: string;
}

export interface PodNodeData extends Record<string, unknown> {
  pod: WireObject;
  /** The workload that controls the pod, if it is one the canvas can select. */
  owner?: PodOwner;
  highlight?: PodHighlight;
}
export interface NodeBoxData extends Record<string, unknown> {
  node?: WireObject;
  name: string;
  podCount: number;
}
export interface ServiceNodeData extends Record<string, unknown> {
  service: WireObject;
  /** Lit because the hovered label is part of its selector. */
  highlight?: boolean;
}
export interface EndpointEdgeData extends Record<string, unknown> {
  /** kube-proxy sends new connections to this endpoint (the engine's decision, carried by the slice). */
  ready: boolean;
  port?: number;
}

export interface GraphNode {
  id: string;
  type: 'pod' | 'service' | 'k8sNode';
  position: XY;
  data: Record<string, unknown>;
  parentId?: string;
  extent?: 'parent';
  width?: number;
  height?: number;
  style?: { width: number; height: number };
  draggable?: boolean;
  selectable?: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: 'endpoint';
  data: EndpointEdgeData;
  domAttributes: Record<string, string>;
}

export const podId = (ns: string | undefined, name: string) => `pod:${ns ?? 'default'}/${name}`;
export const serviceId = (ns: string | undefined, name: string) => `svc:${ns ?? 'default'}/${name}`;
export const nodeId = (name: string) => `node:${name}`;
export const edgeId = (ns: string, svc: string, pod: string) => `ep:${ns}/${svc}/${pod}`;

/** The group of pods bound to no node yet. */
export const unscheduledGroup = '(unscheduled)';
