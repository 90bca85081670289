/**
 * The IP-family fill-in the Service REST storage performs (`pkg/registry/core/service/storage/alloc.go`
 * `initIPFamilyFields`): `ipFamilyPolicy` defaults to SingleStack (RequireDualStack for a
 * headless Service without selector), `ipFamilies` are inferred from the requested cluster IPs, then from the
 * cluster's service CIDRs. The error checks of the same function live in `validation/serviceIPFamilies.ts`.
 */
import type { ServiceSpec } from '../types';
import { parseIP } from '../validation/formats';

type Json = Record<string, unknown>;
export type IPFamily = 'IPv4' | 'IPv6';

/** The families the cluster serves, primary first, from `--service-cluster-ip-range` (comma-separated). */
export function clusterIPFamilies(serviceCIDR: string): IPFamily[] {
  const out: IPFamily[] = [];
  for (const cidr of serviceCIDR.split(',')) {
    const fam: IPFamily = cidr.includes(':') ? 'IPv6' : 'IPv4';
    if (!out.includes(fam)) out.push(fam);
  }
  return out;
}

/** True for a Service with `clusterIP: None` and no selector: it may list both families on any cluster. */
export function isHeadlessWithoutSelector(spec: ServiceSpec): boolean {
  return spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0;
}

const other = (f: IPFamily): IPFamily => (f === 'IPv4' ? 'IPv6' : 'IPv4');

/** Fills `ipFamilyPolicy` and `ipFamilies` in place (nothing for ExternalName). */
export function initIPFamilyFields(spec: ServiceSpec, families: readonly IPFamily[]): void {
  if (spec.type === 'ExternalName') return;
  const s = spec as ServiceSpec & Json;
  if (!s.ipFamilyPolicy) s.ipFamilyPolicy = isHeadlessWithoutSelector(spec) ? 'RequireDualStack' : 'SingleStack';
  const fams = [...((s.ipFamilies ?? []) as IPFamily[])];
  // infer the family of each requested IP the user did not name a family for
  for (const [i, ip] of (s.clusterIPs ?? []).entries()) {
    if (ip === 'None') break;
    const parsed = parseIP(ip);
    if (!parsed) break;
    // an IP of a family this cluster does not serve is reported by validation; leave the families alone
    if (i >= fams.length && !families.includes(parsed.family)) return;
    if (i >= fams.length) fams.push(parsed.family);
  }
  if (isHeadlessWithoutSelector(spec)) {
    if (fams.length === 0) fams.push(families[0]);
    if (fams.length < 2 && s.ipFamilyPolicy !== 'SingleStack') fams.push(other(fams[0]));
  } else {
    if (fams.length === 0) fams.push(families[0]);
    if (s.ipFamilyPolicy !== 'SingleStack' && fams.length === 1 && families.length === 2) fams.push(other(fams[0]));
  }
  s.ipFamilies = fams;
}
