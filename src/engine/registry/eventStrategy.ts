/** Registry strategy for Event. PLACEHOLDER: defaulting and validation to come. */
import type { Strategy } from '../apiserver/strategy';

export const eventStrategy: Strategy<'Event'> = {
  kind: 'Event',
  hasStatus: false,
  tracksGeneration: false,
  applyDefaults() {},
  validate: () => [],
  validateUpdate: () => [],
};
