/**
 * The NamespaceLifecycle admission plugin's rule for deletes (`plugin/pkg/admission/namespace/lifecycle`):
 * the immortal namespaces `default`, `kube-system` and `kube-public` may not be deleted
 * (`namespaces "default" is forbidden: this namespace may not be deleted`). The Namespace strategy or the
 * apiserver's delete path can call this; `kube-node-lease` is deletable, as in Kubernetes.
 */
import { type ApiStatus, forbidden } from '../../api/status';

/** `metav1.NamespaceDefault`, `NamespaceSystem`, `NamespacePublic` */
export const immortalNamespaces: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public']);

/** The 403 a delete of `name` gets, or undefined when the namespace may be deleted. */
export function namespaceDeletionForbidden(name: string): ApiStatus | undefined {
  return immortalNamespaces.has(name) ? forbidden('Namespace', name, 'this namespace may not be deleted') : undefined;
}
