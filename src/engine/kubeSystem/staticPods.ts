/**
 * The control-plane static pods kubeadm writes to /etc/kubernetes/manifests on the control-plane node, as their
 * mirror pods appear in the API (kubernetes/kubernetes `cmd/kubeadm/app/phases/controlplane/manifests.go`,
 * `phases/etcd/local.go`; the kubelet's mirror-pod annotations and Node owner reference from
 * `pkg/kubelet/pod/mirror_client.go`): `<component>-<node>`, host network, system-node-critical.
 */
import type { Container, Node, Pod } from '../api/types';
import type { NodeConfig } from '../config';
import { controlPlaneImage, etcdImage } from './kindImages';

interface StaticPodSpec {
  component: string;
  image: string;
  command: string[];
  cpu: string;
  memory?: string;
  annotations: Record<string, string>;
}

function specs(node: NodeConfig, version: string, serviceCIDR: string, podCIDR: string): StaticPodSpec[] {
  const ip = node.ip;
  return [
    {
      component: 'etcd',
      image: etcdImage,
      command: ['etcd', `--advertise-client-urls=https://${ip}:2379`, '--data-dir=/var/lib/etcd', `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`, `--name=${node.name}`],
      cpu: '100m',
      memory: '100Mi',
      annotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
    },
    {
      component: 'kube-apiserver',
      image: controlPlaneImage('kube-apiserver', version),
      command: ['kube-apiserver', `--advertise-address=${ip}`, '--secure-port=6443', `--service-cluster-ip-range=${serviceCIDR}`],
      cpu: '250m',
      annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` },
    },
    {
      component: 'kube-controller-manager',
      image: controlPlaneImage('kube-controller-manager', version),
      command: ['kube-controller-manager', '--allocate-node-cidrs=true', `--cluster-cidr=${podCIDR}`, `--service-cluster-ip-range=${serviceCIDR}`],
      cpu: '200m',
      annotations: {},
    },
    {
      component: 'kube-scheduler',
      image: controlPlaneImage('kube-scheduler', version),
      command: ['kube-scheduler', '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'],
      cpu: '100m',
      annotations: {},
    },
  ];
}

/** The mirror pods of the control-plane static pods on `node` (created by its kubelet, owned by the Node). */
export function controlPlaneMirrorPods(node: NodeConfig, nodeObj: Node, version: string, serviceCIDR: string, podCIDR: string, seen: string): Pod[] {
  return specs(node, version, serviceCIDR, podCIDR).map((s, i) => {
    const hash = (0x1f3a9c4b + i * 0x9e3779b1 + node.name.length * 7919).toString(16).padStart(8, '0').slice(-8);
    const container: Container = {
      name: s.component,
      image: s.image,
      imagePullPolicy: 'IfNotPresent',
      command: s.command,
      resources: { requests: { cpu: s.cpu, ...(s.memory ? { memory: s.memory } : {}) } },
    };
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${s.component}-${node.name}`,
        namespace: 'kube-system',
        labels: { component: s.component, tier: 'control-plane' },
        annotations: {
          ...s.annotations,
          'kubernetes.io/config.hash': `${hash}${hash}${hash}${hash}`,
          'kubernetes.io/config.mirror': `${hash}${hash}${hash}${hash}`,
          'kubernetes.io/config.seen': seen,
          'kubernetes.io/config.source': 'file',
        },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: nodeObj.metadata?.uid ?? '', controller: true }],
      },
      spec: {
        nodeName: node.name,
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
        containers: [container],
      },
    };
  });
}
