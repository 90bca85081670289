/** The worker's data-plane commands: kube-proxy status per node, a Service's rules, traffic, the mode switch. */
import { describe, expect, it } from 'vitest';
import { ClusterHost } from './clusterHost';

const web = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: "nginx:1.27"}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;

describe('data plane replies', () => {
  it('reports modes, renders rules, counts traffic and switches the mode through the DaemonSet', () => {
    const host = new ClusterHost({ seed: 3 });
    expect(host.handle(1, { type: 'apply', yaml: web }).ok).toBe(true);
    host.handle(2, { type: 'advance', ms: 30_000 });
    const status = host.handle(3, { type: 'proxyStatus' }).value;
    expect(status?.kind === 'proxyStatus' && status.nodes.map((n) => n.mode)).toEqual(['iptables', 'iptables', 'iptables', 'iptables']);
    const rules = host.handle(4, { type: 'nodeRules', node: 'kind-worker', namespace: 'default', service: 'web' }).value;
    expect(rules?.kind === 'rules' && rules.lines.filter((l) => l.startsWith('-A KUBE-SEP-') && l.includes('DNAT'))).toHaveLength(2);
    const pods = host.current.list('Pod', { namespace: 'default' });
    const client = pods.ok ? (pods.value.items[0].metadata?.name ?? '') : '';
    const traffic = host.handle(5, { type: 'traffic', namespace: 'default', pod: client, to: 'web', port: 80, count: 50 }).value;
    expect(traffic?.kind === 'traffic' && traffic.traffic.endpoints.reduce((a, e) => a + e.count, 0)).toBe(50);
    expect(host.handle(6, { type: 'nodeRules', node: 'nope' }).ok).toBe(false);
    expect(host.handle(7, { type: 'proxyMode', mode: 'nftables' }).ok).toBe(true);
    host.handle(8, { type: 'advance', ms: 60_000 });
    const after = host.handle(9, { type: 'proxyStatus' }).value;
    expect(after?.kind === 'proxyStatus' && after.nodes.every((n) => n.mode === 'nftables')).toBe(true);
  });
});
