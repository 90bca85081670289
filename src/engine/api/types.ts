/**
 * The object shapes the simulated apiserver stores, taken from `kubernetes-types` so that every field name
 * and nesting is Kubernetes' own.
 */
import type { ControllerRevision, DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { ConfigMap, Endpoints, Event, Namespace, Node, Pod, Secret, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export type {
  Container,
  ContainerPort,
  ContainerStatus,
  EndpointAddress,
  EndpointPort,
  EndpointSubset,
  EnvVar,
  NodeCondition,
  PodCondition,
  PodSpec,
  PodStatus,
  Probe,
  ServicePort,
  ServiceSpec,
  Taint,
  Toleration,
} from 'kubernetes-types/core/v1';
export type { Endpoint as SliceEndpoint, EndpointPort as SlicePort } from 'kubernetes-types/discovery/v1';
export type { LabelSelector, ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';
export type { ConfigMap, ControllerRevision, DaemonSet, Deployment, Endpoints, EndpointSlice, Event, Namespace, Node, Pod, ReplicaSet, Secret, Service, StatefulSet };

/** Every kind the simulated apiserver serves, by kind name. */
export interface KindMap {
  Namespace: Namespace;
  Node: Node;
  Pod: Pod;
  Deployment: Deployment;
  ReplicaSet: ReplicaSet;
  Service: Service;
  Endpoints: Endpoints;
  EndpointSlice: EndpointSlice;
  Event: Event;
  DaemonSet: DaemonSet;
  StatefulSet: StatefulSet;
  ControllerRevision: ControllerRevision;
  ConfigMap: ConfigMap;
  Secret: Secret;
}

export type Kind = keyof KindMap;
export type KubeObject = KindMap[Kind];

/** The minimum every stored object has. */
export interface AnyObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

/** Stored objects always carry metadata with name, uid and resourceVersion. */
export type Stored<T extends AnyObject> = T & { metadata: ObjectMeta & { name: string; uid: string; resourceVersion: string } };

/** Removes `readonly` from the system-populated fields kubernetes-types marks read-only (the apiserver sets them). */
export type Writable<T> = { -readonly [P in keyof T]: T[P] };
export type WritableMeta = Writable<ObjectMeta>;
