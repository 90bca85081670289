/**
 * `initIPFamilyFields` of the service REST storage (`pkg/registry/core/service/storage/alloc.go`) for a
 * single-stack IPv4 cluster: fills `ipFamilyPolicy` and `ipFamilies` when the client left them out, and rejects
 * what this cluster cannot serve (an IPv6 family, RequireDualStack on anything but a selector-less headless
 * Service). Defaults: SingleStack / [IPv4]; headless without selector → RequireDualStack /
 * [IPv4, IPv6]; on update an unset policy keeps the old one; ExternalName gets none.
 */
import { type FieldError, field } from '../../api/fieldErrors';
import type { Service } from '../../api/types';
import { familyOf, hasSelector, serviceType } from './serviceType';

/** The only family this cluster's service CIDR serves. */
const clusterFamily = 'IPv4';

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** Both old and new are PreferDualStack of the same IP-bearing type with unchanged IPs and families: leave as is. */
function isMatchingPreferDualStack(svc: Service, old: Service | undefined): boolean {
  if (!old || svc.spec?.ipFamilyPolicy === undefined) return false;
  const t = serviceType(svc);
  if (serviceType(old) !== t || t === 'ExternalName') return false;
  if (svc.spec.ipFamilyPolicy !== 'PreferDualStack') return false;
  if (old.spec?.ipFamilyPolicy !== undefined && old.spec.ipFamilyPolicy !== 'PreferDualStack') return false;
  return sameList(old.spec?.clusterIPs, svc.spec.clusterIPs) && sameList(old.spec?.ipFamilies, svc.spec.ipFamilies);
}

/** Defaults and checks the IP family fields in place; returns the field errors (empty when all is well). */
export function initIPFamilyFields(svc: Service, old: Service | undefined): FieldError[] {
  const spec = svc.spec ?? {};
  if (serviceType(svc) === 'ExternalName') return [];
  if (isMatchingPreferDualStack(svc, old)) return [];
  const headlessSelectorless = spec.clusterIP === 'None' && !hasSelector(svc);
  if (spec.ipFamilyPolicy === undefined) {
    if (old?.spec?.ipFamilyPolicy !== undefined) spec.ipFamilyPolicy = old.spec.ipFamilyPolicy;
    else spec.ipFamilyPolicy = headlessSelectorless ? 'RequireDualStack' : 'SingleStack';
  }
  const policy = spec.ipFamilyPolicy;
  const errs: FieldError[] = [];

  if (old) {
    if (policy === 'SingleStack') {
      // with the IPs and families unchanged, SingleStack is a clear request to drop the secondary ones
      if (sameList(old.spec?.clusterIPs, spec.clusterIPs) && (spec.clusterIPs?.length ?? 0) > 1) spec.clusterIPs = spec.clusterIPs?.slice(0, 1);
      if (sameList(old.spec?.ipFamilies, spec.ipFamilies) && (spec.ipFamilies?.length ?? 0) > 1) spec.ipFamilies = spec.ipFamilies?.slice(0, 1);
    } else {
      const reducedIPs = (spec.clusterIPs?.length ?? 0) > 0 && (spec.clusterIPs?.length ?? 0) < (old.spec?.clusterIPs?.length ?? 0);
      const reducedFamilies = (spec.ipFamilies?.length ?? 0) > 0 && (spec.ipFamilies?.length ?? 0) < (old.spec?.ipFamilies?.length ?? 0);
      if (reducedIPs) errs.push(field.invalid('spec.ipFamilyPolicy', policy, "must be 'SingleStack' to release the secondary cluster IP"));
      if (reducedFamilies) errs.push(field.invalid('spec.ipFamilyPolicy', policy, "must be 'SingleStack' to release the secondary IP family"));
    }
  }
  if (policy === 'SingleStack') {
    if (spec.clusterIPs?.length === 2) {
      errs.push(field.invalid('spec.ipFamilyPolicy', policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
    }
    if (spec.ipFamilies?.length === 2) {
      errs.push(field.invalid('spec.ipFamilyPolicy', policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
    }
  }
  // infer families from the requested IPs
  const families = [...(spec.ipFamilies ?? [])];
  const ips = spec.clusterIPs ?? [];
  for (let i = 0; i < ips.length; i++) {
    if (ips[i] === 'None') break;
    if (i < families.length) continue;
    const fam = familyOf(ips[i]);
    if (fam !== clusterFamily) errs.push(field.invalid(`spec.clusterIPs[${i}]`, [...ips], `${fam} is not configured on this cluster`));
    else families.push(fam);
  }
  spec.ipFamilies = families;
  if (errs.length) return errs;

  if (headlessSelectorless) {
    if (families.length === 0) families.push(clusterFamily);
    // even a single-stack cluster gives a selector-less headless Service both families (alloc.go initIPFamilyFields)
    if (families.length < 2 && policy !== 'SingleStack') families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
    return [];
  }
  if (policy === 'RequireDualStack') {
    errs.push(field.invalid('spec.ipFamilyPolicy', policy, 'this cluster is not configured for dual-stack services'));
  }
  families.forEach((f, i) => {
    if (f !== clusterFamily) errs.push(field.invalid(`spec.ipFamilies[${i}]`, f, 'not configured on this cluster'));
  });
  if (errs.length) return errs;
  if (families.length === 0) families.push(clusterFamily);
  return [];
}
