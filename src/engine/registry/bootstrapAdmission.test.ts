import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import type { Kind, Service } from '../api/types';

// One cluster for the whole file: bootstrapping runs 90 s of virtual time with every controller.
const cluster = new Cluster({ freezeObjects: true });

const names = (kind: Kind, namespace?: string) => {
  const r = cluster.list(kind, { namespace });
  return r.ok ? r.value.items.map((o) => o.metadata?.name ?? '') : [];
};

describe('bootstrap objects pass admission', () => {
  it('creates every system object', () => {
    expect(names('Namespace')).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(names('Node')).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3']);
    expect(names('Service', 'default')).toEqual(['kubernetes']);
    expect(names('Service', 'kube-system')).toEqual(['kube-dns']);
    expect(names('Endpoints', 'default')).toEqual(['kubernetes']);
    expect(names('EndpointSlice', 'default')).toContain('kubernetes');
    expect(names('Deployment', 'kube-system')).toEqual(['coredns']);
  });

  it('defaults the system objects as a kind cluster shows them', () => {
    const ns = cluster.get('Namespace', undefined, 'kube-system');
    expect(ns.ok && [ns.value.spec, ns.value.status?.phase]).toEqual([{ finalizers: ['kubernetes'] }, 'Active']);
    const dns = cluster.get('Service', 'kube-system', 'kube-dns');
    expect(dns.ok && dns.value.spec).toMatchObject({
      type: 'ClusterIP',
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    });
    const coredns = cluster.get('Deployment', 'kube-system', 'coredns');
    expect(coredns.ok && coredns.value.spec?.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } });
    expect(coredns.ok && coredns.value.spec?.template.spec?.serviceAccount).toBe('coredns');
  });
});

describe('seed note manifests', () => {
  it('accepts my-service and keeps its allocated IP across a re-apply', () => {
    const svc: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'my-service' },
      spec: { selector: { app: 'MyApp' }, ports: [{ protocol: 'TCP', port: 80, targetPort: 9376 }] },
    };
    const first = cluster.apply('Service', svc);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.object.spec).toMatchObject({ type: 'ClusterIP', sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
    const again = cluster.apply('Service', svc);
    expect(again.ok && again.value.result).toBe('unchanged');
    const replaced = cluster.update('Service', svc);
    expect(replaced.ok && replaced.value.spec?.clusterIP).toBe(first.value.object.spec?.clusterIP);
  });

  it('accepts the kubectl-run pod', () => {
    const r = cluster.create('Pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'alpaca-prod', labels: { app: 'alpaca', env: 'prod', ver: '1' } },
      spec: { containers: [{ name: 'alpaca-prod', image: 'gcr.io/kuar-demo/kuard-amd64:blue', ports: [{ containerPort: 8000 }] }], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always' },
    });
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.spec?.containers[0].ports).toEqual([{ containerPort: 8000, protocol: 'TCP' }]);
    expect(r.ok && r.value.status?.qosClass).toBe('BestEffort');
  });
});
