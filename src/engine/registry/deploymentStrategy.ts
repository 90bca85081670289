/**
 * Registry strategy for Deployments (`pkg/registry/apps/deployment/strategy.go`): status cleared on create,
 * generation bumped by spec and annotation changes (annotations are copied to ReplicaSets), selector immutable.
 */
import type { Strategy } from '../apiserver/strategy';
import { defaultDeployment } from '../api/defaults/deployment';
import { validateDeployment, validateDeploymentUpdate } from '../api/validation/deployment';
import { semanticEqual } from '../api/validation/semantic';

/** Admission (defaults, validation, strategy hooks) for Deployment objects. */
export const deploymentStrategy: Strategy<'Deployment'> = {
  kind: 'Deployment',
  hasStatus: true,
  tracksGeneration: true,
  prepareForCreate(d) {
    (d as { status?: unknown }).status = {};
  },
  applyDefaults: (d) => defaultDeployment(d),
  validate: (d) => validateDeployment(d),
  validateUpdate: (d, old) => validateDeploymentUpdate(d, old),
  bumpsGeneration: (d, old) => !semanticEqual(d.spec, old.spec) || !semanticEqual(d.metadata?.annotations, old.metadata?.annotations),
};
