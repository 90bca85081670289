/** `kubectl get endpointslices` (`printEndpointSlice`, `formatDiscoveryPorts`, `formatDiscoveryEndpoints`). */
import type { EndpointSlice } from '../../../engine/api/types';
import { translateTimestampSince } from '../timestamps';
import { type KindTablePrinter, ageColumn, nameColumn } from './tableTypes';

/** `listWithMoreString`: joined list, ` + N more...`, or `<unset>` when empty. */
function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

function formatDiscoveryPorts(slice: EndpointSlice): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const p of slice.ports ?? []) {
    if (list.length < max) list.push(p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*'));
    else if (list.length === max) more = true;
    count++;
  }
  return listWithMore(list, more, count, max);
}

function formatDiscoveryEndpoints(slice: EndpointSlice): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const e of slice.endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (list.length < max) list.push(a);
      else if (list.length === max) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, max);
}

export const endpointSliceTable: KindTablePrinter<EndpointSlice> = {
  columns: [nameColumn, { name: 'AddressType', type: 'string' }, { name: 'Ports', type: 'string' }, { name: 'Endpoints', type: 'string' }, ageColumn],
  row(slice, { now }) {
    return [
      slice.metadata?.name ?? '',
      slice.addressType ?? '',
      formatDiscoveryPorts(slice),
      formatDiscoveryEndpoints(slice),
      translateTimestampSince(slice.metadata?.creationTimestamp, now),
    ];
  },
};
