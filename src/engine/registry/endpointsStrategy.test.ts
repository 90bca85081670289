import { describe, expect, it } from 'vitest';
import type { Endpoints } from '../api/types';
import { newAdmissionTestApi } from './admissionTestApi';

const causes = (r: { ok: boolean; status?: { details?: { causes?: { field?: string; message: string }[] } } }) =>
  (r.status?.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`);

const ep = (subsets: Endpoints['subsets']): Endpoints => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web' }, subsets });

describe('Endpoints strategy (ValidateEndpoints)', () => {
  it('defaults port protocols', () => {
    const r = newAdmissionTestApi().create('Endpoints', ep([{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 8080 }] }]));
    expect(r.ok && r.value.subsets?.[0].ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
  });

  it.each<[string, Endpoints['subsets'], string[]]>([
    ['a subset needs addresses', [{ ports: [{ port: 80 }] }], ['subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`']],
    ['addresses are IPs', [{ addresses: [{ ip: 'web' }] }], ['subsets[0].addresses[0].ip: Invalid value: "web": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)', 'subsets[0].addresses[0].ip: Invalid value: "web": must be a valid IP address']],
    ['no loopback', [{ notReadyAddresses: [{ ip: '127.0.0.1' }] }], ['subsets[0].notReadyAddresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    ['ports named when several', [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 80, name: 'http' }, { port: 443 }] }], ['subsets[0].ports[1].name: Required value']],
  ])('%s', (_name, subsets, want) => {
    expect(causes(newAdmissionTestApi().create('Endpoints', ep(subsets)) as never)).toEqual(want);
  });
});
