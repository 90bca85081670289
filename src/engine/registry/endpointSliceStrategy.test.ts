import { describe, expect, it } from 'vitest';
import { cloneJson } from '../shared';
import type { EndpointSlice } from '../api/types';
import { newAdmissionTestApi } from './admissionTestApi';

const causes = (r: { ok: boolean; status?: { details?: { causes?: { field?: string; message: string }[] } } }) =>
  (r.status?.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`);

const slice = (s: Partial<EndpointSlice>): EndpointSlice =>
  ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-abcde' }, addressType: 'IPv4', ...s }) as EndpointSlice;

describe('EndpointSlice strategy (pkg/apis/discovery/validation)', () => {
  it('defaults port names and protocols, and tracks generation', () => {
    const r = newAdmissionTestApi().create('EndpointSlice', slice({ ports: [{ port: 80 }], endpoints: [{ addresses: ['10.244.1.5'] }] }));
    expect(r.ok && r.value.ports).toEqual([{ port: 80, name: '', protocol: 'TCP' }]);
    expect(r.ok && r.value.metadata?.generation).toBe(1);
  });

  it.each<[string, Partial<EndpointSlice>, string[]]>([
    ['addressType required', { addressType: '' }, ['addressType: Required value']],
    ['addressType values', { addressType: 'IPX' }, ['addressType: Unsupported value: "IPX": supported values: "FQDN", "IPv4", "IPv6"']],
    ['endpoints need an address', { endpoints: [{ addresses: [] }] }, ['endpoints[0].addresses: Required value: must contain at least 1 address']],
    ['at most 1000 endpoints', { endpoints: Array.from({ length: 1001 }, (_, i) => ({ addresses: [`10.0.${i >> 8}.${(i & 255) + 1}`] })) }, ['endpoints: Too many: 1001: must have at most 1000 items']],
    ['at most 100 ports', { ports: Array.from({ length: 101 }, (_, i) => ({ name: `p${i}`, port: 1000 + i })) }, ['ports: Too many: 101: must have at most 100 items']],
    ['port names unique', { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] }, ['ports[1].name: Duplicate value: "http"']],
  ])('%s', (_name, s, want) => {
    expect(causes(newAdmissionTestApi().create('EndpointSlice', slice(s)) as never)).toEqual(want);
  });

  it('addressType is immutable', () => {
    const api = newAdmissionTestApi();
    const created = api.create('EndpointSlice', slice({ endpoints: [{ addresses: ['10.244.1.5'] }] }));
    if (!created.ok) throw new Error(created.status.message);
    const next = cloneJson(created.value);
    next.addressType = 'FQDN';
    next.endpoints = [{ addresses: ['web.example.com'] }];
    expect(causes(api.update('EndpointSlice', next) as never)).toEqual(['addressType: Invalid value: "FQDN": field is immutable']);
  });
});
