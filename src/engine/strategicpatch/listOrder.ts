/**
 * List helpers of apimachinery `strategicpatch/patch.go` (v0.34): finding items by merge key, partitioning
 * merged lists into patch items and server-only items, and the element-order rules (`$setElementOrder` >
 * order in the patch > order in the live list). Ported step by step: the exact order of a merged
 * `containers` or `ports` list is visible in `kubectl get -o yaml`.
 */
import { goStableSort } from '../../shared/goSort';
import { goSprint } from '../../shared/goFmt';
import { type GoKind, goKind, goScalarEqual, goTypeName, isMap, type JsonMap, PatchError } from './values';

export const directiveMarker = '$patch';

/** `mergepatch.ErrNoMergeKey`. */
export function errNoMergeKey(m: JsonMap, key: string): PatchError {
  return new PatchError(`map: ${goSprint(m)} does not contain declared merge key: ${key}`);
}

/** `mergepatch.ErrBadArgType`; `expected` names the wanted Go type. */
export function errBadArgType(expected: string, actual: unknown): PatchError {
  return new PatchError(`expected a ${expected}, but received a ${goTypeName(actual)}`);
}

/** `findMapInSliceBasedOnKeyValue`: the first map whose `key` equals `value`. */
export function findMapByKey(list: readonly unknown[], key: string, value: unknown): { map: JsonMap; index: number } | undefined {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!isMap(v)) throw new PatchError(`value for key ${i} is not a map`);
    if (Object.hasOwn(v, key) && goScalarEqual(v[key], value)) return { map: v, index: i };
  }
  return undefined;
}

/** `index`: position of `item` in `list`, by merge key for maps, by value otherwise. */
function indexOf(list: readonly unknown[], item: unknown, mergeKey: string, kind: GoKind): number {
  const val = (x: unknown) => (kind === 'map' ? (isMap(x) ? x[mergeKey] : undefined) : x);
  const want = val(item);
  for (let i = 0; i < list.length; i++) if (goScalarEqual(want, val(list[i]))) return i;
  return -1;
}

/** `validateMergeKeyInLists` */
function validateMergeKeys(mergeKey: string, ...lists: (readonly unknown[] | undefined)[]): void {
  for (const list of lists) {
    for (const item of list ?? []) {
      if (!isMap(item)) throw errBadArgType('map[string]interface {}', item);
      if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

/** `extractToDeleteItems`: items without and with `$patch: delete`. */
export function extractToDeleteItems(list: readonly unknown[]): [unknown[], unknown[]] {
  const keep: unknown[] = [];
  const del: unknown[] = [];
  for (const v of list) {
    if (!isMap(v)) throw errBadArgType('map[string]interface {}', v);
    if (Object.hasOwn(v, directiveMarker) && v[directiveMarker] === 'delete') del.push(v);
    else keep.push(v);
  }
  return [keep, del];
}

/** `normalizeSliceOrder`: sort `toSort` by its position in `order`; delete directives go last. */
export function normalizeSliceOrder(toSort: unknown[], order: readonly unknown[] | undefined, mergeKey: string, kind: GoKind): unknown[] {
  let items = toSort;
  let toDelete: unknown[] = [];
  if (kind === 'map') {
    validateMergeKeys(mergeKey, toSort, order);
    [items, toDelete] = extractToDeleteItems(toSort);
  }
  const ord = order ?? [];
  goStableSort(items, (a, b) => {
    const ia = indexOf(ord, a, mergeKey, kind);
    if (ia >= 0) {
      const ib = indexOf(ord, b, mergeKey, kind);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return [...items, ...toDelete];
}

/** `mergeSortedSlice`: interleave server-only items into the patch items, by the live order when both are known. */
function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: readonly unknown[], mergeKey: string, kind: GoKind): unknown[] {
  const size = left.length + right.length;
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; k < size; k++) {
    if (i >= left.length && j < right.length) out.push(right[j++]);
    else if (j >= right.length && i < left.length) out.push(left[i++]);
    else {
      const li = indexOf(serverOrder, left[i], mergeKey, kind);
      const ri = indexOf(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** `normalizeElementOrder` */
export function normalizeElementOrder(
  patch: unknown[],
  serverOnly: unknown[],
  patchOrder: readonly unknown[] | undefined,
  serverOrder: readonly unknown[] | undefined,
  mergeKey: string,
  kind: GoKind,
): unknown[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(s, p, serverOrder ?? [], mergeKey, kind);
}

/** `partitionPrimitivesByPresentInList` / `partitionMapsByPresentInList`: [in the patch, server only]. */
export function partitionByPresence(merged: readonly unknown[], partitionBy: readonly unknown[] | undefined, mergeKey: string): [unknown[], unknown[]] {
  const inPatch: unknown[] = [];
  const serverOnly: unknown[] = [];
  const by = partitionBy ?? [];
  for (const v of merged) {
    let found: boolean;
    if (mergeKey === '') {
      found = by.some((x) => goScalarEqual(x, v));
    } else {
      if (!isMap(v)) throw errBadArgType('map[string]interface {}', v);
      if (!Object.hasOwn(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
      found = findMapByKey(by, mergeKey, v[mergeKey]) !== undefined;
    }
    (found ? inPatch : serverOnly).push(v);
  }
  return [inPatch, serverOnly];
}

/** `sliceElementType`: the one element kind of all given lists; lists of lists are refused. */
export function sliceElementKind(...lists: (readonly unknown[] | undefined)[]): GoKind {
  let prev: GoKind | undefined;
  for (const list of lists) {
    for (const v of list ?? []) {
      const k = goKind(v);
      if (prev === undefined) {
        prev = k;
        if (prev === 'slice') throw new PatchError('lists of lists are not supported', 'invalid');
      } else if (prev !== k) {
        throw new PatchError(`list element types are not identical: [${lists.map((l) => goSprint(l ?? null)).join(' ')}]`);
      }
    }
  }
  if (prev === undefined) throw new PatchError('no elements in any of the given slices');
  return prev;
}

/** `deduplicateScalars`, including its habit of moving the last element into a duplicate's place. */
export function deduplicateScalars(input: unknown[]): unknown[] {
  const s = [...input];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (goScalarEqual(s[i], s[j])) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** `sortScalars`: by `%v` text. */
export function sortScalars(s: unknown[]): unknown[] {
  return s.sort((a, b) => {
    const x = goSprint(a);
    const y = goSprint(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** `sortMapsBasedOnField`: maps ordered by the `%v` text of one field. */
export function sortMapsByField(s: unknown[], field: string): unknown[] {
  return [...s].sort((a, b) => {
    const x = goSprint((a as JsonMap)[field]);
    const y = goSprint((b as JsonMap)[field]);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
