/** Registry strategy for Service. PLACEHOLDER: defaulting, validation and allocation to come. */
import type { Strategy } from '../apiserver/strategy';

export const serviceStrategy: Strategy<'Service'> = {
  kind: 'Service',
  hasStatus: true,
  tracksGeneration: false,
  applyDefaults() {},
  validate: () => [],
  validateUpdate: () => [],
};
