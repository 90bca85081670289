/**
 * The garbage collector (`pkg/controller/garbagecollector`): cascading deletion through ownerReferences.
 *  - Background: once an owner is gone, each dependent without another live owner is deleted (pods
 *    gracefully, like any delete); objects created with a reference to a missing owner go the same way.
 *  - Foreground: an owner marked with the `foregroundDeletion` finalizer waits until every dependent with
 *    `blockOwnerDeletion` is gone; its dependents are deleted first (in the foreground themselves when
 *    they have dependents), then the finalizer is removed.
 *  - Orphan: an owner marked with the `orphan` finalizer has its reference removed from every dependent,
 *    then the finalizer removed.
 * Work items are `delete|<Kind>|<key>` (attemptToDelete) and `orphan|<Kind>|<key>` (attemptToOrphan).
 */
import { allKinds } from '../../api/resources';
import type { Kind, KindMap, KubeObject, OwnerReference } from '../../api/types';
import { deepEqual } from '../../shared';
import { keyOf } from '../../store/objectStore';
import type { Controller, ControllerContext } from '../controller';
import {
  addOwnerIndexes,
  dependentsOf,
  foregroundFinalizer,
  gcKinds,
  hasDependents,
  hasFinalizer,
  isDeletingDependents,
  lookupOwner,
  orphanFinalizer,
} from './ownerGraph';

const component = 'garbage-collector-controller';

type Policy = 'Background' | 'Foreground' | 'Orphan';

/** Creates the garbage collector. */
export function createGarbageCollector(ctx: ControllerContext): Controller {
  const { store, api } = ctx;
  const queue = ctx.newQueue(component);
  const kinds = gcKinds(allKinds);
  addOwnerIndexes(store, kinds);

  const attemptToDelete = (kind: Kind, obj: KubeObject) => queue.add(`delete|${kind}|${keyOf(obj)}`);
  const attemptToOrphan = (kind: Kind, obj: KubeObject) => queue.add(`orphan|${kind}|${keyOf(obj)}`);

  /** Owners of `obj` that wait for their dependents: a change of `obj` may unblock them. */
  const wakeForegroundOwners = (refs: readonly OwnerReference[], namespace: string | undefined) => {
    for (const ref of refs) {
      const o = lookupOwner(store, ref, namespace);
      if (o.state === 'present' && isDeletingDependents(o.owner)) attemptToDelete(o.kind, o.owner);
    }
  };

  const hasAbsentOwner = (obj: KubeObject) => (obj.metadata?.ownerReferences ?? []).some((r) => lookupOwner(store, r, obj.metadata?.namespace).state === 'absent');

  for (const kind of kinds) {
    ctx.informer(kind, {
      onAdd: (obj: KubeObject) => {
        if (hasAbsentOwner(obj)) attemptToDelete(kind, obj);
        if (isDeletingDependents(obj)) attemptToDelete(kind, obj);
        if (obj.metadata?.deletionTimestamp && hasFinalizer(obj, orphanFinalizer)) attemptToOrphan(kind, obj);
      },
      onUpdate: (old: KubeObject, cur: KubeObject) => {
        const oldRefs = old.metadata?.ownerReferences ?? [];
        const curRefs = cur.metadata?.ownerReferences ?? [];
        if (!deepEqual(oldRefs, curRefs)) {
          if (hasAbsentOwner(cur)) attemptToDelete(kind, cur);
          wakeForegroundOwners([...oldRefs, ...curRefs], cur.metadata?.namespace);
        }
        // startsWaitingForDependentsOrphaned / startsWaitingForDependentsDeleted
        if (cur.metadata?.deletionTimestamp && hasFinalizer(cur, orphanFinalizer) && !(old.metadata?.deletionTimestamp && hasFinalizer(old, orphanFinalizer))) {
          attemptToOrphan(kind, cur);
        }
        if (isDeletingDependents(cur) && !isDeletingDependents(old)) {
          for (const dep of dependentsOf(store, kinds, cur.metadata?.uid ?? '')) attemptToDelete(dep.kind, dep.obj);
          attemptToDelete(kind, cur);
        }
        // a dependent that starts terminating may be all a foreground owner waits for
        if (cur.metadata?.deletionTimestamp && !old.metadata?.deletionTimestamp) wakeForegroundOwners(curRefs, cur.metadata?.namespace);
      },
      onDelete: (obj: KubeObject) => {
        for (const dep of dependentsOf(store, kinds, obj.metadata?.uid ?? '')) attemptToDelete(dep.kind, dep.obj);
        wakeForegroundOwners(obj.metadata?.ownerReferences ?? [], obj.metadata?.namespace);
      },
    });
  }

  const deleteObject = (kind: Kind, obj: KubeObject, policy: Policy): string | undefined => {
    const res = api.delete(kind, obj.metadata?.namespace, obj.metadata?.name ?? '', {
      propagationPolicy: policy,
      preconditions: { uid: obj.metadata?.uid },
    });
    if (!res.ok && res.status.reason !== 'NotFound' && res.status.reason !== 'Conflict') return res.status.message;
    if (res.ok) ctx.log.write(component, `deleting ${kind.toLowerCase()} ${keyOf(obj)} (propagationPolicy=${policy})`, `${kind}/${keyOf(obj)}`);
    return undefined;
  };

  const removeFinalizer = (kind: Kind, obj: KubeObject, finalizer: string): string | undefined => {
    const finalizers = (obj.metadata?.finalizers ?? []).filter((f) => f !== finalizer);
    const metadata = { ...obj.metadata, finalizers: finalizers.length ? finalizers : undefined };
    if (!metadata.finalizers) delete metadata.finalizers;
    const res = api.update(kind, { ...obj, metadata } as KindMap[Kind]);
    if (!res.ok && res.status.reason !== 'NotFound') return res.status.message;
    if (res.ok) ctx.log.write(component, `removed finalizer ${finalizer}`, `${kind}/${keyOf(obj)}`);
    return undefined;
  };

  /** `processDeletingDependentsItem`: the finalizer goes once no blocking dependent is left. */
  const processDeletingDependents = (kind: Kind, obj: KubeObject): string | undefined => {
    const uid = obj.metadata?.uid ?? '';
    const blocking = dependentsOf(store, kinds, uid).filter((d) =>
      (d.obj.metadata?.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion === true),
    );
    if (blocking.length === 0) return removeFinalizer(kind, obj, foregroundFinalizer);
    for (const dep of blocking) if (!isDeletingDependents(dep.obj)) attemptToDelete(dep.kind, dep.obj);
    return undefined;
  };

  /** `attemptToDeleteItem` */
  const attemptToDeleteItem = (kind: Kind, obj: KubeObject): string | undefined => {
    if (obj.metadata?.deletionTimestamp) return isDeletingDependents(obj) ? processDeletingDependents(kind, obj) : undefined;
    const refs = obj.metadata?.ownerReferences ?? [];
    if (refs.length === 0) return undefined;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const o = lookupOwner(store, ref, obj.metadata?.namespace);
      if (o.state === 'absent') dangling.push(ref);
      else if (o.state === 'present' && isDeletingDependents(o.owner)) waiting.push(ref);
      else solid.push(ref);
    }
    if (solid.length) {
      if (!dangling.length && !waiting.length) return undefined;
      // Waiting references must go too, or their owners would wait on an object that is not deleted.
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
      const kept = refs.filter((r) => !drop.has(r.uid));
      const res = api.update(kind, { ...obj, metadata: { ...obj.metadata, ownerReferences: kept } } as KindMap[Kind]);
      if (!res.ok && res.status.reason !== 'NotFound') return res.status.message;
      return undefined;
    }
    if (waiting.length && hasDependents(store, kinds, obj.metadata?.uid ?? '')) return deleteObject(kind, obj, 'Foreground');
    const policy: Policy = hasFinalizer(obj, orphanFinalizer) ? 'Orphan' : hasFinalizer(obj, foregroundFinalizer) ? 'Foreground' : 'Background';
    return deleteObject(kind, obj, policy);
  };

  /** `attemptToOrphanWorker`: drop the owner's reference from every dependent, then the orphan finalizer. */
  const orphanDependents = (kind: Kind, owner: KubeObject): string | undefined => {
    if (!owner.metadata?.deletionTimestamp || !hasFinalizer(owner, orphanFinalizer)) return undefined;
    const uid = owner.metadata?.uid ?? '';
    for (const dep of dependentsOf(store, kinds, uid)) {
      const refs = (dep.obj.metadata?.ownerReferences ?? []).filter((r) => r.uid !== uid);
      const metadata = { ...dep.obj.metadata, ownerReferences: refs.length ? refs : undefined };
      if (!metadata.ownerReferences) delete metadata.ownerReferences;
      const res = api.update(dep.kind, { ...dep.obj, metadata } as KindMap[Kind]);
      if (!res.ok && res.status.reason !== 'NotFound') return res.status.message;
      if (res.ok) ctx.log.write(component, `orphaned ${dep.kind.toLowerCase()} ${keyOf(dep.obj)}`, `${kind}/${keyOf(owner)}`);
    }
    return removeFinalizer(kind, owner, orphanFinalizer);
  };

  const sync = (item: string): string | undefined => {
    const [op, kind, key] = item.split('|') as [string, Kind, string];
    const obj = store.get(kind, key);
    if (!obj) return undefined;
    return op === 'orphan' ? orphanDependents(kind, obj) : attemptToDeleteItem(kind, obj);
  };

  return { name: component, queue, sync };
}
