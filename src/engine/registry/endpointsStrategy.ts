/** Registry strategy for Endpoints. PLACEHOLDER: defaulting and validation to come. */
import type { Strategy } from '../apiserver/strategy';

export const endpointsStrategy: Strategy<'Endpoints'> = {
  kind: 'Endpoints',
  hasStatus: false,
  tracksGeneration: false,
  applyDefaults() {},
  validate: () => [],
  validateUpdate: () => [],
};
