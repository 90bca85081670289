/** Registry strategy for Service. PLACEHOLDER: defaulting and validation to come. */
import type { Strategy } from '../apiserver/strategy';
import { allocateServiceOnCreate, allocateServiceOnUpdate, releaseService } from './service/serviceAllocation';

export const serviceStrategy: Strategy<'Service'> = {
  kind: 'Service',
  hasStatus: true,
  tracksGeneration: false,
  applyDefaults() {},
  validate: () => [],
  validateUpdate: () => [],
  allocateOnCreate: allocateServiceOnCreate,
  allocateOnUpdate: allocateServiceOnUpdate,
  release: releaseService,
};
