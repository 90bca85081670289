/**
 * Client-side `kubectl apply` for one object (kubectl v0.34 `pkg/cmd/apply/apply.go` + `patcher.go`): create it
 * with the last-applied-configuration annotation when absent; otherwise compute the three-way strategic merge
 * patch (last applied ↔ new manifest ↔ live object) and send it as a PATCH. Fields set by the system (defaults,
 * allocated IPs, status) survive because they are in neither manifest; fields dropped from the manifest are
 * deleted because they are in the last-applied one. An empty patch is `unchanged` and sends nothing.
 */
import { goJsonMarshal } from '../shared/goJson';
import { kindFromManifest, resourceFor } from './api/resources';
import { type ApiResult, badRequest, fail, ok } from './api/status';
import type { Kind, KindMap } from './api/types';
import type { ApiServer } from './apiserver/apiServer';
import { withoutUnknownFields } from './apiserver/decode';
import { type FieldValidationOptions, validateBodyFields } from './apiserver/fieldValidation';
import { patchObject } from './apiserver/patch';
import { createThreeWayMergePatch } from './strategicpatch/diff';
import { mergeMap } from './strategicpatch/merge';
import { opaque, patchSchemaFor } from './strategicpatch/patchMeta';
import { cloneValue, isMap, type JsonMap, PatchError } from './strategicpatch/values';

/** `corev1.LastAppliedConfigAnnotation` */
export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

export interface ApplyOutcome<K extends Kind> {
  object: KindMap[K];
  /** The word kubectl prints: `created`, `configured` or `unchanged`. */
  result: 'created' | 'configured' | 'unchanged';
  /** The strategic merge patch computed for an existing object (`{}` when unchanged). */
  patch?: JsonMap;
  /** Lines kubectl writes to stderr for this object, each ending in a newline. */
  warnings: string[];
}

export interface ApplyOptions extends FieldValidationOptions {
  /** `--dry-run=server` (`true` or `'server'`): everything but the write; `--dry-run=client`: no server call at all. */
  dryRun?: boolean | 'server' | 'client';
}

/**
 * `util.GetModifiedConfiguration(obj, false, unstructured.UnstructuredJSONScheme)`: the object without its
 * last-applied annotation, as Go's json.Encoder writes it — keys sorted, compact, a trailing newline. The
 * annotations map is left in place even when empty, hence the familiar `"metadata":{"annotations":{},...}`.
 */
export function lastAppliedConfiguration(obj: unknown): string {
  const copy = cloneValue(isMap(obj) ? obj : {});
  const meta = isMap(copy.metadata) ? copy.metadata : {};
  const annotations = isMap(meta.annotations) ? { ...meta.annotations } : {};
  delete annotations[lastAppliedAnnotation];
  copy.metadata = { ...meta, annotations };
  return `${goJsonMarshal(copy)}\n`;
}

/** The manifest with the annotation embedded (`GetModifiedConfiguration(obj, true, ...)`). */
function withAnnotation(obj: JsonMap, annotation: string): JsonMap {
  const meta = isMap(obj.metadata) ? obj.metadata : {};
  const annotations = { ...(isMap(meta.annotations) ? meta.annotations : {}), [lastAppliedAnnotation]: annotation };
  return { ...obj, metadata: { ...meta, annotations } };
}

/** kubectl's `pruneNullsFromMap`, run on a manifest before it is created. */
function pruneNulls(v: unknown): void {
  if (Array.isArray(v)) for (const x of v) pruneNulls(x);
  else if (isMap(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else pruneNulls(v[k]);
    }
  }
}

function parseLastApplied(text: string | undefined): JsonMap | undefined {
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return isMap(v) ? v : undefined;
  } catch {
    // kubectl would fail with "invalid JSON document"; treating it as absent only loses deletions
    return undefined;
  }
}

/**
 * The object an apply of `desired` makes of `live`: the three-way patch (see `createThreeWayMergePatch`) applied
 * to `live` with strategic merge semantics for `kind` (taken from `desired` when not given).
 */
export function threeWayMerge(lastApplied: unknown, desired: unknown, live: unknown, kind?: Kind): unknown {
  const d = isMap(desired) ? desired : {};
  const k = kind ?? kindFromManifest(d.apiVersion as string | undefined, d.kind as string | undefined);
  const schema = k ? patchSchemaFor(k) : opaque;
  const patch = createThreeWayMergePatch(isMap(lastApplied) ? lastApplied : undefined, d, isMap(live) ? live : {}, schema);
  return mergeMap(cloneValue(isMap(live) ? live : {}), patch, schema, { mergeParallelList: true, ignoreUnmatchedNulls: true });
}

/** `kubectl apply` of one object: `created`, `configured` or `unchanged`, as kubectl decides it. */
export function applyObject<K extends Kind>(api: ApiServer, kind: K, input: KindMap[K], opts: ApplyOptions = {}): ApiResult<ApplyOutcome<K>> {
  const dryRun = opts.dryRun === 'client' ? 'client' : opts.dryRun ? 'server' : undefined;
  const obj = cloneValue(input as unknown as JsonMap);
  const meta: JsonMap = isMap(obj.metadata) ? { ...obj.metadata } : {};
  // kubectl sets the request namespace on namespaced objects before anything is computed
  if (resourceFor(kind).namespaced && !meta.namespace) meta.namespace = 'default';
  obj.metadata = meta;
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (!name && typeof meta.generateName === 'string' && meta.generateName) {
    return fail(badRequest(`from ${meta.generateName}: cannot use generate name with apply`));
  }
  const annotation = lastAppliedConfiguration(obj);
  const modified = withAnnotation(obj, annotation);
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : undefined;

  const live = api.get(kind, namespace, name);
  if (!live.ok) {
    if (live.status.reason !== 'NotFound') return live;
    const toCreate = cloneValue(modified);
    pruneNulls(toCreate);
    if (dryRun === 'client') return ok({ object: toCreate as unknown as KindMap[K], result: 'created', warnings: [] });
    const unknown = validateBodyFields(kind, toCreate, opts.fieldValidation ?? 'Warn', opts.warnings);
    if (unknown) return fail(unknown);
    const created = api.create(kind, withoutUnknownFields(kind, toCreate) as unknown as KindMap[K], { dryRun: dryRun === 'server' });
    return created.ok ? ok({ object: created.value, result: 'created', warnings: [] }) : created;
  }

  // --dry-run=client never asks the server for a patch: an existing object is always "configured"
  if (dryRun === 'client') return ok({ object: live.value, result: 'configured', warnings: [] });

  const warnings: string[] = [];
  const liveAnnotations = live.value.metadata?.annotations ?? {};
  if (!Object.hasOwn(liveAnnotations, lastAppliedAnnotation)) {
    const res = `${resourceFor(kind).resource}/${name}`;
    warnings.push(
      `Warning: resource ${res} is missing the ${lastAppliedAnnotation} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  let patch: JsonMap;
  try {
    patch = createThreeWayMergePatch(parseLastApplied(liveAnnotations[lastAppliedAnnotation]), modified, live.value as unknown as JsonMap, patchSchemaFor(kind));
  } catch (e) {
    if (e instanceof PatchError) return fail(badRequest(e.message));
    throw e;
  }
  let object = live.value;
  if (Object.keys(patch).length > 0) {
    const patched = patchObject(api, kind, namespace, name, 'strategic', patch, {
      dryRun: dryRun === 'server',
      fieldValidation: opts.fieldValidation,
      warnings: opts.warnings,
    });
    if (!patched.ok) return patched;
    object = patched.value;
  }
  if (object.metadata?.deletionTimestamp) {
    warnings.push(`Warning: Detected changes to resource ${name} which is currently being deleted.\n`);
  }
  // kubectl decides on the patch alone: a non-empty patch is "configured" even if the server changed nothing
  return ok({ object, result: Object.keys(patch).length > 0 ? 'configured' : 'unchanged', patch, warnings });
}
