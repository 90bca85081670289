/**
 * The simulated kube-apiserver: generic create / update / status update / delete / get / list / watch over the
 * object store, with per-kind strategies for defaulting, validation and allocation. Every write either fully
 * succeeds (one new resourceVersion, one watch event) or returns a Status and changes nothing.
 */
import { AdmissionCaches } from './admissionCaches';
import { formatTimestamp } from '../clock';
import type { VirtualClock } from '../clock';
import type { ClusterConfig } from '../config';
import { cloneJson, deepEqual, deepFreeze, withoutUndefined } from '../shared';
import { type FieldError, field } from '../api/fieldErrors';
import { apiVersionFor, objectKey, resourceFor } from '../api/resources';
import { type ApiResult, type ApiStatus, alreadyExists, badRequest, conflict, fail, gone, invalid, notFound, ok } from '../api/status';
import type { Kind, KindMap, KubeObject, WritableMeta as ObjectMeta } from '../api/types';
import type { ObjectStore, WatchEvent } from '../store/objectStore';
import type { Prng } from '../../shared/prng';
import { generateName, newUid, newUidBuffer } from './names';
import type { AdmissionContext, Strategy } from './strategy';
import { parseLabelSelector, type LabelSelector } from '../store/labelSelector';
import { parseFieldSelector, type FieldSelector } from '../store/fieldSelector';
import type { DeleteOptions, ListOptions, ListResult, WatchHandle, WatchOptions, WriteOptions } from './requestOptions';

export type { DeleteOptions, ListOptions, ListResult, WatchHandle, WatchOptions, WriteOptions } from './requestOptions';

type AnyStrategy = Strategy<Kind>;


export class ApiServer {
  private strategies = new Map<Kind, AnyStrategy>();
  /** Validated pieces and allocators: this apiserver's alone. */
  private readonly caches = new AdmissionCaches();
  /** The character codes of the uid being made (this apiserver's own). */
  private readonly uidBuffer = newUidBuffer();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
    private readonly rand: Prng,
    private readonly config: ClusterConfig,
  ) {}

  register<K extends Kind>(strategy: Strategy<K>): void {
    this.strategies.set(strategy.kind, strategy as unknown as AnyStrategy);
  }

  private ctx(): AdmissionContext {
    return { store: this.store, config: this.config, rand: this.rand, now: this.clock.now(), caches: this.caches };
  }

  private strategy<K extends Kind>(kind: K): Strategy<K> {
    const s = this.strategies.get(kind);
    if (!s) throw new Error(`no strategy registered for ${kind}`);
    return s as unknown as Strategy<K>;
  }

  get<K extends Kind>(kind: K, namespace: string | undefined, name: string): ApiResult<KindMap[K]> {
    const obj = this.store.get(kind, objectKey(this.nsFor(kind, namespace), name));
    return obj ? ok(obj) : fail(notFound(kind, name));
  }

  list<K extends Kind>(kind: K, opts: ListOptions = {}): ApiResult<ListResult<KindMap[K]>> {
    const sel = this.selectors(kind, opts);
    if (!sel.ok) return sel;
    const ns = resourceFor(kind).namespaced ? opts.namespace : undefined;
    const items = this.store.list(kind, ns).filter((o) => matches(o, sel.value.label, sel.value.field));
    return ok({ items, resourceVersion: String(this.store.resourceVersion) });
  }

  /**
   * Watches a kind. With no resourceVersion (or "0") the current matching objects arrive first as ADDED, like
   * kubectl's list-then-watch; with a resourceVersion the watch cache replays what happened after it, or
   * answers 410 Gone when that is too old.
   */
  watch<K extends Kind>(kind: K, opts: WatchOptions, onEvent: (e: WatchEvent<K>) => void): ApiResult<WatchHandle> {
    const sel = this.selectors(kind, opts);
    if (!sel.ok) return sel;
    const { label, field: fieldSel } = sel.value;
    const ns = resourceFor(kind).namespaced ? opts.namespace : undefined;
    const inScope = (o: KubeObject) => !ns || o.metadata?.namespace === ns;
    const pass = (o: KubeObject | undefined) => !!o && inScope(o) && matches(o, label, fieldSel);
    const deliver = (e: WatchEvent) => {
      // An object that starts or stops matching the selector arrives as ADDED / DELETED, as the watch cache does.
      const now = pass(e.object);
      const before = e.type === 'MODIFIED' ? pass(e.oldObject) : now;
      if (e.type === 'MODIFIED' && now && !before) onEvent({ ...e, type: 'ADDED' } as WatchEvent<K>);
      else if (e.type === 'MODIFIED' && !now && before) onEvent({ ...e, type: 'DELETED' } as WatchEvent<K>);
      else if (now) onEvent(e as WatchEvent<K>);
    };
    const rv = opts.resourceVersion;
    if (rv && rv !== '0') {
      const from = Number(rv);
      if (!Number.isInteger(from) || from < 0) return fail(badRequest(`invalid resource version: ${rv}`));
      const past = this.store.eventsSince(from);
      if (!past) return fail(gone(`too old resource version: ${from} (${this.store.oldestWatchableVersion()})`));
      for (const e of past) if (e.kind === kind) deliver(e);
    } else {
      for (const o of this.store.list(kind, ns)) {
        if (matches(o, label, fieldSel)) {
          onEvent({ type: 'ADDED', kind, object: o, resourceVersion: Number(o.metadata?.resourceVersion) });
        }
      }
    }
    const stop = this.store.subscribe(kind, deliver);
    return ok({ stop });
  }

  /** POST: create a new object. */
  create<K extends Kind>(kind: K, input: KindMap[K], opts: WriteOptions = {}): ApiResult<KindMap[K]> {
    const strategy = this.strategy(kind);
    const ctx = this.ctx();
    const obj = this.handedOver(opts) ? owned(input) : cloneJson(input);
    const meta: ObjectMeta = { ...(obj.metadata ?? {}) };
    (obj as { metadata?: ObjectMeta }).metadata = meta;
    const info = resourceFor(kind);
    if (info.namespaced) meta.namespace = meta.namespace || 'default';
    else delete meta.namespace;

    if (!meta.name && meta.generateName) meta.name = this.uniqueGeneratedName(kind, meta.namespace, meta.generateName);
    if (!meta.name) {
      return fail(invalid(kind, '', [field.required('metadata.name', 'name or generateName is required')]));
    }
    const ns = info.namespaced ? this.store.get('Namespace', meta.namespace ?? '') : undefined;
    if (info.namespaced && kind !== 'Event' && !ns) {
      return fail(notFound('Namespace', meta.namespace ?? ''));
    }
    if (info.namespaced && ns?.metadata?.deletionTimestamp) {
      return fail({
        ...forbiddenNamespaceTerminating(kind, meta.name, meta.namespace ?? ''),
      });
    }

    (obj as { apiVersion?: string }).apiVersion = apiVersionFor(kind);
    (obj as { kind?: string }).kind = kind;
    strategy.prepareForCreate?.(obj, ctx);
    strategy.applyDefaults(obj, ctx);
    const errs = this.trusted(strategy, opts) ? noErrors : strategy.validate(obj, ctx);
    if (errs.length) return this.refused(kind, meta.name, errs, opts);
    if (this.store.get(kind, objectKey(meta.namespace, meta.name))) return fail(alreadyExists(kind, meta.name));
    const alloc = strategy.allocateOnCreate?.(obj, ctx) ?? { ok: true as const };
    if (!alloc.ok) return fail(alloc.status);
    if (opts.dryRun) {
      alloc.rollback?.();
      return ok(obj);
    }
    alloc.commit?.();

    const rv = this.store.nextResourceVersion();
    meta.uid = newUid(this.rand, this.uidBuffer);
    meta.resourceVersion = String(rv);
    meta.creationTimestamp = this.clock.timestamp();
    if (strategy.tracksGeneration) meta.generation = 1;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    this.store.insert(kind, this.seal(obj), rv);
    return ok(obj);
  }

  /** PUT: replace an object's spec and metadata (status is kept for kinds with a status subresource). */
  update<K extends Kind>(kind: K, input: KindMap[K], opts: WriteOptions = {}): ApiResult<KindMap[K]> {
    return this.write(kind, input, 'main', opts);
  }

  /** PUT .../status: replace only the status; spec and metadata come from the stored object. */
  updateStatus<K extends Kind>(kind: K, input: KindMap[K], opts: Pick<WriteOptions, 'handOver'> = {}): ApiResult<KindMap[K]> {
    return this.write(kind, input, 'status', opts);
  }

  /**
   * PUT pods/{name}/ephemeralcontainers (`pkg/registry/core/pod/storage` EphemeralContainersREST with
   * `podEphemeralContainersStrategy`): only `spec.ephemeralContainers` is taken from the request, everything else
   * from the stored pod; existing ephemeral containers may not change (ValidatePodEphemeralContainersUpdate).
   */
  updateEphemeralContainers(input: KindMap['Pod'], opts: Pick<WriteOptions, 'dryRun'> = {}): ApiResult<KindMap['Pod']> {
    return this.write('Pod', input, 'ephemeralcontainers', opts);
  }

  private write<K extends Kind>(kind: K, input: KindMap[K], sub: 'main' | 'status' | 'ephemeralcontainers', opts: WriteOptions): ApiResult<KindMap[K]> {
    const strategy = this.strategy(kind);
    const ctx = this.ctx();
    const name = input.metadata?.name ?? '';
    const namespace = this.nsFor(kind, input.metadata?.namespace);
    const old = this.store.get(kind, objectKey(namespace, name));
    if (!old) return fail(notFound(kind, name));
    const wantRv = input.metadata?.resourceVersion;
    if (wantRv && wantRv !== old.metadata?.resourceVersion) {
      return fail(conflict(kind, name, 'the object has been modified; please apply your changes to the latest version and try again'));
    }
    const oldMeta = old.metadata as ObjectMeta;
    let obj: KindMap[K];
    if (sub === 'status') {
      // a fresh metadata object: the stored (possibly frozen) one must not be mutated below
      const status = (input as { status?: unknown }).status;
      obj = { ...old, metadata: { ...oldMeta }, status: this.handedOver(opts) ? owned(status) : cloneJson(status) } as KindMap[K];
      // deploymentStatusStrategy.PrepareForUpdate keeps only spec and labels: the deployment controller writes
      // the revision annotation through the status subresource (no generation bump).
      if (kind === 'Deployment') {
        const annotations = this.handedOver(opts) ? owned(input.metadata?.annotations) : cloneJson(input.metadata?.annotations);
        if (annotations && Object.keys(annotations).length) (obj.metadata as ObjectMeta).annotations = annotations;
        else delete (obj.metadata as ObjectMeta).annotations;
      }
    } else if (sub === 'ephemeralcontainers') {
      // dropNonEphemeralContainerUpdates: spec, status and metadata (ResetObjectMetaForStatus) are the stored ones
      const ephemeral = cloneJson((input as KindMap['Pod']).spec?.ephemeralContainers);
      const spec = cloneJson((old as KindMap['Pod']).spec ?? {}) as NonNullable<KindMap['Pod']['spec']>;
      if (ephemeral?.length) spec.ephemeralContainers = ephemeral;
      else delete spec.ephemeralContainers;
      obj = { ...old, metadata: { ...oldMeta }, spec } as KindMap[K];
      strategy.applyDefaults(obj, ctx);
      const errs = strategy.validateEphemeralContainersUpdate?.(obj, old, ctx) ?? [];
      if (errs.length) return this.refused(kind, name, errs, opts);
    } else {
      obj = this.handedOver(opts) ? owned(input) : updateBody(input, strategy.hasStatus);
      const meta: ObjectMeta = { ...(obj.metadata ?? {}) };
      // identity and system-owned metadata never change through an update
      meta.name = oldMeta.name;
      meta.namespace = oldMeta.namespace;
      meta.uid = oldMeta.uid;
      meta.creationTimestamp = oldMeta.creationTimestamp;
      meta.deletionTimestamp = oldMeta.deletionTimestamp;
      meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
      meta.generation = oldMeta.generation;
      if (meta.generateName === undefined) delete meta.generateName;
      (obj as { metadata?: ObjectMeta }).metadata = meta;
      (obj as { apiVersion?: string }).apiVersion = apiVersionFor(kind);
      (obj as { kind?: string }).kind = kind;
      if (strategy.hasStatus) (obj as { status?: unknown }).status = (old as { status?: unknown }).status;
      if (strategy.specOnlyUpdateDefaults && keepStoredSpec(obj, old)) {
        // nothing to default: the stored spec was defaulted when it was stored, and defaulting is idempotent
      } else {
        strategy.prepareForUpdate?.(obj, old, ctx);
        strategy.applyDefaults(obj, ctx);
      }
      const errs = this.trusted(strategy, opts) ? noErrors : strategy.validateUpdate(obj, old, ctx);
      if (errs.length) return this.refused(kind, name, errs, opts);
    }
    const meta = obj.metadata as ObjectMeta;
    meta.resourceVersion = oldMeta.resourceVersion;
    // updatePodGeneration: the ephemeral containers are spec, so adding one bumps the pod's generation
    if (strategy.tracksGeneration && sub !== 'status') {
      const specChanged = strategy.bumpsGeneration
        ? strategy.bumpsGeneration(obj, old)
        : !deepEqual((obj as { spec?: unknown }).spec, (old as { spec?: unknown }).spec);
      meta.generation = (oldMeta.generation ?? 1) + (specChanged ? 1 : 0);
    }
    // A write that changes nothing is not a write: no new resourceVersion, no watch event.
    if (deepEqual(obj, old)) return ok(old);
    const alloc = sub === 'main' ? (strategy.allocateOnUpdate?.(obj, old, ctx) ?? { ok: true as const }) : { ok: true as const };
    if (!alloc.ok) return fail(alloc.status);
    if (opts.dryRun) {
      alloc.rollback?.();
      return ok(obj);
    }
    alloc.commit?.();
    // An object marked for deletion goes once its last finalizer is removed.
    if (meta.deletionTimestamp && (meta.finalizers ?? []).length === 0 && (oldMeta.finalizers ?? []).length > 0) {
      return this.finalize(kind, obj);
    }
    const rv = this.store.nextResourceVersion();
    meta.resourceVersion = String(rv);
    this.store.replace(kind, this.seal(obj), rv);
    return ok(obj);
  }

  /**
   * POST pods/{name}/binding: the scheduler's way of assigning a pod to a node. Sets `spec.nodeName` and the
   * `PodScheduled` condition in one write, as the binding REST storage does.
   */
  bind(namespace: string, name: string, nodeName: string): ApiResult<KindMap['Pod']> {
    const old = this.store.get('Pod', objectKey(namespace, name));
    if (!old) return fail(notFound('Pod', name));
    if (old.metadata?.deletionTimestamp) return fail(conflict('Pod', name, 'pod is being deleted, cannot be assigned to a host'));
    if (old.spec?.nodeName) return fail(conflict('Pod', name, `pod ${name} is already assigned to node "${old.spec.nodeName}"`));
    const t = this.clock.timestamp();
    const conditions = (old.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: t });
    const rv = this.store.nextResourceVersion();
    const pod = {
      ...old,
      metadata: { ...old.metadata, resourceVersion: String(rv) },
      spec: { ...old.spec, nodeName },
      status: { ...old.status, conditions },
    } as KindMap['Pod'];
    this.store.replace('Pod', this.seal(pod), rv);
    return ok(pod);
  }

  /**
   * DELETE. Objects with finalizers, and pods given a grace period, are only marked (deletionTimestamp); the
   * kubelet or the finalizer's owner finishes the job. Everything else is removed at once.
   */
  delete<K extends Kind>(kind: K, namespace: string | undefined, name: string, opts: DeleteOptions = {}): ApiResult<KindMap[K]> {
    const strategy = this.strategy(kind);
    const ns = this.nsFor(kind, namespace);
    const old = this.store.get(kind, objectKey(ns, name));
    if (!old) return fail(notFound(kind, name));
    const oldMeta = old.metadata as ObjectMeta;
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== oldMeta.uid) {
      return fail(
        conflict(kind, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${oldMeta.uid}`),
      );
    }
    if (pre?.resourceVersion && pre.resourceVersion !== oldMeta.resourceVersion) {
      return fail(
        conflict(
          kind,
          name,
          `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${oldMeta.resourceVersion}`,
        ),
      );
    }
    if (kind === 'Namespace') {
      const held = this.markNamespaceTerminating(old as KindMap['Namespace']);
      if (held) return held as ApiResult<KindMap[K]>;
    }
    const finalizers = [...(oldMeta.finalizers ?? [])];
    const policy = opts.propagationPolicy;
    if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    const grace = strategy.gracePeriod?.(old, opts.gracePeriodSeconds) ?? 0;

    if (finalizers.length === 0 && grace === 0) return this.finalize(kind, old);

    // Graceful: mark. A second delete may only shorten the remaining grace period.
    const now = this.clock.now();
    const meta: ObjectMeta = { ...oldMeta, finalizers: finalizers.length ? finalizers : undefined };
    if (!meta.finalizers) delete meta.finalizers;
    if (oldMeta.deletionTimestamp) {
      const remaining = oldMeta.deletionGracePeriodSeconds ?? 0;
      if (grace >= remaining && deepEqual(meta.finalizers, oldMeta.finalizers)) return ok(old);
      if (grace < remaining) {
        meta.deletionGracePeriodSeconds = grace;
        meta.deletionTimestamp = formatTimestamp(now + grace * 1000);
      }
    } else {
      meta.deletionGracePeriodSeconds = grace;
      meta.deletionTimestamp = formatTimestamp(now + grace * 1000);
    }
    const obj = { ...old, metadata: meta } as KindMap[K];
    const rv = this.store.nextResourceVersion();
    meta.resourceVersion = String(rv);
    this.store.replace(kind, this.seal(obj), rv);
    return ok(obj);
  }

  /**
   * Namespace DELETE (`pkg/registry/core/namespace/storage.Delete`): while `spec.finalizers` is not empty the
   * first request only sets deletionTimestamp and `status.phase: Terminating`, and later requests change
   * nothing; the namespace controller empties it and finalizes. Returns undefined to delete as usual.
   */
  private markNamespaceTerminating(ns: KindMap['Namespace']): ApiResult<KindMap['Namespace']> | undefined {
    const pending = ns.spec?.finalizers ?? [];
    if (ns.metadata?.deletionTimestamp) return pending.length ? ok(ns) : undefined;
    if (pending.length === 0) return undefined;
    const rv = this.store.nextResourceVersion();
    const marked = {
      ...ns,
      metadata: { ...ns.metadata, deletionTimestamp: this.clock.timestamp(), deletionGracePeriodSeconds: 0, resourceVersion: String(rv) },
      status: { ...ns.status, phase: 'Terminating' },
    } as KindMap['Namespace'];
    this.store.replace('Namespace', this.seal(marked), rv);
    return ok(marked);
  }

  /**
   * PUT namespaces/{name}/finalize: replaces `spec.finalizers` only. A terminating namespace left without
   * finalizers of either kind is removed (`ShouldDeleteNamespaceDuringUpdate`).
   */
  finalizeNamespace(name: string, finalizers: string[]): ApiResult<KindMap['Namespace']> {
    const old = this.store.get('Namespace', name);
    if (!old) return fail(notFound('Namespace', name));
    const ns = { ...old, spec: { ...old.spec, finalizers: finalizers.length ? finalizers : undefined } } as KindMap['Namespace'];
    if (!finalizers.length) delete (ns.spec as { finalizers?: string[] }).finalizers;
    if (deepEqual(ns, old)) return ok(old);
    if (old.metadata?.deletionTimestamp && !finalizers.length && !(old.metadata.finalizers ?? []).length) return this.finalize('Namespace', ns);
    const rv = this.store.nextResourceVersion();
    const next = { ...ns, metadata: { ...ns.metadata, resourceVersion: String(rv) } } as KindMap['Namespace'];
    this.store.replace('Namespace', this.seal(next), rv);
    return ok(next);
  }

  private finalize<K extends Kind>(kind: K, obj: KindMap[K]): ApiResult<KindMap[K]> {
    const rv = this.store.nextResourceVersion();
    const last = { ...obj, metadata: { ...(obj.metadata as ObjectMeta), resourceVersion: String(rv) } } as KindMap[K];
    this.strategy(kind).release?.(obj, this.ctx());
    this.store.remove(kind, objectKey(obj.metadata?.namespace, obj.metadata?.name ?? ''), this.seal(last), rv);
    return ok(last);
  }

  private uniqueGeneratedName(kind: Kind, namespace: string | undefined, base: string): string {
    for (let i = 0; i < 8; i++) {
      const name = generateName(base, this.rand);
      if (!this.store.get(kind, objectKey(namespace, name))) return name;
    }
    return generateName(base, this.rand);
  }

  private nsFor(kind: Kind, namespace: string | undefined): string | undefined {
    return resourceFor(kind).namespaced ? namespace || 'default' : undefined;
  }

  /**
   * Parses `labelSelector` / `fieldSelector` as the apiserver's list-options decoding does: a parse error (label
   * first, then field syntax, then an unsupported field label) is a 400 BadRequest whose message is the parser's
   * text verbatim, e.g. `unable to parse requirement: found '', expected: identifier`.
   */
  private selectors(kind: Kind, opts: ListOptions): ApiResult<{ label?: LabelSelector; field?: FieldSelector }> {
    let label: LabelSelector | undefined;
    let fieldSel: FieldSelector | undefined;
    if (opts.labelSelector) {
      const p = parseLabelSelector(opts.labelSelector);
      if (!p.ok) return fail(badRequest(p.error));
      if (!p.selector.empty) label = p.selector;
    }
    if (opts.fieldSelector) {
      const p = parseFieldSelector(kind, opts.fieldSelector);
      if (!p.ok) return fail(badRequest(p.error));
      if (!p.selector.empty) fieldSel = p.selector;
    }
    return ok({ label, field: fieldSel });
  }

  /** Whether to keep a handed-over object instead of copying it. */
  private handedOver(opts: Pick<WriteOptions, 'handOver'>): boolean {
    return !!opts.handOver && !this.config.copyHandedOverWrites;
  }

  /**
   * Whether validation is skipped: for the kinds whose strategy `trustsHandOver`, the engine's components
   * build valid objects (from validated templates, Services and pods), so validating what they hand over
   * again is pure cost. `checkHandedOverWrites` (on under the unit tests) validates them anyway, and
   * {@link refused} throws on an invalid one, so every test shows that skipping changes no output.
   */
  private trusted(strategy: Strategy<Kind>, opts: Pick<WriteOptions, 'handOver'>): boolean {
    return !!strategy.trustsHandOver && this.handedOver(opts) && !this.config.checkHandedOverWrites;
  }

  /** 422 Invalid; for a handed-over object of a trusted kind (validated only under the tests) an engine bug, which throws. */
  private refused<K extends Kind>(kind: K, name: string, errs: readonly FieldError[], opts: Pick<WriteOptions, 'handOver'>): ApiResult<KindMap[K]> {
    if (this.strategy(kind).trustsHandOver && this.handedOver(opts)) throw new Error(`the engine handed over an invalid ${kind} "${name}": ${errs.map((e) => e.field).join(', ')}`);
    return fail(invalid(kind, name, errs));
  }

  private seal<T>(obj: T): T {
    return this.config.freezeObjects ? deepFreeze(obj) : obj;
  }
}

const noErrors: readonly FieldError[] = Object.freeze([]);

/**
 * The apiserver's copy of an update's body, without the status the stored object's will replace (kinds with a
 * status subresource): a pod's status is most of its JSON, copied for nothing.
 */
function updateBody<T extends KubeObject>(input: T, statusReplaced: boolean): T {
  if (!statusReplaced) return cloneJson(input);
  const { status: _replaced, ...rest } = input as T & { status?: unknown };
  return cloneJson(rest) as T;
}

/**
 * An update that leaves the spec as stored (labels, annotations, an owner reference: most updates) gets the stored
 * spec object itself: it was defaulted and validated when it was stored, so copying, defaulting and validating an
 * equal copy again would give the same object (true: the spec was kept).
 */
function keepStoredSpec(obj: KubeObject, old: KubeObject): boolean {
  const oldSpec = (old as { spec?: unknown }).spec;
  if (oldSpec === undefined || !deepEqual((obj as { spec?: unknown }).spec, oldSpec)) return false;
  (obj as { spec?: unknown }).spec = oldSpec;
  return true;
}

/** A handed-over value, made to look exactly like the copy the apiserver would otherwise have taken. */
function owned<T>(v: T): T {
  return withoutUndefined(v);
}

function matches(o: KubeObject, label?: LabelSelector, fieldSel?: FieldSelector): boolean {
  if (label && !label.matches(o.metadata?.labels)) return false;
  if (fieldSel && !fieldSel.matches(o)) return false;
  return true;
}

function forbiddenNamespaceTerminating(kind: Kind, name: string, namespace: string): ApiStatus {
  const r = resourceFor(kind);
  return {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    reason: 'Forbidden',
    code: 403,
    message: `${r.resource} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
    details: { name, kind: r.resource },
  };
}

export type { FieldError };
