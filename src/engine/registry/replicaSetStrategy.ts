/**
 * Registry strategy for ReplicaSets (`pkg/registry/apps/replicaset/strategy.go`): status reset on create
 * (`replicas: 0` always serialises), generation bumped by spec changes, selector immutable.
 */
import type { Strategy } from '../apiserver/strategy';
import { defaultReplicaSet } from '../api/defaults/replicaSet';
import { validateReplicaSet, validateReplicaSetUpdate } from '../api/validation/replicaSet';
import { uniqueErrors } from '../api/validation/errorList';

/** Admission (defaults, validation, strategy hooks) for ReplicaSet objects. */
export const replicaSetStrategy: Strategy<'ReplicaSet'> = {
  kind: 'ReplicaSet',
  hasStatus: true,
  tracksGeneration: true,
  prepareForCreate(rs) {
    (rs as { status?: unknown }).status = { replicas: 0 };
  },
  applyDefaults: (rs) => defaultReplicaSet(rs),
  validate: (rs) => validateReplicaSet(rs),
  validateUpdate: (rs, old) => uniqueErrors(validateReplicaSetUpdate(rs, old)),
};
