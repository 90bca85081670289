/**
 * The namespace controller (`pkg/controller/namespace`): a namespace with a deletionTimestamp is put in
 * phase Terminating, everything in it is deleted, and once nothing is left its `kubernetes` finalizer is
 * removed through the finalize subresource, which lets the apiserver remove it. While content remains
 * (pods serving their grace period) it looks again after estimate/2 + 1 seconds, as Kubernetes does.
 *
 * A namespace deleted without `spec.finalizers` (the apiserver removes it at once) still has its content
 * cleaned up here when its DELETED event arrives.
 */
import type { Namespace } from '../../api/types';
import type { Controller, ControllerContext } from '../controller';
import { deletionConditions } from './namespaceConditions';
import { deleteAllContent } from './namespacedResourcesDeleter';

const component = 'namespace-controller';
/** `v1.FinalizerKubernetes` */
const finalizerToken = 'kubernetes';

/** Creates the `namespace-controller`. */
export function createNamespaceController(ctx: ControllerContext): Controller {
  const { store, api, clock } = ctx;
  const queue = ctx.newQueue(component);

  const onChange = (ns: Namespace) => {
    if (ns.metadata?.deletionTimestamp) queue.add(ns.metadata.name ?? '');
  };
  ctx.informer('Namespace', {
    onAdd: onChange,
    onUpdate: (_old, cur) => onChange(cur),
    onDelete: (ns) => queue.add(ns.metadata?.name ?? ''),
  });

  /** Deletes the content of `name`; returns the seconds to wait when some is left. */
  const purge = (name: string, ns: Namespace | undefined): { estimate: number; error?: string } => {
    const pass = deleteAllContent(ctx, name);
    if (pass.deleted) ctx.log.write(component, `deleted ${pass.deleted} object(s) in namespace ${name}`, `Namespace/${name}`);
    if (ns) {
      const conditions = deletionConditions(ns.status?.conditions, pass, clock.now());
      if (conditions) {
        const cur = store.get('Namespace', name) ?? ns;
        api.updateStatus('Namespace', { ...cur, status: { ...cur.status, conditions } });
      }
    }
    if (pass.errors.length && pass.estimate === 0) return { estimate: 0, error: pass.errors.join(', ') };
    return { estimate: pass.estimate };
  };

  const requeue = (name: string, estimate: number) => queue.addAfter(name, (Math.floor(estimate / 2) + 1) * 1000);

  const sync = (name: string): string | undefined => {
    let ns = store.get('Namespace', name);
    if (!ns) {
      // Gone without finalization: nothing can be created here any more, so just clear what is left.
      const r = purge(name, undefined);
      if (r.error) return r.error;
      if (r.estimate > 0) requeue(name, r.estimate);
      return undefined;
    }
    if (!ns.metadata?.deletionTimestamp) return undefined;
    if (ns.status?.phase !== 'Terminating') {
      const res = api.updateStatus('Namespace', { ...ns, status: { ...ns.status, phase: 'Terminating' } });
      if (!res.ok) return res.status.reason === 'NotFound' ? undefined : res.status.message;
      ns = res.value;
    }
    // finalized by us already (or never ours to finalize)
    if (!(ns.spec?.finalizers ?? []).includes(finalizerToken)) return undefined;
    const r = purge(name, ns);
    if (r.error) return r.error;
    if (r.estimate > 0) {
      requeue(name, r.estimate);
      return undefined;
    }
    const cur = store.get('Namespace', name);
    if (!cur) return undefined;
    const res = api.finalizeNamespace(name, (cur.spec?.finalizers ?? []).filter((f) => f !== finalizerToken));
    if (!res.ok) return res.status.reason === 'NotFound' ? undefined : res.status.message;
    ctx.log.write(component, `namespace ${name} finalized`, `Namespace/${name}`);
    return undefined;
  };

  return { name: component, queue, sync };
}
