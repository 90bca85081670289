/**
 * What one apiserver keeps between requests besides the store: the pieces of objects its validation already
 * passed (so the unchanged endpoints a controller writes again are not checked again), and the Service IP and
 * NodePort allocators. Owned by the apiserver, so two clusters in one process never share any of it.
 */
import { ValidEndpointPieces } from '../api/validation/endpoints';
import { ValidSliceEndpoints } from '../api/validation/endpointSlice';
import type { ServiceAllocatorsEntry } from '../registry/service/serviceAllocators';

export class AdmissionCaches {
  readonly validEndpoints = new ValidEndpointPieces();
  readonly validSliceEndpoints = new ValidSliceEndpoints();
  /** Built from the stored Services by the first request that needs them (see `serviceAllocators`). */
  serviceAllocators: ServiceAllocatorsEntry | undefined;
}
