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
    expect(names('Namespace')).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']);
    expect(names('Node')).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3']);
    expect(names('Service', 'default')).toEqual(['kubernetes']);
    expect(names('Service', 'kube-system')).toEqual(['kube-dns']);
    expect(names('Endpoints', 'default')).toEqual(['kubernetes']);
    expect(names('EndpointSlice', 'default')).toContain('kubernetes');
    expect(names('Deployment', 'kube-system')).toEqual(['coredns']);
    expect(names('Deployment', 'local-path-storage')).toEqual(['local-path-provisioner']);
    expect(names('DaemonSet', 'kube-system')).toEqual(['kindnet', 'kube-proxy']);
    expect(names('ConfigMap', 'kube-system')).toEqual(['coredns', 'kube-proxy', 'kube-root-ca.crt']);
    expect(names('ConfigMap', 'default')).toEqual(['kube-root-ca.crt']);
    expect(names('ConfigMap', 'local-path-storage')).toEqual(['kube-root-ca.crt', 'local-path-config']);
    // kubeadm's static pods, mirrored by the control plane's kubelet and owned by its Node
    const pods = names('Pod', 'kube-system');
    for (const p of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) expect(pods).toContain(`${p}-kind-control-plane`);
    expect(pods.filter((p) => p.startsWith('kube-proxy-'))).toHaveLength(4);
    expect(pods.filter((p) => p.startsWith('kindnet-'))).toHaveLength(4);
  });

  it('gives host-network pods their node IP and CoreDNS the control plane pod CIDR', () => {
    const pods = cluster.list('Pod', { namespace: 'kube-system' });
    const items = pods.ok ? pods.value.items : [];
    const etcd = items.find((p) => p.metadata?.name === 'etcd-kind-control-plane');
    expect([etcd?.status?.podIP, etcd?.spec?.hostNetwork, etcd?.metadata?.ownerReferences?.[0]?.kind, etcd?.spec?.priority]).toEqual(['172.18.0.2', true, 'Node', 2000001000]);
    expect(etcd?.metadata?.annotations?.['kubernetes.io/config.source']).toBe('file');
    for (const p of items.filter((p) => p.metadata?.name?.startsWith('kube-proxy-'))) {
      const node = cluster.get('Node', undefined, p.spec?.nodeName ?? '');
      expect(p.status?.podIP).toBe(node.ok ? node.value.status?.addresses?.[0]?.address : '');
    }
    for (const p of items.filter((p) => p.metadata?.name?.startsWith('coredns-'))) {
      expect([p.spec?.nodeName, p.status?.podIP?.startsWith('10.244.0.')]).toEqual(['kind-control-plane', true]);
    }
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
