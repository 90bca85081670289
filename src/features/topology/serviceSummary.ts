/** The one-line address summary on a Service's card. */
import type { Service } from 'kubernetes-types/core/v1';

/** `10.96.12.34 80/TCP` style summary of a Service's address for its card; an ExternalName points at its name. */
export function serviceSummary(svc: Service): string {
  if (svc.spec?.type === 'ExternalName') return `→ ${svc.spec.externalName ?? ''}`;
  const ip = svc.spec?.clusterIP ?? '';
  const ports = (svc.spec?.ports ?? []).map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
  return `${ip}${ports ? ` ${ports}` : ''}`;
}
