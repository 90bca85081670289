/**
 * The kind Cluster config (`kind.x-k8s.io/v1alpha4`, sigs.k8s.io/kind pkg/apis/config/v1alpha4/types.go) that
 * creates a real cluster shaped like the simulated one: its nodes (roles, labels), `extraPortMappings`, pod and
 * Service subnets and kube-proxy mode. What kind cannot express is said in comments, not dropped silently.
 */
import type { ClusterConfig } from '../../engine';
import { toGoYaml } from '../printers/goYaml';

/**
 * `mode` is kube-proxy's mode as its ConfigMap says now (the simulation may have switched it since creation);
 * `loadBalancers`: the cluster has LoadBalancer Services, which kind alone leaves pending.
 */
export function kindClusterFile(config: ClusterConfig, mode: string, loadBalancers = false): string {
  const notes: string[] = ['# kind create cluster --config kind.yaml'];
  const nodes = config.nodes.map((n) => {
    const node: Record<string, unknown> = { role: n.role, image: `kindest/node:${config.kubernetesVersion}` };
    const labels = Object.fromEntries(Object.entries(n.labels ?? {}).filter(([k]) => !/(^|\.)kubernetes\.io\//.test(k)));
    if (Object.keys(labels).length) node.labels = labels;
    const mappings = config.extraPortMappings.filter((m) => m.node === n.name).map((m) => ({ containerPort: m.containerPort, hostPort: m.hostPort, protocol: m.protocol ?? 'TCP' }));
    if (mappings.length) node.extraPortMappings = mappings;
    return node;
  });
  const networking: Record<string, unknown> = { podSubnet: config.podCIDR, serviceSubnet: config.serviceCIDR };
  // kind accepts iptables, ipvs, nftables and none (pkg/internal/apis/config/validate.go); userspace was removed
  // from kube-proxy in 1.26
  if (mode === 'iptables' || mode === 'ipvs' || mode === 'nftables') networking.kubeProxyMode = mode;
  else notes.push(`# the simulation ran kube-proxy in ${mode} mode, which kind and Kubernetes 1.34 do not offer: iptables is used`);
  if (config.nodePortRange !== '30000-32767') {
    notes.push(`# the simulation used --service-node-port-range=${config.nodePortRange}; kind needs a kubeadmConfigPatches entry for the API server to do the same`);
  }
  if (loadBalancers && config.loadBalancer.enabled) {
    notes.push(`# the simulation answered LoadBalancer Services from ${config.loadBalancer.poolStart}-${config.loadBalancer.poolEnd}; kind has no load balancer of its own (cloud-provider-kind or MetalLB provide one)`);
  }
  const file: Record<string, unknown> = { kind: 'Cluster', apiVersion: 'kind.x-k8s.io/v1alpha4' };
  if (config.name !== 'kind') file.name = config.name;
  file.nodes = nodes;
  file.networking = networking;
  return `${notes.join('\n')}\n${toGoYaml(file)}`;
}
