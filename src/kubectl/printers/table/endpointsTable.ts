/** `kubectl get endpoints` (`printEndpoints` and `formatEndpoints` in printers.go). */
import type { Endpoints } from '../../../engine/api/types';
import { translateTimestampSince } from '../timestamps';
import { type KindTablePrinter, ageColumn, nameColumn } from './tableTypes';

/** `formatEndpoints(endpoints, ports)`: ready addresses only, at most 3 then ` + N more...`; ports=undefined for all. */
export function formatEndpoints(ep: Endpoints, ports?: ReadonlySet<string>): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if ((ss.ports ?? []).length === 0) {
      // headless services may have no ports
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports ?? []) {
      if (ports && !ports.has(port.name ?? '')) continue;
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** net.JoinHostPort: IPv6 literals get brackets. */
export function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export const endpointsTable: KindTablePrinter<Endpoints> = {
  columns: [nameColumn, { name: 'Endpoints', type: 'string' }, ageColumn],
  row(ep, { now }) {
    return [ep.metadata?.name ?? '', formatEndpoints(ep), translateTimestampSince(ep.metadata?.creationTimestamp, now)];
  },
};
