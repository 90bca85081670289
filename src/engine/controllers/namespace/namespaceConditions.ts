/**
 * Namespace status conditions written while a namespace is deleted (`pkg/controller/namespace/deletion/
 * status_condition_utils.go`): five condition types, each either a failure / remaining-content condition or its
 * "ok" variant (status False with a fixed reason and message).
 */
import type { Namespace } from '../../api/types';
import { formatTimestamp } from '../../clock';

type NamespaceCondition = NonNullable<NonNullable<Namespace['status']>['conditions']>[number];

const conditionTypes = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const;

const okReasons: Record<string, string> = {
  NamespaceDeletionDiscoveryFailure: 'ResourcesDiscovered',
  NamespaceDeletionGroupVersionParsingFailure: 'ParsedGroupVersions',
  NamespaceDeletionContentFailure: 'ContentDeleted',
  NamespaceContentRemaining: 'ContentRemoved',
  NamespaceFinalizersRemaining: 'ContentHasNoFinalizers',
};

const okMessages: Record<string, string> = {
  NamespaceDeletionDiscoveryFailure: 'All resources successfully discovered',
  NamespaceDeletionGroupVersionParsingFailure: 'All legacy kube types successfully parsed',
  NamespaceDeletionContentFailure: 'All content successfully deleted, may be waiting on finalization',
  NamespaceContentRemaining: 'All content successfully removed',
  NamespaceFinalizersRemaining: 'All content-preserving finalizers finished',
};

/** What one pass of content deletion found. */
export interface ContentTotals {
  /** `<resource>.<group>` (`pods.` for the core group) → objects left. */
  remaining: Map<string, number>;
  /** finalizer → objects still carrying it. */
  finalizers: Map<string, number>;
  /** Delete errors of this pass. */
  errors: string[];
}

function joined(m: Map<string, number>, format: (k: string, n: number) => string): string {
  return [...m]
    .filter(([, n]) => n > 0)
    .map(([k, n]) => format(k, n))
    .sort()
    .join(', ');
}

/** The conditions for `totals`, merged into the current ones (`updateConditions`); undefined when unchanged. */
export function deletionConditions(current: readonly NamespaceCondition[] | undefined, totals: ContentTotals, now: number): NamespaceCondition[] | undefined {
  const t = formatTimestamp(now);
  const wanted = new Map<string, NamespaceCondition>();
  const remaining = joined(totals.remaining, (k, n) => `${k} has ${n} resource instances`);
  if (remaining) {
    wanted.set('NamespaceContentRemaining', {
      type: 'NamespaceContentRemaining',
      status: 'True',
      lastTransitionTime: t,
      reason: 'SomeResourcesRemain',
      message: `Some resources are remaining: ${remaining}`,
    });
  }
  const finalizers = joined(totals.finalizers, (k, n) => `${k} in ${n} resource instances`);
  if (finalizers) {
    wanted.set('NamespaceFinalizersRemaining', {
      type: 'NamespaceFinalizersRemaining',
      status: 'True',
      lastTransitionTime: t,
      reason: 'SomeFinalizersRemain',
      message: `Some content in the namespace has finalizers remaining: ${finalizers}`,
    });
  }
  if (totals.errors.length) {
    wanted.set('NamespaceDeletionContentFailure', {
      type: 'NamespaceDeletionContentFailure',
      status: 'True',
      lastTransitionTime: t,
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${totals.errors.length} remaining: ${[...totals.errors].sort().join(', ')}`,
    });
  }
  const out = [...(current ?? [])];
  let changed = false;
  for (const type of conditionTypes) {
    const next = wanted.get(type) ?? { type, status: 'False', lastTransitionTime: t, reason: okReasons[type], message: okMessages[type] };
    const i = out.findIndex((c) => c.type === type);
    if (i < 0) {
      out.push(next);
      changed = true;
    } else if (out[i].status !== next.status || out[i].reason !== next.reason || out[i].message !== next.message) {
      out[i] = { ...next, lastTransitionTime: out[i].status !== next.status ? t : out[i].lastTransitionTime };
      changed = true;
    }
  }
  return changed ? out : undefined;
}
