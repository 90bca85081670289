/**
 * The garbage collector's view of ownership (what `GraphBuilder` keeps as a graph in
 * `pkg/controller/garbagecollector`): an index of every object by the uids of its owners, owner lookup by
 * reference (name in the dependent's namespace, then uid, as `isDangling` does), and the finalizer helpers.
 */
import { kindFromManifest, objectKey, resourceFor } from '../../api/resources';
import type { Kind, KindMap, KubeObject, OwnerReference } from '../../api/types';
import type { IndexFn, ObjectStore } from '../../store/objectStore';

/** Index name: objects by the uid of each of their owners. */
export const ownersIndex = 'gc/owners';

export const orphanFinalizer = 'orphan';
export const foregroundFinalizer = 'foregroundDeletion';

const ownerUids: IndexFn = (obj) => {
  const refs = obj.metadata?.ownerReferences;
  if (!refs?.length) return [];
  if (refs.length === 1) return [refs[0].uid];
  return [...new Set(refs.map((r) => r.uid))];
};

/** Kinds whose objects take part in garbage collection (Events neither own nor are owned). */
export function gcKinds(all: readonly Kind[]): Kind[] {
  return all.filter((k) => k !== 'Event');
}

/** Registers the owner index on each kind. */
export function addOwnerIndexes(store: ObjectStore, kinds: readonly Kind[]): void {
  for (const k of kinds) store.addIndex(k, ownersIndex, ownerUids, ['metadata.ownerReferences']);
}

export interface Dependent {
  kind: Kind;
  obj: KubeObject;
}

/** Every object, of any kind, with an owner reference to `uid`. */
export function dependentsOf(store: ObjectStore, kinds: readonly Kind[], uid: string): Dependent[] {
  const out: Dependent[] = [];
  for (const kind of kinds) {
    for (const obj of store.listByIndex(kind, ownersIndex, uid)) out.push({ kind, obj });
  }
  return out;
}

/** Whether anything has an owner reference to `uid`. */
export function hasDependents(store: ObjectStore, kinds: readonly Kind[], uid: string): boolean {
  return kinds.some((k) => store.byIndex(k, ownersIndex, uid).size > 0);
}

export type OwnerLookup = { state: 'present'; kind: Kind; owner: KindMap[Kind] } | { state: 'absent' } | { state: 'unknown' };

/**
 * Resolves an owner reference of a dependent in `namespace`: a namespaced owner must live in the same
 * namespace; an owner with the same name but another uid was deleted and recreated, so it is absent.
 * Kinds the simulator does not serve cannot be resolved ("unknown": left alone).
 */
export function lookupOwner(store: ObjectStore, ref: OwnerReference, namespace: string | undefined): OwnerLookup {
  const kind = kindFromManifest(ref.apiVersion, ref.kind);
  if (!kind) return { state: 'unknown' };
  const ns = resourceFor(kind).namespaced ? namespace : undefined;
  if (resourceFor(kind).namespaced && !ns) return { state: 'absent' };
  const owner = store.get(kind, objectKey(ns, ref.name));
  if (!owner || owner.metadata?.uid !== ref.uid) return { state: 'absent' };
  return { state: 'present', kind, owner };
}

export const hasFinalizer = (obj: KubeObject, f: string): boolean => !!obj.metadata?.finalizers?.includes(f);

/** Being deleted in the foreground: its dependents go first (`isDeletingDependents`). */
export const isDeletingDependents = (obj: KubeObject): boolean => !!obj.metadata?.deletionTimestamp && hasFinalizer(obj, foregroundFinalizer);
