/**
 * Registry strategy for ControllerRevisions (kubernetes/kubernetes `pkg/registry/apps/controllerrevision/strategy.go`):
 * no status, no generation, no defaults.
 */
import type { Strategy } from '../apiserver/strategy';
import { uniqueErrors } from '../api/validation/errorList';
import { validateControllerRevision, validateControllerRevisionUpdate } from '../api/validation/controllerRevision';

/** Admission for ControllerRevision objects. */
export const controllerRevisionStrategy: Strategy<'ControllerRevision'> = {
  kind: 'ControllerRevision',
  hasStatus: false,
  tracksGeneration: false,
  applyDefaults: () => {},
  validate: (cr) => validateControllerRevision(cr),
  validateUpdate: (cr, old) => uniqueErrors(validateControllerRevisionUpdate(cr, old)),
};
