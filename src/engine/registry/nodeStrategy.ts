/**
 * Registry strategy for Nodes (`pkg/registry/core/node/strategy.go`): cluster-scoped, status kept on create
 * (the kubelet registers with it), pod CIDRs and provider ID settable once.
 */
import type { Strategy } from '../apiserver/strategy';
import { defaultNode } from '../api/defaults/node';
import { validateNode, validateNodeUpdate } from '../api/validation/node';

/** Admission (defaults, validation, strategy hooks) for Node objects. */
export const nodeStrategy: Strategy<'Node'> = {
  kind: 'Node',
  hasStatus: true,
  tracksGeneration: false,
  applyDefaults: (node) => defaultNode(node),
  validate: (node) => validateNode(node),
  validateUpdate: (node, old) => validateNodeUpdate(node, old),
};
