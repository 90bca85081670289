/**
 * Registry strategy for DaemonSets (kubernetes/kubernetes `pkg/registry/apps/daemonset/strategy.go`): status
 * cleared on create, `templateGeneration` kept in step with `generation`, generation bumped by spec changes.
 */
import type { Strategy } from '../apiserver/strategy';
import { defaultDaemonSet } from '../api/defaults/daemonSet';
import { validateDaemonSet, validateDaemonSetUpdate } from '../api/validation/daemonSet';
import { uniqueErrors } from '../api/validation/errorList';
import { semanticEqual } from '../api/validation/semantic';

const templateGenerationAnnotation = 'deprecated.daemonset.template.generation';

/** Admission (defaults, validation, strategy hooks) for DaemonSet objects. */
export const daemonSetStrategy: Strategy<'DaemonSet'> = {
  kind: 'DaemonSet',
  hasStatus: true,
  tracksGeneration: true,
  prepareForCreate(ds) {
    (ds as { status?: unknown }).status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
    // the deprecated templateGeneration lives on as this annotation, bumped with every template change
    ds.metadata ??= {};
    ds.metadata.annotations = { ...(ds.metadata.annotations ?? {}), [templateGenerationAnnotation]: '1' };
  },
  prepareForUpdate(ds, old) {
    const prev = Number(old.metadata?.annotations?.[templateGenerationAnnotation] ?? '1') || 1;
    const next = semanticEqual(ds.spec?.template, old.spec?.template) ? prev : prev + 1;
    ds.metadata ??= {};
    ds.metadata.annotations = { ...(ds.metadata.annotations ?? {}), [templateGenerationAnnotation]: String(next) };
  },
  applyDefaults: (ds) => defaultDaemonSet(ds),
  validate: (ds) => validateDaemonSet(ds),
  validateUpdate: (ds, old) => uniqueErrors(validateDaemonSetUpdate(ds, old)),
  bumpsGeneration: (ds, old) => !semanticEqual(ds.spec, old.spec),
};
