/**
 * What the controllers of one cluster remember between syncs, keyed by the (immutable) stored objects they
 * read. Created by the cluster and handed to every controller through its context, so two clusters in one
 * process never share a cache, and what one controller builds (a pod's endpoint) another can reuse.
 */
import type { ObjectStore } from '../store/objectStore';
import { EndpointSubsetCache } from './endpoint/endpointSubsets';
import { ServiceMembership } from './endpointslice/serviceMembership';
import { SliceEndpointCache } from './endpointslice/sliceEndpoints';
import { PodTriggerTimes } from './endpointslice/triggerTimeTracker';
import { TemplateEquality } from './deployment/podTemplateHash';
import { SelectorCache } from './replicaset/controllerRef';

export interface ControllerCaches {
  /** Which Services select which Pods (the Endpoints and EndpointSlice controllers share it). */
  readonly membership: ServiceMembership;
  /** Pods' last-change trigger times (both endpoint controllers). */
  readonly podTriggerTimes: PodTriggerTimes;
  /** EndpointSlice endpoints per pod. */
  readonly sliceEndpoints: SliceEndpointCache;
  /** Endpoints addresses and ports per pod and Service port. */
  readonly endpointSubsets: EndpointSubsetCache;
  /** Parsed label selectors of Deployments, ReplicaSets and their templates. */
  readonly selectors: SelectorCache;
  /** Pod template comparisons, hash label ignored (the deployment controller). */
  readonly templates: TemplateEquality;
}

/** Fresh, empty caches for one cluster's controllers. */
export function createControllerCaches(store: ObjectStore): ControllerCaches {
  return {
    membership: new ServiceMembership(store),
    podTriggerTimes: new PodTriggerTimes(),
    sliceEndpoints: new SliceEndpointCache(),
    endpointSubsets: new EndpointSubsetCache(),
    selectors: new SelectorCache(),
    templates: new TemplateEquality(),
  };
}
