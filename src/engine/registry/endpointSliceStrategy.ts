/** Registry strategy for EndpointSlice. PLACEHOLDER: defaulting and validation to come. */
import type { Strategy } from '../apiserver/strategy';

export const endpointSliceStrategy: Strategy<'EndpointSlice'> = {
  kind: 'EndpointSlice',
  hasStatus: false,
  tracksGeneration: false,
  applyDefaults() {},
  validate: () => [],
  validateUpdate: () => [],
};
