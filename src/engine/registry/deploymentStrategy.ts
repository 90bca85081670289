/** Registry strategy for Deployment. PLACEHOLDER: defaulting and validation to come. */
import type { Strategy } from '../apiserver/strategy';

export const deploymentStrategy: Strategy<'Deployment'> = {
  kind: 'Deployment',
  hasStatus: true,
  tracksGeneration: true,
  applyDefaults() {},
  validate: () => [],
  validateUpdate: () => [],
};
