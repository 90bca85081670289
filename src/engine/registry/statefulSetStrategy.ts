/**
 * Registry strategy for StatefulSets (kubernetes/kubernetes `pkg/registry/apps/statefulset/strategy.go`):
 * status cleared on create, generation bumped by spec changes.
 */
import type { Strategy } from '../apiserver/strategy';
import { defaultStatefulSet } from '../api/defaults/statefulSet';
import { validateStatefulSet, validateStatefulSetUpdate } from '../api/validation/statefulSet';
import { uniqueErrors } from '../api/validation/errorList';
import { semanticEqual } from '../api/validation/semantic';

/** Admission (defaults, validation, strategy hooks) for StatefulSet objects. */
export const statefulSetStrategy: Strategy<'StatefulSet'> = {
  kind: 'StatefulSet',
  hasStatus: true,
  tracksGeneration: true,
  prepareForCreate(sts) {
    (sts as { status?: unknown }).status = { replicas: 0, availableReplicas: 0 };
  },
  applyDefaults: (sts) => defaultStatefulSet(sts),
  validate: (sts) => validateStatefulSet(sts),
  validateUpdate: (sts, old) => uniqueErrors(validateStatefulSetUpdate(sts, old)),
  bumpsGeneration: (sts, old) => !semanticEqual(sts.spec, old.spec),
};
