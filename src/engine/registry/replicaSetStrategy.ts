/** Registry strategy for ReplicaSet. PLACEHOLDER: defaulting and validation to come. */
import type { Strategy } from '../apiserver/strategy';

export const replicaSetStrategy: Strategy<'ReplicaSet'> = {
  kind: 'ReplicaSet',
  hasStatus: true,
  tracksGeneration: true,
  applyDefaults() {},
  validate: () => [],
  validateUpdate: () => [],
};
