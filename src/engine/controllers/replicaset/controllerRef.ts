/**
 * Controller references and the indexes that make them cheap to follow (`metav1.GetControllerOf`,
 * `metav1.NewControllerRef`, and the informer indexes of `pkg/controller/controller_utils.go`:
 * `PodControllerUIDIndex` with its orphan key per namespace). The deployment and replicaset controllers share
 * them, so a sync reads only the objects it owns plus the orphans of its namespace, never the whole cluster.
 */
import { objectKey } from '../../api/resources';
import type { Kind, KindMap, KubeObject, LabelSelector as ApiLabelSelector, OwnerReference } from '../../api/types';
import { type LabelSelector, selectorFromApi, selectorFromSet } from '../../store/labelSelector';
import { byteCompare, type IndexFn, type ObjectStore } from '../../store/objectStore';

/** The owner reference with `controller: true`, if any. */
export function getControllerOf(obj: KubeObject | undefined): OwnerReference | undefined {
  return obj?.metadata?.ownerReferences?.find((r) => r.controller === true);
}

/** `metav1.NewControllerRef`: the reference a controller puts on what it creates. */
export function newControllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return {
    apiVersion,
    kind,
    name: owner.metadata?.name ?? '',
    uid: owner.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * `resolveControllerRef`: the object of `kind` that the controller reference of `obj` names, when it is still
 * that object (same uid), else undefined.
 */
export function resolveControllerRef<K extends Kind>(store: ObjectStore, kind: K, obj: KubeObject): KindMap[K] | undefined {
  const ref = getControllerOf(obj);
  if (ref?.kind !== kind) return undefined;
  const owner = store.get(kind, objectKey(obj.metadata?.namespace, ref.name));
  return owner && owner.metadata?.uid === ref.uid ? owner : undefined;
}

/** Index name: objects by their controller's uid, orphans under {@link orphanIndexKey}. */
export const controllerUidIndex = 'workload/controllerUid';

/** The index value orphans of a namespace are found under (`OrphanPodIndexKeyForNamespace`). */
export function orphanIndexKey(namespace: string | undefined): string {
  return `orphan/${namespace ?? ''}`;
}

const controllerUidValues: IndexFn = (obj) => {
  const ref = getControllerOf(obj);
  return ref?.uid ? [ref.uid] : [orphanIndexKey(obj.metadata?.namespace)];
};

/** Index name: orphans (no controller) by each of their `namespace/key=value` labels. */
export const orphanLabelsIndex = 'workload/orphanLabels';

const orphanLabelValues: IndexFn = (obj) => {
  if (getControllerOf(obj)) return [];
  const ns = obj.metadata?.namespace ?? '';
  const labels = obj.metadata?.labels;
  if (!labels) return [];
  return Object.keys(labels).map((k) => `${ns}/${k}=${labels[k]}`);
};

/** Index name: objects carrying a label selector, by one `key=value` their selector demands (or `*`). */
export const selectorIndex = 'workload/selector';

/** The first matchLabels key in sort order. */
function firstMatchLabelsKey(matchLabels: Readonly<Record<string, string>> | undefined): string | undefined {
  if (!matchLabels) return undefined;
  let first: string | undefined;
  for (const k of Object.keys(matchLabels)) if (first === undefined || k < first) first = k;
  return first;
}

const selectorValues: IndexFn = (obj) => {
  const sel = (obj as { spec?: { selector?: ApiLabelSelector } }).spec?.selector;
  const ns = obj.metadata?.namespace ?? '';
  const first = firstMatchLabelsKey(sel?.matchLabels);
  // Every object matched by the selector carries the first matchLabels pair, so one entry is enough.
  if (first !== undefined) return [`${ns}/${first}=${sel?.matchLabels?.[first]}`];
  return [`${ns}/*`];
};

/** Registers an index unless another controller already did (indexes are per store, shared by informers). */
export function ensureIndex(store: ObjectStore, kind: Kind, name: string, fn: IndexFn, reads?: readonly string[]): void {
  try {
    store.byIndex(kind, name, '');
  } catch {
    store.addIndex(kind, name, fn, reads);
  }
}

/** Registers the controller-uid and orphan-label indexes on a kind. */
export function ensureControllerIndex(store: ObjectStore, kind: Kind): void {
  ensureIndex(store, kind, controllerUidIndex, controllerUidValues, ['metadata.ownerReferences', 'metadata.namespace']);
  ensureIndex(store, kind, orphanLabelsIndex, orphanLabelValues, ['metadata.ownerReferences', 'metadata.labels', 'metadata.namespace']);
}

/** Registers the selector index on a kind whose objects have `spec.selector` (ReplicaSet, Deployment). */
export function ensureSelectorIndex(store: ObjectStore, kind: Kind): void {
  ensureIndex(store, kind, selectorIndex, selectorValues, ['spec.selector', 'metadata.namespace']);
}

/**
 * Objects controlled by `ownerUid` plus the orphans of its namespace that its selector may match
 * (`FilterPodsByOwner`): the only candidates a controller may own or adopt. With matchLabels, only orphans
 * carrying the first pair are read, so a namespace full of unrelated orphans costs nothing. Key order.
 */
export function ownedAndOrphans<K extends Kind>(
  store: ObjectStore,
  kind: K,
  ownerUid: string,
  namespace: string | undefined,
  selector?: ApiLabelSelector,
): KindMap[K][] {
  const out = store.listByIndex(kind, controllerUidIndex, ownerUid);
  const first = firstMatchLabelsKey(selector?.matchLabels);
  const orphans =
    first !== undefined
      ? store.listByIndex(kind, orphanLabelsIndex, `${namespace ?? ''}/${first}=${selector?.matchLabels?.[first]}`)
      : store.listByIndex(kind, controllerUidIndex, orphanIndexKey(namespace));
  if (orphans.length === 0) return out;
  return [...out, ...orphans];
}

/**
 * Objects of `kind` in `namespace` whose selector might match `labels`; the caller still checks the
 * selector. Uses the selector index, so the cost follows the number of candidates, not of objects.
 */
export function selectorCandidates<K extends Kind>(
  store: ObjectStore,
  kind: K,
  namespace: string | undefined,
  labels: Readonly<Record<string, string>> | undefined,
): KindMap[K][] {
  const ns = namespace ?? '';
  const keys = new Set<string>(store.byIndex(kind, selectorIndex, `${ns}/*`));
  for (const [k, v] of Object.entries(labels ?? {})) for (const key of store.byIndex(kind, selectorIndex, `${ns}/${k}=${v}`)) keys.add(key);
  const out: KindMap[K][] = [];
  for (const k of [...keys].sort(byteCompare)) {
    const o = store.get(kind, k);
    if (o) out.push(o);
  }
  return out;
}

/**
 * Controllers of `kind` in the namespace of an orphan whose (non-empty) selector matches its labels, the ones
 * that may adopt it (`GetPodReplicaSets`, `getDeploymentsForReplicaSet`, `getPodStatefulSets`).
 */
export function controllersSelecting<K extends Kind>(store: ObjectStore, selectors: SelectorCache, kind: K, obj: KubeObject): KindMap[K][] {
  const labels = obj.metadata?.labels;
  if (Object.keys(labels ?? {}).length === 0) return [];
  return selectorCandidates(store, kind, obj.metadata?.namespace, labels).filter((c) => {
    const sel = selectors.compiledSelector((c as { spec?: { selector?: ApiLabelSelector } }).spec?.selector);
    return !!sel && !sel.empty && sel.matches(labels);
  });
}

/**
 * Parsed selectors of one cluster, remembered per (immutable) stored selector or labels object: every sync of
 * a Deployment or ReplicaSet needs them.
 */
export class SelectorCache {
  private readonly compiled = new WeakMap<object, LabelSelector | null>();
  private readonly fromSets = new WeakMap<object, LabelSelector>();

  /**
   * `metav1.LabelSelectorAsSelector`. Returns undefined for a selector that does not parse: Kubernetes treats
   * such an object as selecting nothing.
   */
  compiledSelector(sel: ApiLabelSelector | undefined): LabelSelector | undefined {
    if (!sel) {
      const r = selectorFromApi(sel);
      return r.ok ? r.selector : undefined;
    }
    let c = this.compiled.get(sel);
    if (c === undefined) {
      const r = selectorFromApi(sel);
      c = r.ok ? r.selector : null;
      this.compiled.set(sel, c);
    }
    return c ?? undefined;
  }

  /** `labels.SelectorFromSet` (a pod template's labels as a selector). */
  selectorFromSet(labels: Readonly<Record<string, string>> | undefined): LabelSelector {
    if (!labels) return selectorFromSet(labels);
    let sel = this.fromSets.get(labels);
    if (!sel) {
      sel = selectorFromSet(labels);
      this.fromSets.set(labels, sel);
    }
    return sel;
  }
}

/** Whether `obj` is the controller `ref` points to (same kind, name and uid). */
export function refersTo(ref: OwnerReference, kind: string, obj: KubeObject | undefined): boolean {
  return !!obj && ref.kind === kind && ref.uid === obj.metadata?.uid;
}

/** A copy of `obj` without its owner reference to `uid` (the release patch of `ClaimObject`). */
export function withoutOwnerRef<T extends KubeObject>(obj: T, uid: string): T {
  const refs = (obj.metadata?.ownerReferences ?? []).filter((r) => r.uid !== uid);
  const metadata = { ...obj.metadata, ownerReferences: refs.length ? refs : undefined };
  if (!metadata.ownerReferences) delete metadata.ownerReferences;
  return { ...obj, metadata };
}
