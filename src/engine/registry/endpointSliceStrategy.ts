/**
 * Registry strategy for EndpointSlices (`pkg/registry/discovery/endpointslice/strategy.go`): generation tracked
 * (set to 1 on create, bumped by any change outside metadata or to the labels), address type immutable.
 */
import type { Strategy } from '../apiserver/strategy';
import { defaultEndpointSlice } from '../api/defaults/endpoints';
import { validateEndpointSlice, validateEndpointSliceUpdate } from '../api/validation/endpointSlice';
import { semanticEqual } from '../api/validation/semantic';
import { uniqueErrors } from '../api/validation/errorList';

/** Admission (defaults, validation, strategy hooks) for EndpointSlice objects. */
export const endpointSliceStrategy: Strategy<'EndpointSlice'> = {
  kind: 'EndpointSlice',
  hasStatus: false,
  tracksGeneration: true,
  trustsHandOver: true,
  applyDefaults: (slice) => defaultEndpointSlice(slice),
  validate: (slice, ctx) => validateEndpointSlice(slice, ctx.caches.validSliceEndpoints),
  validateUpdate: (slice, old, ctx) => uniqueErrors(validateEndpointSliceUpdate(slice, old, ctx.caches.validSliceEndpoints)),
  // anything but metadata counts, and labels too (the strategy's PrepareForUpdate)
  bumpsGeneration: (slice, old) =>
    !semanticEqual(slice.addressType, old.addressType) ||
    !semanticEqual(slice.endpoints, old.endpoints) ||
    !semanticEqual(slice.ports, old.ports) ||
    !semanticEqual(slice.metadata?.labels, old.metadata?.labels),
};
