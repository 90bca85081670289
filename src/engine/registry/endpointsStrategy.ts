/** Registry strategy for Endpoints (`pkg/registry/core/endpoint/strategy.go`): no status, no generation. */
import type { Strategy } from '../apiserver/strategy';
import { defaultEndpoints } from '../api/defaults/endpoints';
import { validateEndpoints, validateEndpointsUpdate } from '../api/validation/endpoints';
import { uniqueErrors } from '../api/validation/errorList';

/** Admission (defaults, validation, strategy hooks) for Endpoints objects. */
export const endpointsStrategy: Strategy<'Endpoints'> = {
  kind: 'Endpoints',
  hasStatus: false,
  tracksGeneration: false,
  trustsHandOver: true,
  applyDefaults: (ep) => defaultEndpoints(ep),
  validate: (ep, ctx) => validateEndpoints(ep, ctx.caches.validEndpoints),
  validateUpdate: (ep, old, ctx) => uniqueErrors(validateEndpointsUpdate(ep, old, ctx.caches.validEndpoints)),
};
