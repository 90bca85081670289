/** Registry strategy for Node. PLACEHOLDER: defaulting and validation to come. */
import type { Strategy } from '../apiserver/strategy';

export const nodeStrategy: Strategy<'Node'> = {
  kind: 'Node',
  hasStatus: true,
  tracksGeneration: false,
  applyDefaults() {},
  validate: () => [],
  validateUpdate: () => [],
};
