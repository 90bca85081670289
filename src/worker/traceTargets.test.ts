/** What a traffic reply tells the canvas: client, Service, the node and pod of each step; from your machine too. */
import { describe, expect, it } from 'vitest';
import type { WireTraffic } from '../protocol/messages';
import { ClusterHost } from './clusterHost';

const web = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: "nginx:1.27"}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {type: NodePort, selector: {app: web}, ports: [{port: 80}]}
`;

function traffic(host: ClusterHost, id: number, c: Parameters<ClusterHost['handle']>[1]): WireTraffic {
  const r = host.handle(id, c);
  if (!r.ok || r.value?.kind !== 'traffic') throw new Error(r.error ?? 'no traffic');
  return r.value.traffic;
}

describe('traffic reply for the canvas', () => {
  const host = new ClusterHost({ seed: 5 });
  host.handle(1, { type: 'apply', yaml: web });
  host.handle(2, { type: 'advance', ms: 30_000 });
  const pods = host.current.list('Pod', { namespace: 'default' });
  const client = pods.ok ? (pods.value.items[0].metadata?.name ?? '') : '';

  it('names the client, the Service and where each step happened', () => {
    const t = traffic(host, 3, { type: 'traffic', namespace: 'default', pod: client, to: 'web', port: 80, count: 20 });
    expect(t.first?.client).toBe(`default/${client}`);
    expect(t.first?.service).toBe('default/web');
    const steps = t.first?.steps ?? [];
    expect(steps[0]).toMatchObject({ kind: 'dns' });
    expect(steps.find((s) => s.kind === 'send')?.node).toBe(t.node);
    expect(steps.filter((s) => s.kind === 'rule').every((s) => s.node === t.node)).toBe(true);
    const deliver = steps.find((s) => s.kind === 'deliver');
    expect(deliver?.pod).toBe(t.first?.pod);
    expect(deliver?.node).toBe(t.endpoints.find((e) => e.pod === t.first?.pod)?.node);
  });

  it('comes from your machine to a node IP on the NodePort', () => {
    const svc = host.current.get('Service', 'default', 'web');
    const nodePort = svc.ok ? (svc.value.spec?.ports?.[0].nodePort ?? 0) : 0;
    const t = traffic(host, 4, { type: 'traffic', namespace: 'default', pod: '', host: true, to: '172.18.0.3', port: nodePort, count: 9 });
    expect(t.first?.client).toBe('your machine');
    expect(t.first?.service).toBe('default/web');
    expect(t.endpoints.reduce((a, e) => a + e.count, 0)).toBe(9);
    expect(t.first?.steps.some((s) => s.kind === 'rule' && s.text.includes('KUBE-NODEPORTS'))).toBe(true);
  });
});
