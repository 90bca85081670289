/**
 * Endpoints validation (`ValidateEndpoints`, `validateEndpointSubsets`): each subset has at least one address,
 * addresses are valid non-special IPs, ports are named when there are several.
 */
import type { EndpointAddress, EndpointPort, Endpoints } from '../types';
import { type FieldError, field } from '../fieldErrors';
import { isValidPortNum, validateIP } from './formats';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, nameIsDNSSubdomain } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { validateNonSpecialIP } from './service';
import { KnownValid } from './knownValid';

const protocols = ['SCTP', 'TCP', 'UDP'];

/** The pieces of Endpoints one apiserver has found valid. */
export class ValidEndpointPieces {
  readonly addresses = new KnownValid<EndpointAddress>();
  /** Ports pass or fail depending on whether their subset requires names: one set each. */
  readonly namedPorts = new KnownValid<EndpointPort>();
  readonly ports = new KnownValid<EndpointPort>();
}

function checkAddress(a: EndpointAddress, path: string): FieldError[] {
  const errs = validateIP(`${path}.ip`, a.ip ?? '');
  if (a.hostname) for (const msg of isDNS1123Label(a.hostname)) errs.push(field.invalid(`${path}.hostname`, a.hostname, msg));
  if (a.nodeName !== undefined) for (const msg of isDNS1123Subdomain(a.nodeName)) errs.push(field.invalid(`${path}.nodeName`, a.nodeName, msg));
  errs.push(...validateNonSpecialIP(a.ip ?? '', `${path}.ip`));
  return errs;
}

function checkPort(p: EndpointPort, requireName: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(field.required(`${path}.name`));
  else if (p.name) for (const msg of isDNS1123Label(p.name)) errs.push(field.invalid(`${path}.name`, p.name, msg));
  for (const msg of isValidPortNum(p.port)) errs.push(field.invalid(`${path}.port`, p.port ?? 0, msg));
  if (!p.protocol) errs.push(field.required(`${path}.protocol`));
  else if (!protocols.includes(p.protocol)) errs.push(field.notSupported(`${path}.protocol`, p.protocol, protocols));
  if (p.appProtocol !== undefined) for (const msg of isQualifiedName(p.appProtocol)) errs.push(field.invalid(`${path}.appProtocol`, p.appProtocol, msg));
  return errs;
}

/** `ValidateEndpoints` (create and update share it). */
export function validateEndpoints(ep: Endpoints, known: ValidEndpointPieces = new ValidEndpointPieces()): FieldError[] {
  const errs = validateObjectMeta(ep.metadata, true, nameIsDNSSubdomain);
  (ep.subsets ?? []).forEach((ss, i) => {
    const p = `subsets[${i}]`;
    if (!(ss.addresses ?? []).length && !(ss.notReadyAddresses ?? []).length) {
      errs.push(field.required(p, 'must specify `addresses` or `notReadyAddresses`'));
    }
    // pieces known valid are skipped before their paths are even spelled out
    (ss.addresses ?? []).forEach((a, j) => {
      if (!known.addresses.has(a)) errs.push(...known.addresses.remember(a, checkAddress(a, `${p}.addresses[${j}]`)));
    });
    (ss.notReadyAddresses ?? []).forEach((a, j) => {
      if (!known.addresses.has(a)) errs.push(...known.addresses.remember(a, checkAddress(a, `${p}.notReadyAddresses[${j}]`)));
    });
    const requireName = (ss.ports ?? []).length > 1;
    const knownPorts = requireName ? known.namedPorts : known.ports;
    (ss.ports ?? []).forEach((port, j) => {
      if (!knownPorts.has(port)) errs.push(...knownPorts.remember(port, checkPort(port, requireName, `${p}.ports[${j}]`)));
    });
  });
  return errs;
}

/** `ValidateEndpointsUpdate` */
export function validateEndpointsUpdate(ep: Endpoints, old: Endpoints, known?: ValidEndpointPieces): FieldError[] {
  return [...validateObjectMetaUpdate(ep.metadata, old.metadata), ...validateEndpoints(ep, known)];
}
