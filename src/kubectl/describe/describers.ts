/** The describer of each kind (kubectl's `describerMap`). */
import type { Cluster, Kind, KubeObject } from '../../engine';
import type { ConfigMap, DaemonSet, Deployment, EndpointSlice, Endpoints, Namespace, Node, Pod, ReplicaSet, Secret, Service, StatefulSet } from '../../engine/api/types';
import { describeConfigMap, describeSecret } from './describeConfig';
import { describeDaemonSet } from './describeDaemonSet';
import { describeNamespace, describeNode } from './describeCluster';
import { describeEndpointSlice, describeEndpoints, describeService } from './describeNetworking';
import { describePod } from './describePod';
import { describeStatefulSet } from './describeStatefulSet';
import { describeDeployment, describeReplicaSet } from './describeWorkloads';

type Describer = (obj: KubeObject, cluster: Cluster) => string;

const describers: Partial<Record<Kind, Describer>> = {
  Pod: (o, c) => describePod(o as Pod, c),
  Service: (o, c) => describeService(o as Service, c),
  Endpoints: (o, c) => describeEndpoints(o as Endpoints, c),
  EndpointSlice: (o, c) => describeEndpointSlice(o as EndpointSlice, c),
  Deployment: (o, c) => describeDeployment(o as Deployment, c),
  ReplicaSet: (o, c) => describeReplicaSet(o as ReplicaSet, c),
  Namespace: (o) => describeNamespace(o as Namespace),
  Node: (o, c) => describeNode(o as Node, c),
  DaemonSet: (o, c) => describeDaemonSet(o as DaemonSet, c),
  StatefulSet: (o, c) => describeStatefulSet(o as StatefulSet, c),
  ConfigMap: (o, c) => describeConfigMap(o as ConfigMap, c),
  Secret: (o) => describeSecret(o as Secret),
};

/** The describer for a kind, or undefined when kubectl would fall back to the generic describer. */
export function describerFor(kind: Kind): Describer | undefined {
  return describers[kind];
}
