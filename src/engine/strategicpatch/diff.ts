/**
 * Computing strategic merge patches (apimachinery v0.34 `strategicpatch.diffMaps`, `diffLists`,
 * `CreateTwoWayMergePatch`, `CreateThreeWayMergePatch`), as kubectl does client-side for `kubectl apply`:
 * changed and added fields, `null` for removed map fields, `$patch: delete` items and
 * `$deleteFromPrimitiveList` for merge lists, `$setElementOrder` lists and `$retainKeys`.
 */
import { lookupPatchMeta, type PatchSchema, splitStrategies } from './patchMeta';
import { deduplicateScalars, directiveMarker, errBadArgType, errNoMergeKey, normalizeSliceOrder, sliceElementKind, sortMapsByField, sortScalars } from './listOrder';
import { deleteFromPrimitiveListPrefix, mergeMap, retainKeysDirective, setElementOrderPrefix } from './merge';
import { goSprint } from '../../shared/goFmt';
import { cloneValue, deepEqualJson, goKind, isMap, type JsonMap, PatchError } from './values';

export interface DiffOptions {
  setElementOrder?: boolean;
  ignoreChangesAndAdditions?: boolean;
  ignoreDeletions?: boolean;
  buildRetainKeysDirective?: boolean;
}

/** `diffMaps`: a patch that turns `original` into `modified`. */
export function diffMaps(original: JsonMap, modified: JsonMap, schema: PatchSchema, opts: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  const retainKeys: string[] = [];
  for (const [key, mv] of Object.entries(modified)) {
    if (opts.buildRetainKeysDirective && mv !== null) retainKeys.push(key);
    if (!Object.hasOwn(original, key)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    const ov = original[key];
    if (key === directiveMarker) {
      if (typeof ov !== 'string' || typeof mv !== 'string') throw new PatchError(`invalid value for special key: ${directiveMarker}`);
      if (ov !== mv) patch[directiveMarker] = mv;
      continue;
    }
    if (goKind(ov) !== goKind(mv)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    if (isMap(ov)) handleMapDiff(key, ov, mv as JsonMap, patch, schema, opts);
    else if (Array.isArray(ov)) handleSliceDiff(key, ov, mv as unknown[], patch, schema, opts);
    else if (!opts.ignoreChangesAndAdditions && !deepEqualJson(ov, mv)) patch[key] = mv;
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!Object.hasOwn(modified, key)) patch[key] = null;
  }
  // $retainKeys goes in when the patch is not empty or original has a field to clear
  const hasAdditionalNewField = Object.keys(original).some((k) => original[k] !== null && !Object.hasOwn(modified, k));
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField)) {
    patch[retainKeysDirective] = sortScalars(retainKeys);
  }
  return patch;
}

function handleMapDiff(key: string, ov: JsonMap, mv: JsonMap, patch: JsonMap, schema: PatchSchema, opts: DiffOptions): void {
  const { schema: sub, meta } = lookupPatchMeta(schema, key);
  const { retainKeys, strategy } = splitStrategies(meta.strategies);
  const subOpts = { ...opts, buildRetainKeysDirective: retainKeys };
  if (strategy === 'replace') {
    if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
    return;
  }
  const p = diffMaps(ov, mv, sub, subOpts);
  if (Object.keys(p).length > 0) patch[key] = p;
}

function handleSliceDiff(key: string, ov: unknown[], mv: unknown[], patch: JsonMap, schema: PatchSchema, opts: DiffOptions): void {
  const { schema: sub, meta } = lookupPatchMeta(schema, key);
  const { retainKeys, strategy } = splitStrategies(meta.strategies);
  if (strategy !== 'merge') {
    if (!opts.ignoreChangesAndAdditions && !deepEqualJson(ov, mv)) patch[key] = mv;
    return;
  }
  const { add, del, order } = diffLists(ov, mv, sub, meta.mergeKey, { ...opts, buildRetainKeysDirective: retainKeys });
  if (add.length > 0) patch[key] = add;
  if (del.length > 0) patch[`${deleteFromPrimitiveListPrefix}/${key}`] = del;
  if (order.length > 0) patch[`${setElementOrderPrefix}/${key}`] = order;
}

/** `diffLists`: additions and changes, primitive deletions, and the `$setElementOrder` list. */
function diffLists(original: unknown[], modified: unknown[], schema: PatchSchema, mergeKey: string, opts: DiffOptions): { add: unknown[]; del: unknown[]; order: unknown[] } {
  if (original.length === 0) {
    if (modified.length === 0 || opts.ignoreChangesAndAdditions) return { add: [], del: [], order: [] };
    return { add: modified, del: [], order: [] };
  }
  const kind = sliceElementKind(original, modified);
  if (kind === 'slice') throw new PatchError('lists of lists are not supported', 'invalid');
  if (kind === 'map') {
    const [changes, deletions] = diffListsOfMaps(original, modified, schema, mergeKey, opts);
    const add = [...normalizeSliceOrder(changes, modified, mergeKey, kind), ...deletions];
    const orderSame = isOrderSame(original, modified, mergeKey);
    let order: unknown[] = [];
    if (opts.setElementOrder && ((!opts.ignoreChangesAndAdditions && (add.length > 0 || !orderSame)) || (!opts.ignoreDeletions && add.length > 0))) {
      order = modified.map((v) => ({ [mergeKey]: (v as JsonMap)[mergeKey] }));
    }
    return { add, del: [], order };
  }
  const [added, del] = diffListsOfScalars(original, modified, opts);
  const add = normalizeSliceOrder(added, modified, mergeKey, kind);
  // Go sorts `original` in place while diffing, so an unsorted but unchanged list still counts as reordered
  const sortedOriginal = sortScalars([...original]);
  let order: unknown[] = [];
  if (opts.setElementOrder && ((!opts.ignoreDeletions && del.length > 0) || (!opts.ignoreChangesAndAdditions && !deepEqualJson(sortedOriginal, modified)))) {
    order = modified;
  }
  return { add, del, order };
}

function mergeKeyValue(v: unknown, mergeKey: string): unknown {
  if (!isMap(v)) throw errBadArgType('map[string]interface {}', v);
  if (!Object.hasOwn(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
  return v[mergeKey];
}

function isOrderSame(original: unknown[], modified: unknown[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  return modified.every((m, i) => mergeKeyValue(original[i], mergeKey) === mergeKeyValue(m, mergeKey));
}

/** `diffListsOfScalars`: walk both lists sorted by `%v` text. */
function diffListsOfScalars(original: unknown[], modified: unknown[], opts: DiffOptions): [unknown[], unknown[]] {
  const o = sortScalars([...original]);
  const m = sortScalars([...modified]);
  const add: unknown[] = [];
  const del: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const os = i < o.length ? goSprint(o[i]) : undefined;
    const ms = j < m.length ? goSprint(m[j]) : undefined;
    if (os !== undefined && ms !== undefined && os === ms) {
      i++;
      j++;
    } else if (os === undefined || (ms !== undefined && os > ms)) {
      if (!opts.ignoreChangesAndAdditions) add.push(m[j]);
      j++;
    } else {
      if (!opts.ignoreDeletions) del.push(o[i]);
      i++;
    }
  }
  return [add, deduplicateScalars(del)];
}

/** `diffListsOfMaps`: walk both lists sorted by merge key; recurse into items present in both. */
function diffListsOfMaps(original: unknown[], modified: unknown[], schema: PatchSchema, mergeKey: string, opts: DiffOptions): [unknown[], unknown[]] {
  const patch: unknown[] = [];
  const deletions: unknown[] = [];
  for (const v of [...original, ...modified]) mergeKeyValue(v, mergeKey);
  const o = sortMapsByField(original, mergeKey) as JsonMap[];
  const m = sortMapsByField(modified, mergeKey) as JsonMap[];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const os = i < o.length ? goSprint(o[i][mergeKey]) : undefined;
    const ms = j < m.length ? goSprint(m[j][mergeKey]) : undefined;
    if (os !== undefined && ms !== undefined && os === ms) {
      const p = diffMaps(o[i], m[j], schema, opts);
      if (Object.keys(p).length > 0) {
        p[mergeKey] = m[j][mergeKey];
        patch.push(p);
      }
      i++;
      j++;
    } else if (os === undefined || (ms !== undefined && os > ms)) {
      if (!opts.ignoreChangesAndAdditions) patch.push(m[j]);
      j++;
    } else {
      if (!opts.ignoreDeletions) deletions.push({ [mergeKey]: o[i][mergeKey], [directiveMarker]: 'delete' });
      i++;
    }
  }
  return [patch, deletions];
}

/** `CreateTwoWayMergePatch` on decoded JSON: the patch that turns `original` into `modified`. */
export function createTwoWayMergePatch(original: JsonMap, modified: JsonMap, schema: PatchSchema): JsonMap {
  return diffMaps(cloneValue(original), cloneValue(modified), schema, { setElementOrder: true });
}

/**
 * `CreateThreeWayMergePatch` with overwrite (kubectl apply's default): the changes from `current` (live) to
 * `modified` (the new manifest) without deletions, plus the deletions from `original` (last applied) to
 * `modified`. An empty result means kubectl prints `unchanged` and sends nothing.
 */
export function createThreeWayMergePatch(original: JsonMap | undefined, modified: JsonMap, current: JsonMap, schema: PatchSchema): JsonMap {
  const delta = diffMaps(cloneValue(current), cloneValue(modified), schema, { ignoreDeletions: true, setElementOrder: true });
  const deletions = diffMaps(cloneValue(original ?? {}), cloneValue(modified), schema, { setElementOrder: true, ignoreChangesAndAdditions: true });
  return mergeMap(deletions, delta, schema, { mergeParallelList: false, ignoreUnmatchedNulls: false });
}
