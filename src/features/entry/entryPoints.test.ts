import { describe, expect, it } from 'vitest';
import { entryPoints } from './entryPoints';

const svc = (name: string, type: string, extra: Record<string, unknown> = {}, status?: unknown) => ({
  metadata: { name, namespace: 'default' },
  spec: { type, ports: [{ port: 80, protocol: 'TCP', ...(type === 'ClusterIP' ? {} : { nodePort: 30000 + name.length }) }], ...extra },
  ...(status ? { status } : {}),
});
const slice = (service: string, nodes: [string, boolean][]) => ({
  metadata: { namespace: 'default', labels: { 'kubernetes.io/service-name': service } },
  endpoints: nodes.map(([nodeName, ready]) => ({ nodeName, conditions: { ready } })),
});

describe('entryPoints', () => {
  const services = [
    svc('web', 'NodePort'),
    svc('inner', 'ClusterIP'),
    svc('lb', 'LoadBalancer', { externalTrafficPolicy: 'Local' }, { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } }),
  ];
  const slices = [slice('lb', [['kind-worker', true], ['kind-worker2', false]]), slice('web', [['kind-worker3', true]])];
  const e = entryPoints(services, slices);

  it('opens every NodePort on every node; ClusterIP Services open none', () => {
    for (const node of ['kind-control-plane', 'kind-worker', 'kind-worker3']) {
      expect(e.nodePorts(node).map((p) => `${p.service}:${p.nodePort}`)).toEqual(['default/lb:30002', 'default/web:30003']);
    }
    expect(e.nodePorts('kind-worker3').find((p) => p.service === 'default/web')?.answering).toBe(true);
  });

  it('externalTrafficPolicy Local answers only on nodes with a ready endpoint', () => {
    const lbOn = (node: string) => e.nodePorts(node).find((p) => p.service === 'default/lb');
    expect(lbOn('kind-worker')).toMatchObject({ answering: true, local: true });
    expect(lbOn('kind-worker2')?.answering).toBe(false);
    expect(lbOn('kind-control-plane')?.answering).toBe(false);
  });

  it("takes a LoadBalancer's address from status.loadBalancer.ingress, none while pending", () => {
    expect(e.loadBalancers).toEqual([{ service: 'default/lb', addresses: ['172.18.255.200'], ports: [{ port: 80, nodePort: 30002, protocol: 'TCP' }], local: true }]);
    expect(entryPoints([svc('lb', 'LoadBalancer')], []).loadBalancers[0].addresses).toEqual([]);
  });
});
