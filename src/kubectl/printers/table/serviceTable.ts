/** `kubectl get services` (`printService`, `getServiceExternalIP`, `makePortString` in printers.go). */
import type { Service } from '../../../engine/api/types';
import { byteOrder, formatLabels } from '../labels';
import { translateTimestampSince } from '../timestamps';
import { type KindTablePrinter, ageColumn, nameColumn } from './tableTypes';

const loadBalancerWidth = 16;

function loadBalancerStatus(svc: Service, wide: boolean): string {
  const set = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) set.add(ing.ip);
    else if (ing.hostname) set.add(ing.hostname);
  }
  let r = [...set].sort(byteOrder).join(',');
  if (!wide && r.length > loadBalancerWidth) r = `${r.slice(0, loadBalancerWidth - 3)}...`;
  return r;
}

/** EXTERNAL-IP by service type; the LoadBalancer list is clipped to 16 bytes unless wide. */
export function serviceExternalIP(svc: Service, wide: boolean): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatus(svc, wide);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
  }
  return '<unknown>';
}

/** `80/TCP`, `8000:30306/TCP`, joined by commas. */
export function servicePortString(svc: Service): string {
  return (svc.spec?.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`)).join(',');
}

export const serviceTable: KindTablePrinter<Service> = {
  columns: [
    nameColumn,
    { name: 'Type', type: 'string' },
    { name: 'Cluster-IP', type: 'string' },
    { name: 'External-IP', type: 'string' },
    { name: 'Port(s)', type: 'string' },
    ageColumn,
    { name: 'Selector', type: 'string', priority: 1 },
  ],
  row(svc, { now }) {
    // the apiserver's TableConvertor always generates with Wide: true, so the LoadBalancer list is never clipped
    return [
      svc.metadata?.name ?? '',
      svc.spec?.type ?? '',
      svc.spec?.clusterIPs?.[0] ?? '<none>',
      serviceExternalIP(svc, true),
      servicePortString(svc) || '<none>',
      translateTimestampSince(svc.metadata?.creationTimestamp, now),
      formatLabels(svc.spec?.selector),
    ];
  },
};
