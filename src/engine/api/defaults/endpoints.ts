/**
 * Defaults of the endpoint kinds: `SetDefaults_Endpoints` (port protocol TCP) and the discovery/v1 defaults
 * of EndpointSlice ports (name "", protocol TCP).
 */
import type { EndpointSlice, Endpoints } from '../types';

type Json = Record<string, unknown>;

/** Defaults an Endpoints object in place. */
export function defaultEndpoints(ep: Endpoints): void {
  for (const ss of ep.subsets ?? []) for (const p of ss.ports ?? []) if (!p.protocol) (p as unknown as Json).protocol = 'TCP';
}

/** Defaults an EndpointSlice in place. */
export function defaultEndpointSlice(slice: EndpointSlice): void {
  for (const p of slice.ports ?? []) {
    const port = p as Json;
    if (port.name === undefined || port.name === null) port.name = '';
    if (port.protocol === undefined || port.protocol === null) port.protocol = 'TCP';
  }
}
