import { describe, expect, it } from 'vitest';
import type { EndpointAddress, EndpointSubset } from '../../api/types';
import { repackSubsets, truncateEndpoints } from './endpointSubsets';

const addr = (ip: string, uid = ip): EndpointAddress => ({ ip, targetRef: { kind: 'Pod', name: uid, uid } });
const http = { name: 'http', port: 8080, protocol: 'TCP' };
const metrics = { name: 'metrics', port: 9100, protocol: 'TCP' };

describe('repackSubsets (pkg/api/v1/endpoints/util.go)', () => {
  it('groups addresses by identical port sets', () => {
    const subsets = repackSubsets([
      { address: addr('10.0.0.1'), ready: true, port: http },
      { address: addr('10.0.0.1'), ready: true, port: metrics },
      { address: addr('10.0.0.2'), ready: true, port: http },
    ]);
    expect(subsets).toEqual([
      { addresses: [addr('10.0.0.1'), addr('10.0.0.2')], ports: [http] },
      { addresses: [addr('10.0.0.1')], ports: [metrics] },
    ]);
  });

  it('lets not-ready trump ready for the same address and port', () => {
    const subsets = repackSubsets([
      { address: addr('10.0.0.1'), ready: true, port: http },
      { address: addr('10.0.0.1'), ready: false, port: http },
    ]);
    expect(subsets).toEqual([{ notReadyAddresses: [addr('10.0.0.1')], ports: [http] }]);
  });

  it('keeps the same IP of two pods apart (by targetRef UID)', () => {
    const subsets = repackSubsets([
      { address: addr('10.0.0.1', 'b'), ready: true, port: http },
      { address: addr('10.0.0.1', 'a'), ready: true, port: http },
    ]);
    expect(subsets[0].addresses?.map((a) => a.targetRef?.uid)).toEqual(['a', 'b']);
  });
});

describe('truncateEndpoints (endpoints_controller.go)', () => {
  const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => addr(`${prefix}.${i}`));

  it('keeps ready addresses first and cuts each subset to its share, rounding up', () => {
    const subsets: EndpointSubset[] = [
      { addresses: many('10.0.1', 600), notReadyAddresses: many('10.1.1', 100), ports: [http] },
      { addresses: many('10.0.2', 300), notReadyAddresses: many('10.1.2', 100), ports: [metrics] },
    ];
    const out = truncateEndpoints(subsets, 1000);
    // 900 ready fit; 100 not-ready places shared 50/50
    expect(out?.map((s) => [s.addresses?.length, s.notReadyAddresses?.length])).toEqual([
      [600, 50],
      [300, 50],
    ]);
    expect(truncateEndpoints([{ addresses: many('10.0.1', 10) }], 1000)).toBeUndefined();
  });

  it('drops all not-ready addresses when even the ready ones exceed the cap', () => {
    const out = truncateEndpoints([{ addresses: many('10.0.1', 1500), notReadyAddresses: many('10.1.1', 5) }], 1000);
    expect(out?.[0].addresses).toHaveLength(1000);
    expect(out?.[0].notReadyAddresses).toBeUndefined();
  });
});
