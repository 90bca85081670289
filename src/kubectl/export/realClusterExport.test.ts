// "Export for a real cluster": what a user made, without what the cluster filled in, and a kind config that
// creates the same shape. Server-set fields per component are listed in cleanManifest.ts with their upstream
// sources; kind's config fields in sigs.k8s.io/kind pkg/apis/config/v1alpha4/types.go.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Cluster, kindNodes } from '../../engine';
import { runKubectl, splitCommandLine } from '../kubectl';
import { cleanManifest } from './cleanManifest';
import { exportForKind } from './realClusterExport';

function kubectl(cluster: Cluster, line: string, files: Record<string, string> = {}): string {
  const r = runKubectl({ cluster, readFile: (p) => files[p] }, splitCommandLine(line).slice(1));
  return r.output.map((c) => c.text).join('');
}

const manifests = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.27"}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, nodePort: 30080}]
---
apiVersion: v1
kind: Service
metadata: {name: pinned}
spec:
  clusterIP: 10.96.100.100
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: headless}
spec:
  clusterIP: None
  selector: {app: web}
  ports: [{port: 80}]
`;

function exported() {
  const cluster = new Cluster({ name: 'demo', nodes: kindNodes('demo', 2), proxyMode: 'ipvs', extraPortMappings: [{ node: 'demo-control-plane', containerPort: 30080, hostPort: 8080 }] });
  kubectl(cluster, 'kubectl apply -f m.yaml', { 'm.yaml': manifests });
  kubectl(cluster, 'kubectl run one --image=busybox:1.36 -- sleep infinity');
  cluster.advance(30_000);
  return { cluster, files: exportForKind(cluster) };
}

describe('export for a real cluster', () => {
  it('keeps what the user made, in apply order, and nothing the cluster made', () => {
    const { files } = exported();
    const docs = parseAllDocuments(files.manifests).map((d) => d.toJS() as { kind: string; metadata: { name: string; namespace?: string } });
    expect(docs.map((d) => `${d.kind}/${d.metadata.namespace ?? ''}/${d.metadata.name}`)).toEqual([
      'Namespace//shop',
      'Deployment/shop/web',
      'Pod/default/one',
      'Service/default/headless',
      'Service/default/pinned',
      'Service/shop/web',
    ]);
    expect(files.objects).toBe(6);
    // no ReplicaSets or pods of the Deployment, no kube-system, no kube-root-ca.crt, no Endpoints/slices of controllers
    expect(files.manifests).not.toMatch(/kind: (ReplicaSet|EndpointSlice|Endpoints|ConfigMap)/);
  });

  it('removes the fields the API server, controllers and admission set', () => {
    const { files } = exported();
    for (const field of ['uid:', 'resourceVersion:', 'creationTimestamp:', 'generation:', 'managedFields', 'status:', 'nodeName:', 'kube-api-access-', 'tolerationSeconds: 300', 'priority:', 'serviceAccount:', 'deployment.kubernetes.io/revision', 'kubectl.kubernetes.io/last-applied-configuration', 'kubernetes.io/metadata.name']) {
      expect(files.manifests, field).not.toContain(field);
    }
    const docs = parseAllDocuments(files.manifests).map((d) => d.toJS());
    const svc = (name: string) => docs.find((d) => d.kind === 'Service' && d.metadata.name === name).spec;
    expect(svc('web').clusterIP).toBeUndefined();
    expect(svc('web').ports[0].nodePort).toBe(30080);
    expect(svc('headless').clusterIP).toBe('None');
    // applied with an address: the user chose it (kubectl apply recorded it), so it stays
    expect(svc('pinned').clusterIP).toBe('10.96.100.100');
  });

  it('writes a kind config with the same nodes, subnets, proxy mode and port mappings', () => {
    const { cluster, files } = exported();
    const kind = parseAllDocuments(files.kindConfig)[0].toJS();
    expect(files.kindConfig.startsWith('# kind create cluster --config kind.yaml\n')).toBe(true);
    expect(kind).toMatchObject({ kind: 'Cluster', apiVersion: 'kind.x-k8s.io/v1alpha4', name: 'demo' });
    expect(kind.nodes.map((n: { role: string }) => n.role)).toEqual(['control-plane', 'worker', 'worker']);
    expect(kind.nodes[0].extraPortMappings).toEqual([{ containerPort: 30080, hostPort: 8080, protocol: 'TCP' }]);
    expect(kind.nodes[0].image).toBe(`kindest/node:${cluster.config.kubernetesVersion}`);
    expect(kind.networking).toEqual({ kubeProxyMode: 'ipvs', podSubnet: cluster.config.podCIDR, serviceSubnet: cluster.config.serviceCIDR });
  });

  it('takes kube-proxy’s mode from its ConfigMap, as a restarted kube-proxy would', () => {
    const { cluster } = exported();
    const cm = cluster.get('ConfigMap', 'kube-system', 'kube-proxy');
    if (!cm.ok) throw new Error('no kube-proxy ConfigMap');
    const data = (cm.value as { data: Record<string, string> }).data;
    cluster.patch('ConfigMap', 'kube-system', 'kube-proxy', 'merge', { data: { 'config.conf': data['config.conf'].replace(/^mode: .*$/m, 'mode: nftables') } });
    expect(exportForKind(cluster).kindConfig).toContain('kubeProxyMode: nftables');
  });

  it("exports a StatefulSet as apps/v1, without its pods or the apiserver's claim template status", () => {
    const cluster = new Cluster({ name: 'demo', nodes: kindNodes('demo', 2) });
    const web = readFileSync(join(__dirname, '..', 'testdata', 'web-statefulset.yaml'), 'utf8');
    kubectl(cluster, 'kubectl apply -f web.yaml', { 'web.yaml': web });
    cluster.advance(30_000);
    const files = exportForKind(cluster);
    const docs = parseAllDocuments(files.manifests).map((d) => d.toJS());
    expect(docs.map((d) => `${d.apiVersion} ${d.kind}/${d.metadata.name}`)).toEqual(['apps/v1 StatefulSet/web', 'v1 Service/nginx']);
    const claim = docs[0].spec.volumeClaimTemplates[0];
    expect(claim.status).toBeUndefined();
    expect(claim.metadata).toEqual({ name: 'www' });
    expect(claim.spec.resources).toEqual({ requests: { storage: '1Gi' } });
  });

  it("exports a user's Secrets after the ConfigMaps and before the workloads, data as stored", () => {
    const cluster = new Cluster({ name: 'demo', nodes: kindNodes('demo', 2) });
    kubectl(cluster, 'kubectl create secret generic db --from-literal=password=s3cr3t');
    kubectl(cluster, 'kubectl create configmap conf --from-literal=mode=fast');
    kubectl(cluster, 'kubectl create deployment web --image=nginx');
    cluster.advance(5_000);
    const docs = parseAllDocuments(exportForKind(cluster).manifests).map((d) => d.toJS());
    expect(docs.map((d) => `${d.apiVersion} ${d.kind}/${d.metadata.name}`)).toEqual(['v1 ConfigMap/conf', 'v1 Secret/db', 'apps/v1 Deployment/web']);
    expect(docs[1]).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, data: { password: 'czNjcjN0' }, type: 'Opaque' });
  });

  it('cleans without changing its input', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', uid: 'u' }, spec: { nodeName: 'n', containers: [] }, status: { phase: 'Running' } };
    const before = JSON.stringify(pod);
    expect(cleanManifest(pod)).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } });
    expect(JSON.stringify(pod)).toBe(before);
  });
});
