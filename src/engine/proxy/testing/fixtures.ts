/**
 * Services and EndpointSlices for the proxier tests, built the way kubernetes/kubernetes
 * pkg/proxy/iptables/proxier_test.go builds them (`makeTestService`, `makeTestEndpointSlice`).
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { ServiceChangeTracker } from '../serviceChangeTracker';

export function testService(ns: string, name: string, spec: Service['spec'], lbIPs: string[] = []): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { namespace: ns, name },
    spec: { type: 'ClusterIP', ...spec },
    status: { loadBalancer: { ingress: lbIPs.map((ip) => ({ ip })) } },
  };
}

export function testSlice(ns: string, svc: string, endpoints: { ip: string; node?: string; ready?: boolean; terminating?: boolean; serving?: boolean }[], port = 80, portName = 'p80'): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { namespace: ns, name: `${svc}-1`, labels: { 'kubernetes.io/service-name': svc } },
    addressType: 'IPv4',
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      ...(e.node ? { nodeName: e.node } : {}),
      conditions: { ready: e.ready ?? true, serving: e.serving ?? e.ready ?? true, terminating: e.terminating ?? false },
    })),
    ports: [{ name: portName, port, protocol: 'TCP' }],
  };
}

export function trackerWith(services: Service[], slices: EndpointSlice[]): ServiceChangeTracker {
  const t = new ServiceChangeTracker();
  for (const s of services) t.onServiceChange(s);
  for (const s of slices) t.onSliceChange(s);
  return t;
}

const p80 = (nodePort?: number) => [{ name: 'p80', port: 80, protocol: 'TCP', ...(nodePort ? { nodePort } : {}) }];

/**
 * The six Services and their endpoints of `TestOverallIPTablesRules` (kubernetes/kubernetes
 * pkg/proxy/iptables/proxier_test.go): ClusterIP, LoadBalancer with Local policy, NodePort, external IP with two
 * endpoints, LoadBalancer with source ranges and ClientIP affinity, and a Service without endpoints.
 */
export function overallRulesCluster(node = 'test-node'): ServiceChangeTracker {
  return trackerWith(
    [
      testService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: p80() }),
      testService('ns2', 'svc2', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', clusterIP: '172.30.0.42', ports: p80(3001), externalIPs: ['192.168.99.22'], healthCheckNodePort: 30000 }, ['1.2.3.4']),
      testService('ns3', 'svc3', { type: 'NodePort', clusterIP: '172.30.0.43', ports: p80(3003) }),
      testService('ns4', 'svc4', { type: 'NodePort', clusterIP: '172.30.0.44', externalIPs: ['192.168.99.33'], ports: p80() }),
      testService(
        'ns5',
        'svc5',
        { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', clusterIP: '172.30.0.45', ports: p80(3002), healthCheckNodePort: 30000, loadBalancerSourceRanges: [' 203.0.113.0/25'], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } },
        ['5.6.7.8'],
      ),
      testService('ns6', 'svc6', { clusterIP: '172.30.0.46', ports: p80() }),
    ],
    [
      testSlice('ns1', 'svc1', [{ ip: '10.180.0.1' }]),
      testSlice('ns2', 'svc2', [{ ip: '10.180.0.2' }]),
      testSlice('ns3', 'svc3', [{ ip: '10.180.0.3' }]),
      testSlice('ns4', 'svc4', [{ ip: '10.180.0.4' }, { ip: '10.180.0.5', node }]),
      testSlice('ns5', 'svc5', [{ ip: '10.180.0.3' }]),
    ],
  );
}
