/**
 * Namespace validation (`ValidateNamespace`, `ValidateNamespaceUpdate`): a DNS-1123 label name, no namespace
 * of its own, finalizer names in `spec.finalizers`.
 */
import type { Namespace } from '../types';
import type { FieldError } from '../fieldErrors';
import { field } from '../fieldErrors';
import { isQualifiedName, nameIsDNSLabel } from './names';
import { validateKubeFinalizerName, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';

/** `validateFinalizerName`: a qualified name, and a standard one when it has no domain. */
function validateFinalizerName(name: string, path: string): FieldError[] {
  return [...isQualifiedName(name).map((msg) => field.invalid(path, name, msg)), ...validateKubeFinalizerName(name, path)];
}

/** `ValidateNamespace` (the Go code reports every finalizer at `spec.finalizers`, without an index). */
export function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, false, nameIsDNSLabel);
  for (const f of ns.spec?.finalizers ?? []) errs.push(...validateFinalizerName(f, 'spec.finalizers'));
  return errs;
}

/** `ValidateNamespaceUpdate`: only the metadata rules; spec and status are reset by the strategy. */
export function validateNamespaceUpdate(ns: Namespace, old: Namespace): FieldError[] {
  return validateObjectMetaUpdate(ns.metadata, old.metadata);
}
