/**
 * The shape every controller has, the way kube-controller-manager's controllers are built: event handlers
 * compute a key and enqueue it; `sync(key)` re-reads the current state and reconciles. Handlers never
 * reconcile inline. The cluster runs every queue to empty after each command and each timer.
 */
import type { CommandOutput } from '../kubelet/apps/containerCommands';
import type { ControllerCaches } from './controllerCaches';
import type { VirtualClock } from '../clock';
import type { ClusterConfig } from '../config';
import type { ApiServer } from '../apiserver/apiServer';
import type { Kind, KindMap, Pod } from '../api/types';
import type { ObjectStore } from '../store/objectStore';
import type { Prng } from '../../shared/prng';
import type { EventRecorder } from '../events/eventRecorder';
import type { ClusterLog } from '../clusterLog';
import type { WorkQueue } from './workQueue';
import type { TokenBucket } from './clientRateLimiter';

export interface ResourceHandlers<K extends Kind> {
  onAdd?(obj: KindMap[K]): void;
  onUpdate?(oldObj: KindMap[K], newObj: KindMap[K]): void;
  onDelete?(obj: KindMap[K]): void;
}

/** What a controller gets from the cluster: a client, a read-only cache with indexes, time, randomness. */
export interface ControllerContext {
  api: ApiServer;
  /** The shared informer cache. Read-only: never mutate what it returns. */
  store: ObjectStore;
  clock: VirtualClock;
  rand: Prng;
  config: ClusterConfig;
  recorder: EventRecorder;
  log: ClusterLog;
  /** Registers informer handlers for one kind. */
  informer<K extends Kind>(kind: K, handlers: ResourceHandlers<K>): void;
  /** A work queue owned by the cluster's run loop. */
  newQueue(name: string): WorkQueue;
  /** The rate limiter of the API client kube-controller-manager builds for the named controller. */
  clientRateLimiter(controller: string): TokenBucket;
  /** What the controllers of this cluster remember between syncs. */
  caches: ControllerCaches;
  /**
   * Runs a command in a running container at this instant (DNS, HTTP through the data plane, env, cat …), as
   * `kubectl exec` does: the kubelet runs a client image's main process with it. Undefined when svcsim does
   * not model the command.
   */
  runInContainer?(pod: Pod, container: string, argv: readonly string[], environ: readonly string[]): CommandOutput | undefined;
}

export interface Controller {
  /** Component name, as it appears in Events' `source.component` and in the cluster log. */
  readonly name: string;
  readonly queue: WorkQueue;
  /**
   * Reconciles one key. Returning an error message requeues the key with backoff (and logs it);
   * returning nothing forgets the key's backoff.
   */
  sync(key: string): string | undefined;
}
