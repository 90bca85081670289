/** Registry strategy for Namespace. PLACEHOLDER: defaulting and validation to come. */
import type { Strategy } from '../apiserver/strategy';

export const namespaceStrategy: Strategy<'Namespace'> = {
  kind: 'Namespace',
  hasStatus: true,
  tracksGeneration: false,
  applyDefaults() {},
  validate: () => [],
  validateUpdate: () => [],
};
