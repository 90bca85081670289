/**
 * Registry strategy for Namespaces (`pkg/registry/core/namespace/strategy.go`): created Active with the
 * `kubernetes` finalizer in `spec.finalizers`; an update can change neither (the finalize and status
 * subresources do).
 */
import type { Strategy } from '../apiserver/strategy';
import { defaultNamespace } from '../api/defaults/namespace';
import { validateNamespace, validateNamespaceUpdate } from '../api/validation/namespace';

type Writable = { spec?: { finalizers?: string[] }; status?: unknown };

/** Admission (defaults, validation, strategy hooks) for Namespace objects. */
export const namespaceStrategy: Strategy<'Namespace'> = {
  kind: 'Namespace',
  hasStatus: true,
  tracksGeneration: false,
  prepareForCreate(ns) {
    const n = ns as Writable;
    n.status = { phase: 'Active' };
    const finalizers = n.spec?.finalizers ?? [];
    // the kubernetes finalizer is required on create, not by defaulting: it may go away during the object's life
    n.spec = { ...(n.spec ?? {}), finalizers: finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'] };
  },
  applyDefaults: (ns) => defaultNamespace(ns),
  validate: (ns) => validateNamespace(ns),
  prepareForUpdate(ns, old) {
    const n = ns as Writable;
    n.spec = old.spec ? { ...old.spec } : undefined;
    if (!n.spec) delete n.spec;
  },
  validateUpdate: (ns, old) => validateNamespaceUpdate(ns, old),
};
