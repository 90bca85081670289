import { describe, expect, it } from 'vitest';
import { parseClusterConfig } from './clusterConfigFile';

// The shape of kind's v1alpha4 Cluster file: kubernetes-sigs/kind pkg/apis/config/v1alpha4/types.go
const kindFile = `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
networking:
  kubeProxyMode: ipvs
  podSubnet: 10.245.0.0/16
  serviceSubnet: 10.97.0.0/12
nodes:
- role: control-plane
  extraPortMappings:
  - containerPort: 30080
    hostPort: 8080
- role: worker
- role: worker
`;

describe('kind cluster file', () => {
  it('reads nodes, networking and extraPortMappings', () => {
    const r = parseClusterConfig(kindFile);
    if (!r.ok) throw new Error(r.error);
    expect(r.config.proxyMode).toBe('ipvs');
    expect(r.config.podCIDR).toBe('10.245.0.0/16');
    expect(r.config.serviceCIDR).toBe('10.97.0.0/12');
    expect(r.config.nodes?.map((n) => `${n.name} ${n.ip} ${n.podCIDR}`)).toEqual(['kind-control-plane 172.18.0.2 10.245.0.0/24', 'kind-worker 172.18.0.3 10.245.1.0/24', 'kind-worker2 172.18.0.4 10.245.2.0/24']);
    expect(r.config.extraPortMappings).toEqual([{ node: 'kind-control-plane', containerPort: 30080, hostPort: 8080, protocol: 'TCP' }]);
  });

  it('rejects unknown fields and modes kind rejects', () => {
    expect(parseClusterConfig(kindFile.replace('kubeProxyMode: ipvs', 'kubeProxyMode: userspace'))).toEqual({ ok: false, error: 'invalid kubeProxyMode: userspace' });
    expect(parseClusterConfig(kindFile.replace('- role: worker\n', '- role: worker\n  replicas: 2\n'))).toEqual({ ok: false, error: 'unknown field in nodes[1]: replicas' });
  });

  it('still reads svcsim keys', () => {
    const r = parseClusterConfig('proxyMode: nftables\nworkers: 1\n');
    expect(r.ok && r.config.proxyMode).toBe('nftables');
  });
});
