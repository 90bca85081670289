/**
 * The composition root of the simulation: one store, one apiserver, one virtual clock, one seeded PRNG, and
 * every controller, scheduler and kubelet wired to them. Everything outside the engine (worker, CLI, tests)
 * talks to a cluster through this class.
 */
import { createPrng, type Prng } from '../shared/prng';
import { ApiServer, type DeleteOptions, type ListOptions, type ListResult, type WatchHandle, type WatchOptions } from './apiserver/apiServer';
import { type ApiResult, fail, ok } from './api/status';
import { decodeError, hasUnknownFields, withoutUnknownFields } from './apiserver/decode';
import { type FieldValidationOptions, validateBodyFields } from './apiserver/fieldValidation';
import type { Kind, KindMap, KubeObject } from './api/types';
import { VirtualClock } from './clock';
import { ClusterLog } from './clusterLog';
import { type ClusterConfig, defaultConfig } from './config';
import type { Controller, ControllerContext, ResourceHandlers } from './controllers/controller';
import { WorkQueue } from './controllers/workQueue';
import { controllerManagerBurst, controllerManagerQps, TokenBucket } from './controllers/clientRateLimiter';
import { EventRecorder } from './events/eventRecorder';
import { ObjectStore, type WatchEvent } from './store/objectStore';
import { registerStrategies } from './registry/strategies';
import { createControllers } from './controllers/controllers';
import { createControllerCaches } from './controllers/controllerCaches';
import { bootstrapCluster } from './bootstrap';
import { applyObject, type ApplyOptions, type ApplyOutcome, lastAppliedConfiguration } from './apply';
import { exceedsRequestBody, jsonBodyBytes, maxRequestBodyBytes, requestBodyTooLarge } from './apiserver/requestSize';
import { type PatchOptions, patchObject, type PatchType } from './apiserver/patch';
import type { SimulationControls } from './simulation';
import type { KubeletRuntimeView } from './kubelet/runtimeView';
import { advanceRefusal, TimeLimitError } from './timeLimit';
import type { KubeProxyNodeConfig } from './kubeSystem/kubeProxyConfig';
import type { KubeProxies } from './proxy/kubeProxy';
import { ClusterNetwork } from './net/clusterNetwork';
import { runContainerCommand } from './kubelet/apps/containerCommands';

/** The most work one drain may do before the cluster reports a runaway reconcile loop. */
const maxStepsPerDrain = 5_000_000;

export class Cluster {
  readonly config: ClusterConfig;
  readonly store = new ObjectStore();
  readonly clock: VirtualClock;
  readonly rand: Prng;
  readonly api: ApiServer;
  readonly log: ClusterLog;
  readonly recorder: EventRecorder;
  private readonly controllers: Controller[];
  private readonly queues: WorkQueue[] = [];
  /** Hooks for what has no API of its own: stopping a node, flipping an app's readiness. */
  readonly simulation: SimulationControls;
  /** Read-only view of what the kubelets run: app instances, listeners and container logs. */
  readonly runtime: KubeletRuntimeView;
  /** Each node's kube-proxy: its mode, last sync and rules. */
  readonly proxies: KubeProxies;
  /** The data plane: connections routed through the active proxy mode's rules, as traces. */
  readonly net: ClusterNetwork;
  private draining = false;
  /** One client rate limiter per controller (see `clientRateLimiter.ts`). */
  private readonly clientLimiters = new Map<string, TokenBucket>();
  /** Where an unfinished drain slice stopped: 0 = due timers, n = the n-th controller's queue. */
  private readonly drainCursor = { phase: 0, progressed: false, steps: 0 };

  constructor(config: Partial<ClusterConfig> = {}) {
    this.config = defaultConfig(config);
    this.clock = new VirtualClock(this.config.startTime);
    this.rand = createPrng(this.config.seed);
    this.api = new ApiServer(this.store, this.clock, this.rand, this.config);
    this.log = new ClusterLog(() => this.clock.now());
    this.recorder = new EventRecorder(this.api, this.clock);
    registerStrategies(this.api);
    const ctx: ControllerContext = {
      api: this.api,
      store: this.store,
      clock: this.clock,
      rand: this.rand,
      config: this.config,
      recorder: this.recorder,
      log: this.log,
      informer: <K extends Kind>(kind: K, h: ResourceHandlers<K>) => this.informer(kind, h),
      caches: createControllerCaches(this.store),
      runInContainer: (pod, container, argv, environ) => runContainerCommand(this, pod, container, argv, environ),
      newQueue: (name: string) => {
        const q = new WorkQueue(this.clock, name);
        this.queues.push(q);
        return q;
      },
      clientRateLimiter: (name: string) => {
        let bucket = this.clientLimiters.get(name);
        if (!bucket) {
          bucket = new TokenBucket(controllerManagerQps, controllerManagerBurst, this.clock.now());
          this.clientLimiters.set(name, bucket);
        }
        return bucket;
      },
    };
    const built = createControllers(ctx);
    this.controllers = built.controllers;
    this.simulation = built.simulation;
    this.runtime = built.runtime;
    this.proxies = built.proxies;
    this.net = new ClusterNetwork(this);
    bootstrapCluster(this);
    this.drain();
  }

  /** Current virtual time, ms since the Unix epoch. */
  now(): number {
    return this.clock.now();
  }

  /**
   * The kube-proxy configuration (mode, minSyncPeriod, ...) the kube-proxy pod on `node` started with, read
   * from the `kube-system/kube-proxy` ConfigMap; a changed ConfigMap takes effect when the pod is replaced
   * (`kubectl rollout restart ds/kube-proxy -n kube-system`). Undefined when no kube-proxy runs on the node.
   */
  proxyConfig(node: string): KubeProxyNodeConfig | undefined {
    return this.proxies.config(node);
  }

  // ---- API calls: each is one apiserver request followed by the controllers reacting at this instant ----

  get<K extends Kind>(kind: K, namespace: string | undefined, name: string): ApiResult<KindMap[K]> {
    return this.api.get(kind, namespace, name);
  }

  list<K extends Kind>(kind: K, opts: ListOptions = {}): ApiResult<ListResult<KindMap[K]>> {
    return this.api.list(kind, opts);
  }

  /** Watches a kind; events arrive synchronously while the cluster changes. */
  watch<K extends Kind>(kind: K, opts: WatchOptions, onEvent: (e: WatchEvent<K>) => void): ApiResult<WatchHandle> {
    return this.api.watch(kind, opts, onEvent);
  }

  create<K extends Kind>(kind: K, obj: KindMap[K], opts: { dryRun?: boolean } & FieldValidationOptions = {}): ApiResult<KindMap[K]> {
    const body = decodeBody(kind, obj, opts);
    if (!body.ok) return body;
    return this.settled(this.api.create(kind, body.value, { dryRun: opts.dryRun }));
  }

  update<K extends Kind>(kind: K, obj: KindMap[K], opts: { dryRun?: boolean } & FieldValidationOptions = {}): ApiResult<KindMap[K]> {
    const body = decodeBody(kind, obj, opts);
    if (!body.ok) return body;
    return this.settled(this.api.update(kind, body.value, { dryRun: opts.dryRun }));
  }

  updateStatus<K extends Kind>(kind: K, obj: KindMap[K]): ApiResult<KindMap[K]> {
    return this.settled(this.api.updateStatus(kind, obj));
  }

  patch<K extends Kind>(kind: K, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts: PatchOptions = {}): ApiResult<KindMap[K]> {
    if (exceedsRequestBody(patch)) return fail(requestBodyTooLarge());
    return this.settled(patchObject(this.api, kind, namespace, name, type, patch, opts));
  }

  delete<K extends Kind>(kind: K, namespace: string | undefined, name: string, opts: DeleteOptions = {}): ApiResult<KindMap[K]> {
    return this.settled(this.api.delete(kind, namespace, name, opts));
  }

  /** `kubectl apply` semantics for one object: create, or three-way merge into the live object. */
  apply<K extends Kind>(kind: K, obj: KindMap[K], opts: ApplyOptions = {}): ApiResult<ApplyOutcome<K>> {
    if (applyBodyTooLarge(obj)) return fail(requestBodyTooLarge());
    const undecodable = decodeError(kind, obj);
    if (undecodable) return fail(undecodable);
    return this.settled(applyObject(this.api, kind, obj, opts));
  }

  /**
   * {@link apply} without the controllers' reaction: the caller drains, e.g. in slices with {@link drainSlice}
   * (a big manifest in the browser). Followed by a full drain, it is exactly `apply`.
   */
  applyUnsettled<K extends Kind>(kind: K, obj: KindMap[K], opts: ApplyOptions = {}): ApiResult<ApplyOutcome<K>> {
    if (applyBodyTooLarge(obj)) return fail(requestBodyTooLarge());
    const undecodable = decodeError(kind, obj);
    if (undecodable) return fail(undecodable);
    return applyObject(this.api, kind, obj, opts);
  }

  /** Subscribes to every change of every kind (the worker turns these into UI diffs). */
  subscribe(handler: (e: WatchEvent) => void): () => void {
    return this.store.subscribe('*', handler);
  }

  // ---- time ----

  /** Moves virtual time forward by `ms`, running every timer and reconcile due on the way. */
  advance(ms: number): void {
    refuseBeyondLastTimestamp(this.clock.now(), ms);
    const target = this.clock.now() + Math.max(0, ms);
    while (!this.advanceSlice(target, Number.POSITIVE_INFINITY));
  }

  /**
   * One budgeted slice of {@link advance}: runs timers and reconciles towards virtual time `targetMs` (absolute)
   * and returns true once time has reached it with the cluster quiet. It stops early, returning false, after
   * about `maxSteps` steps (a timer, a reconcile, or moving to the next timer's instant), so a long advance can
   * run in slices with other work in between; calling it again carries on exactly where it stopped, so any
   * slicing gives the same cluster as one `advance`.
   */
  advanceSlice(targetMs: number, maxSteps: number): boolean {
    let left = maxSteps;
    for (;;) {
      left = this.drainWithin(left);
      if (left < 0) return false;
      const next = this.clock.nextAt();
      if (next !== undefined && next <= targetMs) {
        if (left <= 0) return false;
        left--;
        this.clock.setNow(next);
        continue;
      }
      if (this.clock.now() >= targetMs) return true;
      this.clock.setNow(targetMs);
    }
  }

  /**
   * Advances time step by step (to each next timer) until `condition` holds or `maxMs` has passed.
   * Returns whether the condition was met.
   */
  runUntil(condition: () => boolean, maxMs: number): boolean {
    refuseBeyondLastTimestamp(this.clock.now(), maxMs);
    const deadline = this.clock.now() + maxMs;
    for (;;) {
      const r = this.runUntilSlice(condition, deadline, Number.POSITIVE_INFINITY);
      if (r !== undefined) return r;
    }
  }

  /**
   * One budgeted slice of {@link runUntil} towards the absolute virtual time `deadlineMs`: true when `condition`
   * held at a quiet instant, false when the deadline passed without it, undefined when the budget of about
   * `maxSteps` steps ran out first (call again to carry on).
   */
  runUntilSlice(condition: () => boolean, deadlineMs: number, maxSteps: number): boolean | undefined {
    let left = maxSteps;
    for (;;) {
      left = this.drainWithin(left);
      if (left < 0) return undefined;
      if (condition()) return true;
      const next = this.clock.nextAt();
      if (next === undefined || next > deadlineMs) {
        if (this.clock.now() >= deadlineMs) return false;
        this.clock.setNow(deadlineMs);
        continue;
      }
      if (left <= 0) return undefined;
      left--;
      this.clock.setNow(next);
    }
  }

  /** Runs every timer due now and every queued reconcile until the cluster is quiet at this instant. */
  drain(): void {
    while (!this.drainSlice(Number.POSITIVE_INFINITY));
  }

  /**
   * A budgeted {@link drain}: at most `maxSteps` timers and reconciles, in exactly the order one drain would run
   * them. Returns true when the cluster is quiet at this instant.
   */
  drainSlice(maxSteps: number): boolean {
    return this.drainWithin(maxSteps) >= 0;
  }

  /**
   * The drain loop, resumable: `drainCursor` remembers which phase (due timers, then each controller's queue in
   * turn) a slice stopped in. Returns the budget left when quiet, or -1 when the budget ran out first.
   */
  private drainWithin(budget: number): number {
    // a drain already running further up the stack finishes the work
    if (this.draining) return budget;
    this.draining = true;
    const d = this.drainCursor;
    let left = budget;
    try {
      for (;;) {
        if (d.phase === 0) {
          for (;;) {
            if (left <= 0) return -1;
            if (!this.clock.runOneDue()) break;
            d.progressed = true;
            d.steps++;
            left--;
          }
          d.phase = 1;
        }
        while (d.phase <= this.controllers.length) {
          const c = this.controllers[d.phase - 1];
          for (;;) {
            if (left <= 0) return -1;
            const key = c.queue.pop();
            if (key === undefined) break;
            d.progressed = true;
            d.steps++;
            left--;
            const err = c.sync(key);
            if (err) {
              this.log.write(c.name, `error syncing "${key}": ${err}; requeuing`);
              c.queue.addRateLimited(key);
            } else {
              c.queue.forget(key);
            }
          }
          d.phase++;
        }
        d.phase = 0;
        const progressed = d.progressed;
        d.progressed = false;
        if (!progressed) {
          d.steps = 0;
          return left;
        }
        if (d.steps > maxStepsPerDrain) {
          this.log.write('cluster', `stopped a runaway reconcile loop after ${d.steps} steps`);
          d.steps = 0;
          return left;
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private settled<T>(r: T): T {
    this.drain();
    return r;
  }

  private informer<K extends Kind>(kind: K, h: ResourceHandlers<K>): void {
    this.store.subscribe(kind, (e) => {
      const ev = e as WatchEvent<K>;
      if (ev.type === 'ADDED') h.onAdd?.(ev.object);
      else if (ev.type === 'MODIFIED') h.onUpdate?.(ev.oldObject as KindMap[K], ev.object);
      else h.onDelete?.(ev.object);
    });
  }
}

/** Callers refuse such requests with their own words first (see `advanceRefusal`); this keeps the clock sane. */
function refuseBeyondLastTimestamp(now: number, ms: number): void {
  const refused = advanceRefusal(now, ms, `advancing the clock by ${ms} ms`);
  if (refused) throw new TimeLimitError(refused);
}

/** Creates a cluster, bootstrapped and settled at its start time. */
export function createCluster(config: Partial<ClusterConfig> = {}): Cluster {
  return new Cluster(config);
}

/**
 * A create or update body as the apiserver decodes it: 413 over the size limit, 400 for a value of the wrong
 * JSON type, field validation of unknown fields (400 under Strict), then the body without those fields. One
 * walk tells whether it has unknown fields at all (nearly never), so a clean body is not walked twice more.
 */
function decodeBody<K extends Kind>(kind: K, obj: KindMap[K], opts: FieldValidationOptions): ApiResult<KindMap[K]> {
  if (exceedsRequestBody(obj)) return fail(requestBodyTooLarge());
  const undecodable = decodeError(kind, obj);
  if (undecodable) return fail(undecodable);
  if (!hasUnknownFields(kind, obj)) return ok(obj);
  const unknown = validateBodyFields(kind, obj, opts.fieldValidation ?? 'Warn', opts.warnings);
  if (unknown) return fail(unknown);
  return ok(withoutUnknownFields(kind, obj));
}

/** Whether `kubectl apply`'s body is over the limit: the object and, in its last-applied annotation, the object again as a JSON string. */
function applyBodyTooLarge(obj: KubeObject): boolean {
  const bytes = jsonBodyBytes(obj);
  return bytes > maxRequestBodyBytes || bytes + jsonBodyBytes(lastAppliedConfiguration(obj)) > maxRequestBodyBytes;
}
