/**
 * Service cluster IP and IP family rules (`ValidateServiceClusterIPsRelatedFields`,
 * `validateUpgradeDowngradeClusterIPs`, `validateUpgradeDowngradeIPFamilies`, and the checks of the REST
 * storage's `initIPFamilyFields`). Slices print as JSON, so values look like `["10.96.0.20"]` (1.34).
 */
import type { ServiceSpec } from '../types';
import { clusterIPFamilies, type IPFamily, isHeadlessWithoutSelector } from '../defaults/serviceIPFamilies';
import { type FieldError, field } from '../fieldErrors';
import { parseIP, validateIP } from './formats';
import { jsonValue } from './goJson';

/** `isHeadlessService`: exactly one cluster IP, "None". */
export function isHeadless(spec: ServiceSpec | undefined): boolean {
  const ips = spec?.clusterIPs ?? [];
  return ips.length === 1 && ips[0] === 'None';
}

const ipFamilyPolicies = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

/** `ValidateServiceClusterIPsRelatedFields` */
export function validateClusterIPsRelatedFields(spec: ServiceSpec): FieldError[] {
  if (spec.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ips = spec.clusterIPs ?? [];
  const families = spec.ipFamilies ?? [];
  if (spec.clusterIP) {
    if (ips.length === 0) errs.push(field.required('spec.clusterIPs'));
    else if (ips[0] !== spec.clusterIP) errs.push(field.invalid('spec.clusterIPs', jsonValue(ips), 'first value must match `clusterIP`'));
  } else if (ips.length !== 0) {
    errs.push(field.invalid('spec.clusterIPs', jsonValue(ips), 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  families.forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(field.notSupported(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(field.duplicate(`spec.ipFamilies[${i}]`, f));
    seen.add(f);
  });
  if (spec.ipFamilyPolicy !== undefined && !ipFamilyPolicies.includes(spec.ipFamilyPolicy)) {
    errs.push(field.notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, ipFamilyPolicies));
  }
  let invalidIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        invalidIPs = true;
        errs.push(field.invalid('spec.clusterIPs', jsonValue(ips), "'None' must be the first and only value"));
      }
      return;
    }
    const e = validateIP(`spec.clusterIPs[${i}]`, ip);
    if (e.length) invalidIPs = true;
    errs.push(...e);
  });
  if (ips.length > 2) errs.push(field.invalid('spec.clusterIPs', jsonValue(ips), 'may only hold up to 2 values'));
  if (invalidIPs) return errs;
  if (ips.length > 1) {
    // IsDualStackIPStrings: at least one address of each family
    const fams = ips.map((ip) => parseIP(ip)?.family);
    if (!fams.includes('IPv4') || !fams.includes('IPv6')) errs.push(field.invalid('spec.clusterIPs', jsonValue(ips), 'may specify no more than one IP for each IP family'));
  }
  if (!isHeadless(spec) && ips.length > 0 && families.length > 0) {
    ips.forEach((ip, i) => {
      if (i > families.length - 1) return;
      const fam = parseIP(ip)?.family;
      if (families[i] === 'IPv4' && fam === 'IPv6') errs.push(field.invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (families[i] === 'IPv6' && fam !== 'IPv6') errs.push(field.invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

/** `validateUpgradeDowngradeClusterIPs`: set cluster IPs never change (except to, from or within ExternalName). */
export function validateClusterIPsUpdate(spec: ServiceSpec, old: ServiceSpec): FieldError[] {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return [];
  if (isHeadless(spec) && isHeadless(old)) return [];
  const errs: FieldError[] = [];
  const ips = spec.clusterIPs ?? [];
  const oldIPs = old.clusterIPs ?? [];
  const value = jsonValue(ips);
  if (oldIPs.length === ips.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== ips[i]) errs.push(field.invalid(`spec.clusterIPs[${i}]`, value, 'may not change once set'));
    });
  } else if (oldIPs.length > ips.length) {
    if (ips.length === 0) errs.push(field.invalid('spec.clusterIPs[0]', value, 'primary clusterIP can not be unset'));
    if (oldIPs.length > 0 && ips.length > 0 && ips[0] !== oldIPs[0]) errs.push(field.invalid('spec.clusterIPs[0]', value, 'may not change once set'));
    if (ips.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
      errs.push(field.invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
    errs.push(field.invalid('spec.clusterIPs[0]', value, 'may not change once set'));
  }
  return errs;
}

/** `validateUpgradeDowngradeIPFamilies`: the primary family never changes on a Service with cluster IPs. */
export function validateIPFamiliesUpdate(spec: ServiceSpec, old: ServiceSpec): FieldError[] {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return [];
  if (isHeadless(spec) !== isHeadless(old) || isHeadless(spec)) return [];
  const errs: FieldError[] = [];
  const fams = spec.ipFamilies ?? [];
  const oldFams = old.ipFamilies ?? [];
  if (oldFams.length === fams.length) {
    oldFams.forEach((f, i) => {
      if (f !== fams[i]) errs.push(field.invalid('spec.ipFamilies[0]', jsonValue(fams), 'may not change once set'));
    });
  } else if (oldFams.length > fams.length) {
    if ((spec.clusterIPs ?? []).length === 0) errs.push(field.invalid('spec.ipFamilies[0]', jsonValue(fams), 'primary ipFamily can not be unset'));
    if (fams.length > 0 && fams[0] !== oldFams[0]) errs.push(field.invalid('spec.ipFamilies[0]', jsonValue(spec.clusterIPs ?? []), 'may not change once set'));
    if (fams.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
      errs.push(field.invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
    }
  } else if (oldFams.length > 0 && fams.length > 0 && fams[0] !== oldFams[0]) {
    errs.push(field.invalid('spec.ipFamilies[0]', jsonValue(spec.clusterIPs ?? []), 'may not change once set'));
  }
  return errs;
}

/** The checks `initIPFamilyFields` makes against the cluster's configured families. */
export function validateIPFamiliesForCluster(spec: ServiceSpec, serviceCIDR: string): FieldError[] {
  if (spec.type === 'ExternalName') return [];
  const configured = clusterIPFamilies(serviceCIDR);
  const errs: FieldError[] = [];
  const ips = spec.clusterIPs ?? [];
  const fams = (spec.ipFamilies ?? []) as IPFamily[];
  if (spec.ipFamilyPolicy === 'SingleStack') {
    if (ips.length === 2) errs.push(field.invalid('spec.ipFamilyPolicy', 'SingleStack', "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
    if (fams.length === 2) errs.push(field.invalid('spec.ipFamilyPolicy', 'SingleStack', "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
  }
  ips.forEach((ip, i) => {
    const fam = ip === 'None' ? undefined : parseIP(ip)?.family;
    if (fam && !configured.includes(fam)) errs.push(field.invalid(`spec.clusterIPs[${i}]`, jsonValue(ips), `${fam} is not configured on this cluster`));
  });
  if (errs.length || isHeadlessWithoutSelector(spec)) return errs;
  if (spec.ipFamilyPolicy === 'RequireDualStack' && configured.length < 2) {
    errs.push(field.invalid('spec.ipFamilyPolicy', 'RequireDualStack', 'this cluster is not configured for dual-stack services'));
  }
  fams.forEach((f, i) => {
    if (!configured.includes(f)) errs.push(field.invalid(`spec.ipFamilies[${i}]`, f, 'not configured on this cluster'));
  });
  return errs;
}
