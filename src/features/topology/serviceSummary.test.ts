import { describe, expect, it } from 'vitest';
import { serviceSummary } from './serviceSummary';

describe('serviceSummary', () => {
  it('summarises a Service by its address and ports, an ExternalName by where it points', () => {
    expect(serviceSummary({ spec: { type: 'NodePort', clusterIP: '10.96.1.2', ports: [{ port: 80, nodePort: 30306, protocol: 'TCP' }] } })).toBe('10.96.1.2 80:30306/TCP');
    expect(serviceSummary({ spec: { type: 'ExternalName', externalName: 'example.com' } })).toBe('→ example.com');
  });
});
