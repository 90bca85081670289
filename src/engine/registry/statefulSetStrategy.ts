/**
 * Registry strategy for StatefulSets (kubernetes/kubernetes `pkg/registry/apps/statefulset/strategy.go`, 1.34):
 * status cleared on create, kept on update, generation bumped by spec changes, and the fields of disabled
 * feature gates dropped (`dropStatefulSetDisabledFields`).
 *
 * Not modelled: `WarningsOnCreate` / `WarningsOnUpdate` (pod template and claim template warnings; the
 * simulated apiserver carries no strategy warnings) and the status strategy's `ValidateUpdate`
 * (`validateStatefulSetStatusUpdate` is ready, but status writes are not validated for any kind yet).
 */
import type { Strategy } from '../apiserver/strategy';
import type { StatefulSet } from '../api/types';
import { defaultStatefulSet } from '../api/defaults/statefulSet';
import { validateStatefulSet, validateStatefulSetUpdate } from '../api/validation/statefulSet';
import { uniqueErrors } from '../api/validation/errorList';
import { semanticEqual } from '../api/validation/semantic';

/**
 * MaxUnavailableStatefulSet is alpha and off in 1.34: `rollingUpdate.maxUnavailable` is dropped unless the
 * stored object already uses it.
 */
function dropDisabledFields(sts: StatefulSet, old: StatefulSet | undefined): void {
  const inUse = old?.spec?.updateStrategy?.rollingUpdate?.maxUnavailable !== undefined;
  const ru = sts.spec?.updateStrategy?.rollingUpdate;
  if (ru && !inUse) delete ru.maxUnavailable;
}

/** Admission (defaults, validation, strategy hooks) for StatefulSet objects. */
export const statefulSetStrategy: Strategy<'StatefulSet'> = {
  kind: 'StatefulSet',
  hasStatus: true,
  tracksGeneration: true,
  prepareForCreate(sts) {
    // an empty internal status: apps/v1 writes `replicas` and `availableReplicas` even when 0 (no omitempty)
    (sts as { status?: unknown }).status = { replicas: 0, availableReplicas: 0 };
    dropDisabledFields(sts, undefined);
  },
  // the apiserver has already put the stored status back
  prepareForUpdate: (sts, old) => dropDisabledFields(sts, old),
  applyDefaults: (sts) => defaultStatefulSet(sts),
  validate: (sts) => uniqueErrors(validateStatefulSet(sts)),
  validateUpdate: (sts, old) => uniqueErrors(validateStatefulSetUpdate(sts, old)),
  bumpsGeneration: (sts, old) => !semanticEqual(sts.spec, old.spec),
};
