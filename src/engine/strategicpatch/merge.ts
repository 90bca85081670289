/**
 * Applying a strategic merge patch (`strategicpatch.mergeMap` and friends, apimachinery v0.34): maps merge key by
 * key, `null` deletes, lists with `patchStrategy: merge` merge item by item on their merge key, other lists are
 * replaced; directives `$patch: replace|delete|merge`, `$retainKeys`, `$deleteFromPrimitiveList/<list>` and
 * `$setElementOrder/<list>` are honoured. The server applies patches with `mergeParallelList` and
 * `ignoreUnmatchedNulls`; kubectl's three-way patch computation merges two patches with both off.
 * Works in place on private copies (callers clone first), as the Go code does.
 */
import { goSprint } from '../../shared/goFmt';
import { deepEqualJson, goKind, goScalarEqual, isMap, type JsonMap, PatchError } from './values';
import { lookupPatchMeta, type PatchSchema, splitStrategies } from './patchMeta';
import {
  deduplicateScalars,
  directiveMarker,
  errBadArgType,
  errNoMergeKey,
  findMapByKey,
  normalizeElementOrder,
  partitionByPresence,
  sliceElementKind,
} from './listOrder';

export interface MergeOptions {
  /** Use `$deleteFromPrimitiveList` / `$setElementOrder` lists (server side) instead of carrying them. */
  mergeParallelList: boolean;
  /** Drop `null`s that have nothing to delete (server side) instead of keeping them (patch merging). */
  ignoreUnmatchedNulls: boolean;
}

export const retainKeysDirective = '$retainKeys';
export const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList';
export const setElementOrderPrefix = '$setElementOrder';

const errBadRetainKeys = () => new PatchError('invalid patch format of retainKeys', 'badRequest');
const errBadPrimitiveList = () => new PatchError('invalid patch format of primitive list', 'badRequest');
const errBadSetElementOrder = () => new PatchError('invalid patch format of setElementOrder list', 'badRequest');
const mapType = 'map[string]interface {}';
const sliceType = '[]interface {}';

/** `mergeMap`: merges `patch` into `original` (both mutated) and returns the result. */
export function mergeMap(original: JsonMap | null, patch: JsonMap, schema: PatchSchema, opts: MergeOptions): JsonMap {
  if (Object.hasOwn(patch, directiveMarker)) return handleDirectiveInMergeMap(patch[directiveMarker], patch);
  const orig = original ?? {};
  applyRetainKeysDirective(orig, patch, opts);
  mergePatchIntoOriginal(orig, patch, schema, opts);

  for (const key of Object.keys(patch)) {
    const patchV = patch[key];
    let k = key;
    let isDeleteList = false;
    if (key.startsWith(deleteFromPrimitiveListPrefix)) {
      if (!opts.mergeParallelList) {
        orig[key] = patchV;
        continue;
      }
      k = extractKey(key, deleteFromPrimitiveListPrefix);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete orig[k];
      if (opts.ignoreUnmatchedNulls) continue;
    }
    const takePatch = () => {
      if (isDeleteList) return;
      if (opts.ignoreUnmatchedNulls) discardNullValuesFromPatch(patchV);
      const [v, keep] = removeDirectives(patchV);
      if (keep) orig[k] = v;
      else delete orig[k];
    };
    if (!Object.hasOwn(orig, k)) {
      takePatch();
      continue;
    }
    const ov = orig[k];
    const kind = goKind(ov);
    if (kind !== goKind(patchV)) {
      takePatch();
      continue;
    }
    if (kind === 'map') {
      const { schema: sub, meta } = lookupPatchMeta(schema, k);
      const { strategy } = splitStrategies(meta.strategies);
      orig[k] = strategy !== 'replace' ? mergeMap(ov as JsonMap, patchV as JsonMap, sub, opts) : patchV;
    } else if (kind === 'slice') {
      const { schema: sub, meta } = lookupPatchMeta(schema, k);
      const { strategy } = splitStrategies(meta.strategies);
      orig[k] =
        strategy === 'merge' || isDeleteList
          ? mergeSlice(ov as unknown[], patchV as unknown[], sub, meta.mergeKey, opts, isDeleteList)
          : patchV;
    } else {
      const [v, keep] = removeDirectives(patchV);
      if (keep) orig[k] = v;
      else delete orig[k];
    }
  }
  return orig;
}

/** `handleDirectiveInMergeMap`: `$patch: replace` keeps only the patch, `$patch: delete` empties the map. */
function handleDirectiveInMergeMap(directive: unknown, patch: JsonMap): JsonMap {
  if (directive === 'replace') {
    delete patch[directiveMarker];
    return patch;
  }
  if (directive === 'delete') return {};
  throw errBadPatchType(directive, patch);
}

/** `mergepatch.ErrBadPatchType` */
function errBadPatchType(t: unknown, m: JsonMap): PatchError {
  const show = (v: unknown) => (typeof v === 'string' ? v : String(v));
  return new PatchError(`unknown patch type: ${show(t)} in map: ${goSprint(m)}`);
}

/** `extractKey`: the list name after `$deleteFromPrimitiveList/` or `$setElementOrder/`. */
export function extractKey(s: string, prefix: string): string {
  const i = s.indexOf('/');
  if (i < 0 || s.slice(0, i) !== prefix) {
    if (prefix === deleteFromPrimitiveListPrefix) throw errBadPrimitiveList();
    throw errBadSetElementOrder();
  }
  return s.slice(i + 1);
}

/** `removeDirectives`: strips maps carrying `$patch`; returns [value, keep]. */
export function removeDirectives(obj: unknown): [unknown, boolean] {
  if (obj === null || obj === undefined) return [obj ?? null, true];
  if (Array.isArray(obj)) {
    const out: unknown[] = [];
    for (const v of obj) {
      const [nv, keep] = removeDirectives(v);
      if (keep) out.push(nv);
    }
    return [out, true];
  }
  if (isMap(obj)) {
    if (Object.hasOwn(obj, directiveMarker)) return [null, false];
    for (const k of Object.keys(obj)) {
      const [nv, keep] = removeDirectives(obj[k]);
      if (keep) obj[k] = nv;
      else delete obj[k];
    }
    return [obj, true];
  }
  return [obj, true];
}

/** `discardNullValuesFromPatch` */
function discardNullValuesFromPatch(v: unknown): void {
  if (Array.isArray(v)) for (const x of v) discardNullValuesFromPatch(x);
  else if (isMap(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else discardNullValuesFromPatch(v[k]);
    }
  }
}

/** `applyRetainKeysDirective`: server side, clear every key of `original` not listed in `$retainKeys`. */
function applyRetainKeysDirective(original: JsonMap, patch: JsonMap, opts: MergeOptions): void {
  if (!Object.hasOwn(patch, retainKeysDirective)) return;
  const retain = patch[retainKeysDirective];
  delete patch[retainKeysDirective];
  if (!opts.mergeParallelList) {
    if (Object.hasOwn(original, retainKeysDirective)) {
      if (!deepEqualJson(original[retainKeysDirective], retain)) {
        throw new PatchError(`${goSprint(original[retainKeysDirective])} and ${goSprint(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`);
      }
    } else {
      original[retainKeysDirective] = retain;
    }
    return;
  }
  if (!Array.isArray(retain)) throw errBadRetainKeys();
  const keep = (k: string) => retain.some((x) => x === k);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(deleteFromPrimitiveListPrefix) || k.startsWith(setElementOrderPrefix)) continue;
    if (!keep(k)) throw errBadRetainKeys();
  }
  for (const k of Object.keys(original)) if (!keep(k)) delete original[k];
}

/**
 * `mergePatchIntoOriginal`: handles `$setElementOrder/<list>` together with `<list>`, ordering the merged list by
 * the directive, then the patch, then the live list. Merged lists are removed from `patch`.
 */
function mergePatchIntoOriginal(original: JsonMap, patch: JsonMap, schema: PatchSchema, opts: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(setElementOrderPrefix)) continue;
    const order = patch[key];
    if (!opts.mergeParallelList) {
      if (Object.hasOwn(original, key)) {
        if (!deepEqualJson(original[key], order)) throw errBadSetElementOrder();
      } else {
        original[key] = order;
      }
    }
    delete patch[key];
    if (!Array.isArray(order)) throw errBadArgType(sliceType, order);
    const listKey = extractKey(key, setElementOrderPrefix);
    const foundOriginal = Object.hasOwn(original, listKey);
    const foundPatch = Object.hasOwn(patch, listKey);
    const originalList = original[listKey];
    const patchList = patch[listKey];
    if (foundOriginal && !Array.isArray(originalList)) throw errBadArgType(sliceType, originalList);
    if (foundPatch && !Array.isArray(patchList)) throw errBadArgType(sliceType, patchList);
    const { schema: sub, meta } = lookupPatchMeta(schema, listKey);
    const { strategy } = splitStrategies(meta.strategies);
    validatePatchWithSetOrderList(foundPatch ? (patchList as unknown[]) : undefined, order, meta.mergeKey);

    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = originalList as unknown[];
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList)[0] as unknown[];
    else if (foundOriginal && foundPatch) {
      merged =
        strategy === 'merge'
          ? mergeSlice(originalList as unknown[], patchList as unknown[], sub, meta.mergeKey, opts, false)
          : (patchList as unknown[]);
    } else continue;

    const mergeKey = meta.mergeKey;
    const [patchItems, serverOnly] = partitionByPresence(merged, order, mergeKey);
    const kind = sliceElementKind(foundOriginal ? (originalList as unknown[]) : undefined, foundPatch ? (patchList as unknown[]) : undefined);
    original[listKey] = normalizeElementOrder(patchItems, serverOnly, order, foundOriginal ? (originalList as unknown[]) : undefined, mergeKey, kind);
    delete patch[listKey];
  }
}

/** `validatePatchWithSetOrderList`: the patch list must follow the `$setElementOrder` order. */
function validatePatchWithSetOrderList(patchList: unknown[] | undefined, order: unknown[], mergeKey: string): void {
  if (order.length === 0 || !patchList || patchList.length === 0) return;
  let nonDelete = patchList;
  if (mergeKey) {
    nonDelete = [];
    for (const v of patchList) {
      if (!isMap(v)) throw errBadArgType(mapType, v);
      if (!(Object.hasOwn(v, directiveMarker) && v[directiveMarker] === 'delete')) nonDelete.push(v);
    }
  }
  const keyOf = (v: unknown) => {
    if (!mergeKey) return v;
    if (!isMap(v)) throw errBadArgType(mapType, v);
    if (!Object.hasOwn(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    return v[mergeKey];
  };
  let pi = 0;
  let oi = 0;
  while (pi < nonDelete.length && oi < order.length) {
    const item = nonDelete[pi];
    if (isMap(item) && Object.hasOwn(item, directiveMarker)) {
      pi++;
      continue;
    }
    if (goScalarEqual(keyOf(item), keyOf(order[oi]))) pi++;
    oi++;
  }
  if (pi < nonDelete.length && oi >= order.length) {
    throw new PatchError(`The order in patch list:\n${goSprint(patchList)}\n doesn't match ${setElementOrderPrefix} list:\n${goSprint(order)}\n`);
  }
}

/**
 * `mergeSlice`: merge two lists with the merge strategy (maps by merge key, scalars as a set).
 *
 * Go slices share their backing array: deleting items (`append(s[:i], s[i+1:]...)`) and then appending new ones
 * rewrites the caller's `original` list in place, and `mergePatchIntoOriginal` later orders the result by that
 * rewritten list. To give the same order, `original` (a private copy, with capacity = length as the apiserver's
 * unstructured converter allocates it) is rewritten here the same way.
 */
function mergeSlice(original: unknown[], patch: unknown[], schema: PatchSchema, mergeKey: string, opts: MergeOptions, isDeleteList: boolean): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementKind(original, patch);
  if (kind !== 'map') {
    if (opts.mergeParallelList && isDeleteList) return original.filter((v) => !patch.some((d) => goScalarEqual(d, v)));
    const merged = deduplicateScalars([...original, ...patch]);
    const [patchItems, serverOnly] = partitionByPresence(merged, patch, '');
    return normalizeElementOrder(patchItems, serverOnly, patch, original, '', kind);
  }
  if (!mergeKey) throw new PatchError('cannot merge lists without merge key for struct');
  const special = mergeSliceWithSpecialElements(original, patch, mergeKey);
  let merged: unknown[];
  let orig: unknown[];
  let pat: unknown[] | undefined;
  if (special.replace) {
    orig = special.plain;
    pat = undefined;
    merged = orig;
  } else {
    pat = special.plain;
    merged = mergeSliceWithoutSpecialElements(original, special.length, pat, mergeKey, schema, opts);
    orig = original.slice(0, special.length);
  }
  const [patchItems, serverOnly] = partitionByPresence(merged, pat, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, pat, orig, mergeKey, kind);
}

/**
 * `mergeSliceWithSpecialElements`: `$patch: delete` items remove every live item with that key (shifting the
 * backing array left, so `buf` keeps its length and its tail is stale); `$patch: replace` makes the patch the list.
 */
function mergeSliceWithSpecialElements(buf: unknown[], patch: unknown[], mergeKey: string): { length: number; plain: unknown[]; replace: boolean } {
  const plain: unknown[] = [];
  let replace = false;
  let len = buf.length;
  for (const v of patch) {
    const m = v as JsonMap;
    if (!Object.hasOwn(m, directiveMarker)) {
      plain.push(v);
      continue;
    }
    const t = m[directiveMarker];
    if (t === 'delete') {
      if (!Object.hasOwn(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
      for (;;) {
        const found = findMapByKey(buf.slice(0, len), mergeKey, m[mergeKey]);
        if (!found) break;
        for (let j = found.index; j < len - 1; j++) buf[j] = buf[j + 1];
        len--;
      }
    } else if (t === 'replace') {
      replace = true;
    } else if (t === 'merge') {
      throw new PatchError('merging lists cannot yet be specified in the patch');
    } else {
      throw errBadPatchType(t, m);
    }
  }
  return { length: len, plain, replace };
}

/**
 * `mergeSliceWithoutSpecialElements`: items whose merge key is live merge into that item, others are appended —
 * into the spare room of `buf` first (as Go's append does), then into a new array.
 */
function mergeSliceWithoutSpecialElements(buf: unknown[], length: number, patch: unknown[], mergeKey: string, schema: PatchSchema, opts: MergeOptions): unknown[] {
  let len = length;
  let fresh: unknown[] | undefined;
  for (const v of patch) {
    const m = v as JsonMap;
    if (!Object.hasOwn(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
    const cur = fresh ?? buf.slice(0, len);
    const found = findMapByKey(cur, mergeKey, m[mergeKey]);
    if (found) {
      const mergedItem = mergeMap(found.map, m, schema, opts);
      if (fresh) fresh[found.index] = mergedItem;
      else buf[found.index] = mergedItem;
    } else if (fresh) {
      fresh.push(v);
    } else if (len < buf.length) {
      buf[len++] = v;
    } else {
      fresh = [...buf.slice(0, len), v];
    }
  }
  return fresh ?? buf.slice(0, len);
}
