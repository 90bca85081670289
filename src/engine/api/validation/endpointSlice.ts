/**
 * EndpointSlice validation (`pkg/apis/discovery/validation/validation.go`): address type required and
 * immutable, at most 1000 endpoints of 1-100 addresses each, at most 100 ports with unique names.
 */
import type { EndpointSlice, SliceEndpoint } from '../types';
import { type FieldError, field } from '../fieldErrors';
import { parseIP, validateIP } from './formats';
import { validateLabels } from './labels';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, nameIsDNSSubdomain } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { validateNonSpecialIP } from './service';
import { KnownValid } from './knownValid';

const addressTypes = ['FQDN', 'IPv4', 'IPv6'];
const protocols = ['SCTP', 'TCP', 'UDP'];
const maxEndpoints = 1000;
const maxAddresses = 100;
const maxPorts = 100;

function validateAddress(type: string, address: string, path: string): FieldError[] {
  if (type === 'IPv4' || type === 'IPv6') {
    const errs = validateIP(path, address);
    if (errs.length) return errs;
    if (parseIP(address)?.family !== type) return [field.invalid(path, address, `must be an ${type} address`)];
    return validateNonSpecialIP(address, path);
  }
  if (type === 'FQDN') {
    const name = address.replace(/\.$/, '');
    const msgs = isDNS1123Subdomain(name);
    if (msgs.length) return [field.invalid(path, name, msgs.join(','))];
    if (name.split('.').length < 2) return [field.invalid(path, name, 'should be a domain with at least two segments separated by dots')];
  }
  return [];
}

/** The slice endpoints one apiserver has found valid: their addresses pass or fail depending on the slice's address type, so one set per type. */
export class ValidSliceEndpoints {
  private readonly byType = new Map<string, KnownValid<SliceEndpoint>>();

  of(type: string): KnownValid<SliceEndpoint> {
    let known = this.byType.get(type);
    if (!known) {
      known = new KnownValid();
      this.byType.set(type, known);
    }
    return known;
  }
}

function checkEndpoint(type: string, ep: SliceEndpoint, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const addrs = ep.addresses ?? [];
  if (addrs.length === 0) errs.push(field.required(`${p}.addresses`, 'must contain at least 1 address'));
  else if (addrs.length > maxAddresses) errs.push(field.tooMany(`${p}.addresses`, addrs.length, maxAddresses));
  addrs.forEach((a, j) => {
    errs.push(...validateAddress(type, a, `${p}.addresses[${j}]`));
  });
  const topology = ep.deprecatedTopology ?? {};
  if (Object.keys(topology).length > 16) errs.push(field.tooMany(`${p}.deprecatedTopology`, Object.keys(topology).length, 16));
  errs.push(...validateLabels(topology, `${p}.deprecatedTopology`));
  if (ep.hostname !== undefined) for (const msg of isDNS1123Label(ep.hostname)) errs.push(field.invalid(`${p}.hostname`, ep.hostname, msg));
  if (ep.nodeName !== undefined) for (const msg of isDNS1123Subdomain(ep.nodeName)) errs.push(field.invalid(`${p}.nodeName`, ep.nodeName, msg));
  return errs;
}

/** `ValidateEndpointSlice` with the address types allowed on create. */
export function validateEndpointSlice(slice: EndpointSlice, valid: ValidSliceEndpoints = new ValidSliceEndpoints()): FieldError[] {
  const errs = validateObjectMeta(slice.metadata, true, nameIsDNSSubdomain);
  const type = slice.addressType ?? '';
  if (!type) errs.push(field.required('addressType'));
  else if (!addressTypes.includes(type)) errs.push(field.notSupported('addressType', type, addressTypes));
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length > maxEndpoints) {
    errs.push(field.tooMany('endpoints', endpoints.length, maxEndpoints));
  } else {
    const known = valid.of(type);
    endpoints.forEach((ep, i) => {
      if (!known.has(ep)) errs.push(...known.remember(ep, checkEndpoint(type, ep, `endpoints[${i}]`)));
    });
  }
  const ports = slice.ports ?? [];
  if (ports.length > maxPorts) return [...errs, field.tooMany('ports', ports.length, maxPorts)];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `ports[${i}]`;
    const name = port.name ?? '';
    if (name) for (const msg of isDNS1123Label(name)) errs.push(field.invalid(`${p}.name`, name, msg));
    if (names.has(name)) errs.push(field.duplicate(`${p}.name`, name));
    else names.add(name);
    if (!port.protocol) errs.push(field.required(`${p}.protocol`));
    else if (!protocols.includes(port.protocol)) errs.push(field.notSupported(`${p}.protocol`, port.protocol, protocols));
    if (port.appProtocol !== undefined) for (const msg of isQualifiedName(port.appProtocol)) errs.push(field.invalid(`${p}.appProtocol`, port.appProtocol, msg));
  });
  return errs;
}

/** `ValidateEndpointSliceUpdate`: also the deprecated "IP" type, and `addressType` may never change. */
export function validateEndpointSliceUpdate(slice: EndpointSlice, old: EndpointSlice, valid?: ValidSliceEndpoints): FieldError[] {
  const errs = [...validateObjectMetaUpdate(slice.metadata, old.metadata)];
  const create = validateEndpointSlice(slice, valid).filter((e) => !(e.field === 'addressType' && slice.addressType === 'IP'));
  errs.push(...create);
  if (slice.addressType !== old.addressType) errs.push(field.invalid('addressType', slice.addressType ?? '', 'field is immutable'));
  return errs;
}

