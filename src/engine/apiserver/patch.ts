/**
 * PATCH as the apiserver serves it (`k8s.io/apiserver` v0.34 `pkg/endpoints/handlers/patch.go`): the patch is
 * applied to the live object — JSON merge patch (RFC 7386, evanphx/json-patch v4 `MergePatch`), JSON patch
 * (RFC 6902) or strategic merge patch — then the result goes through the normal update path, so defaulting,
 * validation, conflicts and no-op detection are the same as for PUT. Errors are the Status the apiserver sends.
 */
import type { ApiResult, ApiStatus } from '../api/status';
import { badRequest, fail } from '../api/status';
import { resourceFor } from '../api/resources';
import type { Kind, KindMap } from '../api/types';
import { decodeError, withoutUnknownFields } from './decode';
import { type FieldValidationOptions, validatePatchedFields } from './fieldValidation';
import type { ApiServer, WriteOptions } from './apiServer';
import { applyJsonPatch, decodeJsonPatch, jsonTypeName } from './jsonPatch';
import { mergeMap } from '../strategicpatch/merge';
import { patchSchemaFor } from '../strategicpatch/patchMeta';
import { cloneValue, isMap, type JsonMap, PatchError } from '../strategicpatch/values';
import { goJsonMarshal } from '../../shared/goJson';
import { goQuote } from '../../shared/goQuote';

export type PatchType = 'merge' | 'strategic' | 'json';

export interface PatchOptions extends WriteOptions, FieldValidationOptions {
  /** `status`: patch only the status; `ephemeralcontainers` (pods): only `spec.ephemeralContainers`. */
  subresource?: 'status' | 'ephemeralcontainers';
}

/** `errors.NewGenericServerResponse(422, ...)`: the library's own message is replaced by a generic one. */
function genericInvalid(): ApiStatus {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    message: 'the server rejected our request due to an error in our request',
    reason: 'Invalid',
    code: 422,
    details: {},
  };
}

/** A subresource the kind does not have: the apiserver has no such route (404 with empty details). */
function noSuchSubresource(): ApiStatus {
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404, details: {} };
}

/** A plain (non-Status) error: the apiserver answers 500 with an empty reason and the error text. */
function unknownError(message: string): ApiStatus {
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason: '', code: 500 };
}

/**
 * `errors.NewInvalid(schema.GroupKind{}, "", {patch: Invalid value: <json>: <err>})` when the patched document is
 * not an object (an array merge patch). The decoder's wording is reproduced from memory [U].
 */
function undecodable(patched: unknown, err: string): ApiStatus {
  const text = `patch: Invalid value: ${goQuote(goJsonMarshal(patched))}: ${err}`;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    message: ` "" is invalid: ${text}`,
    reason: 'Invalid',
    code: 422,
    details: { causes: [{ reason: 'FieldValueInvalid', message: text.slice('patch: '.length), field: 'patch' }] },
  };
}

function patchErrorStatus(e: PatchError): ApiStatus {
  if (e.kind === 'badRequest') return badRequest(e.message);
  if (e.kind === 'invalid') return genericInvalid();
  return unknownError(e.message);
}

/**
 * RFC 7386 JSON merge patch as evanphx/json-patch v4 applies it: objects merge recursively, `null` deletes,
 * anything else replaces; nulls inside newly added objects are dropped.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return pruneNulls(cloneValue(patch));
  const base: JsonMap = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete base[k];
    else base[k] = isMap(base[k]) && isMap(v) ? mergePatch(base[k], v) : pruneNulls(cloneValue(v));
  }
  return base;
}

/**
 * Removes null members of objects, at any depth (what decoding into typed Go structs amounts to). Copies on
 * write: parts shared with the stored object are never modified.
 */
function pruneNulls<T>(v: T): T {
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    v.forEach((x, i) => {
      const y = pruneNulls(x);
      if (y !== x) {
        out ??= [...v];
        out[i] = y;
      }
    });
    return (out ?? v) as T;
  }
  if (isMap(v)) {
    let out: Record<string, unknown> | undefined;
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (x === null) {
        out ??= { ...v };
        delete out[k];
        continue;
      }
      const y = pruneNulls(x);
      if (y !== x) {
        out ??= { ...v };
        out[k] = y;
      }
    }
    return (out ?? v) as T;
  }
  return v;
}

/** Server-side strategic merge patch of a `kind` object (`StrategicMergeMapPatch`); inputs are not modified. */
export function strategicMergePatch(kind: Kind, original: unknown, patch: JsonMap | null): JsonMap {
  const orig = isMap(original) ? cloneValue(original) : {};
  return mergeMap(orig, cloneValue(patch ?? {}), patchSchemaFor(kind), { mergeParallelList: true, ignoreUnmatchedNulls: true });
}

/** The object a patch of `type` makes of `live`, or the Status the apiserver would answer. */
export function applyPatch(kind: Kind, live: unknown, type: PatchType, patch: unknown): ApiResult<JsonMap> {
  let patched: unknown;
  if (type === 'json') {
    const ops = decodeJsonPatch(patch);
    if (!ops.ok) return fail(badRequest(ops.error));
    const r = applyJsonPatch(cloneValue(live) as JsonMap, ops.value);
    if (!r.ok) return fail(genericInvalid());
    patched = r.value;
  } else if (type === 'merge') {
    // evanphx MergePatch: a null or scalar patch is ErrBadJSONPatch; an array patch replaces the document
    if (patch === null || patch === undefined || (!isMap(patch) && !Array.isArray(patch))) return fail(badRequest('Invalid JSON Patch'));
    patched = mergePatch(live, patch);
  } else {
    if (patch !== null && patch !== undefined && !isMap(patch)) {
      return fail(badRequest(`json: cannot unmarshal ${jsonTypeName(patch)} into Go value of type map[string]interface {}`));
    }
    try {
      patched = strategicMergePatch(kind, live, (patch ?? null) as JsonMap | null);
    } catch (e) {
      if (e instanceof PatchError) return fail(patchErrorStatus(e));
      throw e;
    }
  }
  if (!isMap(patched)) {
    return fail(undecodable(patched, `json: cannot unmarshal ${jsonTypeName(patched)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`));
  }
  return { ok: true, value: pruneNulls(patched) };
}

/**
 * `kubectl patch` against the simulated apiserver: reads the live object, applies the patch, checks that name and
 * namespace were not changed (`checkName`), then updates through the normal path (validation, conflicts, no-op).
 */
export function patchObject<K extends Kind>(
  api: ApiServer,
  kind: K,
  namespace: string | undefined,
  name: string,
  type: PatchType,
  patch: unknown,
  opts: PatchOptions = {},
): ApiResult<KindMap[K]> {
  const live = api.get(kind, namespace, name);
  if (!live.ok) return live;
  const patched = applyPatch(kind, live.value, type, patch);
  if (!patched.ok) return patched;
  const meta = isMap(patched.value.metadata) ? patched.value.metadata : {};
  const objName = typeof meta.name === 'string' ? meta.name : '';
  if (objName !== name) return fail(badRequest(`the name of the object (${objName}) does not match the name on the URL (${name})`));
  const ns = resourceFor(kind).namespaced ? (live.value.metadata?.namespace ?? '') : '';
  const objNs = typeof meta.namespace === 'string' ? meta.namespace : '';
  if (ns && objNs && objNs !== ns) {
    return fail(badRequest(`the namespace of the object (${objNs}) does not match the namespace on the request (${ns})`));
  }
  // the patched object is decoded into the kind's types like any request body
  const undecodable = decodeError(kind, patched.value);
  if (undecodable) return fail(undecodable);
  const unknown = validatePatchedFields(kind, patched.value, patch, opts.fieldValidation ?? 'Warn', opts.warnings);
  if (unknown) return fail(unknown);
  const obj = withoutUnknownFields(kind, patched.value) as unknown as KindMap[K];
  if (opts.subresource === 'status') return api.updateStatus(kind, obj);
  if (opts.subresource === 'ephemeralcontainers') {
    if (kind !== 'Pod') return fail(noSuchSubresource());
    return api.updateEphemeralContainers(obj as KindMap['Pod'], { dryRun: opts.dryRun }) as ApiResult<KindMap[K]>;
  }
  return api.update(kind, obj, { dryRun: opts.dryRun });
}
