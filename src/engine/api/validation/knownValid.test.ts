/**
 * Validation that skips pieces already found valid (shared, immutable address, port and endpoint objects)
 * must report exactly what a full validation reports: every error, at its path, every time.
 */
import { describe, expect, it } from 'vitest';
import type { EndpointAddress, EndpointPort, Endpoints, EndpointSlice, SliceEndpoint } from '../types';
import { type FieldError, fieldErrorText } from '../fieldErrors';
import { validateEndpoints } from './endpoints';
import { validateEndpointSlice } from './endpointSlice';

const texts = (errs: FieldError[]) => errs.map((e) => fieldErrorText(e));

describe('validation of shared pieces', () => {
  it('reports an invalid address wherever and however often it appears, next to known-valid ones', () => {
    const good: EndpointAddress = { ip: '10.244.1.5', nodeName: 'kind-worker' };
    const bad: EndpointAddress = { ip: '127.0.0.1' };
    const ep = (addresses: EndpointAddress[]): Endpoints => ({ metadata: { name: 's', namespace: 'default' }, subsets: [{ addresses, ports: [{ port: 80, protocol: 'TCP' }] }] });
    expect(validateEndpoints(ep([good]))).toEqual([]);
    const first = texts(validateEndpoints(ep([good, bad])));
    expect(first).toEqual(['subsets[0].addresses[1].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']);
    expect(texts(validateEndpoints(ep([bad, good])))).toEqual([first[0].replace('addresses[1]', 'addresses[0]')]);
  });

  it('checks a port again when its subset starts requiring names', () => {
    const port: EndpointPort = { port: 80, protocol: 'TCP' };
    const named: EndpointPort = { name: 'b', port: 81, protocol: 'TCP' };
    const ep = (ports: EndpointPort[]): Endpoints => ({ metadata: { name: 's', namespace: 'default' }, subsets: [{ addresses: [{ ip: '10.244.1.5' }], ports }] });
    expect(validateEndpoints(ep([port]))).toEqual([]);
    expect(texts(validateEndpoints(ep([port, named])))).toEqual(['subsets[0].ports[0].name: Required value']);
  });

  it('checks a slice endpoint again under another address type', () => {
    const e: SliceEndpoint = { addresses: ['10.244.1.5'], conditions: { ready: true } };
    const slice = (addressType: string): EndpointSlice => ({ metadata: { name: 's-abc', namespace: 'default' }, addressType, endpoints: [e] });
    expect(validateEndpointSlice(slice('IPv4'))).toEqual([]);
    expect(texts(validateEndpointSlice(slice('IPv6')))).toEqual(['endpoints[0].addresses[0]: Invalid value: "10.244.1.5": must be an IPv6 address']);
  });
});
