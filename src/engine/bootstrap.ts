/**
 * Brings up what `kind create cluster` leaves behind: the namespaces, the nodes, the control-plane static pods,
 * the `kubernetes` Service and its endpoints (maintained by the apiserver itself), kube-proxy and kindnet on every
 * node, CoreDNS behind `kube-system/kube-dns`, and local-path-provisioner in `local-path-storage`.
 * Objects go through the apiserver like any other, so they are defaulted and validated the same way.
 */
import type { Deployment, Endpoints, EndpointSlice, Node, Service } from './api/types';
import type { Cluster } from './cluster';
import type { NodeConfig } from './config';
import { formatTimestamp } from './clock';
import { coreDnsConfigMap } from './kubeSystem/coreDnsManifests';
import { kindnetDaemonSet } from './kubeSystem/kindnetManifests';
import { coreDnsImage } from './kubeSystem/kindImages';
import { kubeProxyConfigMap, kubeProxyDaemonSet } from './kubeSystem/kubeProxyManifests';
import { localPathConfigMap, localPathDeployment, localPathNamespace } from './kubeSystem/localPathManifests';
import { controlPlaneMirrorPods } from './kubeSystem/staticPods';

/** How long the cluster runs before the user gets it: long enough for CoreDNS to be Ready. */
export const bootstrapMs = 90_000;

export function nodeObject(n: NodeConfig, version: string, now: number): Node {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
    ...(n.role === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
    ...(n.labels ?? {}),
  };
  const t = formatTimestamp(now);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: n.podCIDR,
      podCIDRs: [n.podCIDR],
      providerID: `kind://docker/kind/${n.name}`,
      ...(n.taints?.length ? { taints: n.taints } : {}),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: n.ip },
        { type: 'Hostname', address: n.name },
      ],
      allocatable: { cpu: '8', 'ephemeral-storage': '102625208Ki', 'hugepages-2Mi': '0', memory: '16351556Ki', pods: '110' },
      capacity: { cpu: '8', 'ephemeral-storage': '102625208Ki', 'hugepages-2Mi': '0', memory: '16351556Ki', pods: '110' },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', t),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', t),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', t),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', t),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://2.1.3',
        kernelVersion: '6.8.0-60-generic',
        kubeProxyVersion: '',
        kubeletVersion: version,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '',
      },
    },
  };
}

function cond(type: string, status: string, reason: string, message: string, t: string) {
  return { type, status, reason, message, lastHeartbeatTime: t, lastTransitionTime: t };
}

export function bootstrapCluster(cluster: Cluster): void {
  const { api, config } = cluster;
  const now = cluster.now();
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.create('Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } } });
  }
  const controlPlane = config.nodes.find((n) => n.role === 'control-plane') ?? config.nodes[0];
  // `kind create cluster` runs kubeadm init on the control plane first (static pods, add-ons, kind's CNI and
  // storage), and only then joins the workers: CoreDNS and local-path-provisioner land on the control plane.
  const planes = config.nodes.filter((n) => n.role === 'control-plane');
  const joinNode = (n: NodeConfig) => {
    const node = nodeObject(n, config.kubernetesVersion, now);
    const created = api.create('Node', node);
    if (created.ok) api.updateStatus('Node', { ...created.value, status: node.status });
    return created.ok ? created.value : node;
  };
  for (const n of planes.length ? planes : [controlPlane]) {
    const node = joinNode(n);
    for (const pod of controlPlaneMirrorPods(n, node, config.kubernetesVersion, config.serviceCIDR, config.podCIDR, configSeen(now))) api.create('Pod', pod);
  }
  const kubernetesSvc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: firstServiceIP(config.serviceCIDR, 1),
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
    },
  };
  api.create('Service', kubernetesSvc);
  // The apiserver's own endpoint reconciler keeps `kubernetes` pointing at the apiservers.
  const ep: Endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: controlPlane.ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  };
  api.create('Endpoints', ep);
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [controlPlane.ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  };
  api.create('EndpointSlice', slice);

  // kubeadm's add-on phase: kube-proxy, then CoreDNS
  api.create('ConfigMap', kubeProxyConfigMap(config.proxyMode, config.podCIDR, `${config.name}-control-plane`));
  api.create('DaemonSet', kubeProxyDaemonSet(config.kubernetesVersion));
  api.create('ConfigMap', coreDnsConfigMap(config.clusterDomain));
  api.create('Service', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: firstServiceIP(config.serviceCIDR, 10),
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  });
  api.create('Deployment', coreDnsDeployment());
  // kind installs its CNI and default storage class after kubeadm init
  api.create('DaemonSet', kindnetDaemonSet(config.podCIDR));
  api.create('Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: localPathNamespace, labels: { 'kubernetes.io/metadata.name': localPathNamespace } } });
  api.create('ConfigMap', localPathConfigMap());
  api.create('Deployment', localPathDeployment());
  cluster.drain();
  for (const n of config.nodes) if (!planes.includes(n) && n !== controlPlane) joinNode(n);
  cluster.drain();
  cluster.advance(bootstrapMs);
}

/** `kubernetes.io/config.seen`: when the kubelet first saw the static pod manifest (RFC 3339 with nanoseconds). */
function configSeen(now: number): string {
  return new Date(now).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** The n-th address of the service CIDR (1: the `kubernetes` Service, 10: kube-dns, as kubeadm computes them). */
export function firstServiceIP(cidr: string, n: number): string {
  const [base] = cidr.split('/');
  const parts = base.split('.').map(Number);
  const v = ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) + n;
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
}

function coreDnsDeployment(): Deployment {
  const labels = { 'k8s-app': 'kube-dns' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
      template: {
        metadata: { labels },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          dnsPolicy: 'Default',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          containers: [
            {
              name: 'coredns',
              image: coreDnsImage,
              imagePullPolicy: 'IfNotPresent',
              args: ['-conf', '/etc/coredns/Corefile'],
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              ],
              livenessProbe: {
                httpGet: { path: '/health', port: 8080, scheme: 'HTTP' },
                initialDelaySeconds: 60,
                timeoutSeconds: 5,
                successThreshold: 1,
                failureThreshold: 5,
              },
              readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
            },
          ],
        },
      },
    },
  };
}
