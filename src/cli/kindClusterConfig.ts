/**
 * kind's own cluster file (`kind create cluster --config`), `kind.x-k8s.io/v1alpha4` `Cluster`: the fields that
 * change what svcsim simulates (node roles and names, `networking.podSubnet` / `serviceSubnet` /
 * `kubeProxyMode`, `extraPortMappings`). Fields kind has but svcsim does not simulate (patches, mounts, images)
 * are accepted and ignored; unknown fields are errors, as kind decodes strictly
 * (kubernetes-sigs/kind pkg/apis/config/v1alpha4/types.go, pkg/internal/apis/config/validate.go).
 */
import { type ClusterConfig, kindNodes, type NodeConfig, type PortMapping } from '../engine';

const topKeys = new Set(['kind', 'apiVersion', 'name', 'nodes', 'networking', 'featureGates', 'runtimeConfig', 'kubeadmConfigPatches', 'kubeadmConfigPatchesJSON6902', 'containerdConfigPatches', 'containerdConfigPatchesJSON6902']);
const nodeKeys = new Set(['role', 'image', 'labels', 'extraMounts', 'extraPortMappings', 'kubeadmConfigPatches', 'kubeadmConfigPatchesJSON6902']);
const networkingKeys = new Set(['ipFamily', 'apiServerPort', 'apiServerAddress', 'podSubnet', 'serviceSubnet', 'disableDefaultCNI', 'kubeProxyMode', 'dnsSearch']);

export function isKindClusterFile(raw: Record<string, unknown>): boolean {
  return raw.kind === 'Cluster' || (typeof raw.apiVersion === 'string' && raw.apiVersion.startsWith('kind.x-k8s.io/'));
}

function unknownKeys(obj: Record<string, unknown>, known: Set<string>, where: string): string | undefined {
  const bad = Object.keys(obj).filter((k) => !known.has(k));
  return bad.length ? `unknown field${bad.length > 1 ? 's' : ''} in ${where}: ${bad.join(', ')}` : undefined;
}

/** The node IPs and pod CIDRs kind's nodes get: control planes first, then workers, 172.18.0.2 upwards. */
function nodesFor(name: string, roles: string[], podSubnet: string): NodeConfig[] {
  const cps = roles.filter((r) => r === 'control-plane').length;
  const base = podSubnet.split('/')[0].split('.').slice(0, 2).join('.');
  const ordered = [...roles.filter((r) => r === 'control-plane'), ...roles.filter((r) => r === 'worker')];
  let cp = 0;
  let w = 0;
  return ordered.map((role, i) => {
    const n = role === 'control-plane' ? ++cp : ++w;
    const nodeName = `${name}-${role}${n === 1 ? '' : n}`;
    return {
      name: nodeName,
      role: role as NodeConfig['role'],
      ip: `172.18.0.${2 + i}`,
      podCIDR: `${base}.${i}.0/24`,
      taints: role === 'control-plane' && roles.length > cps ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : [],
    };
  });
}

export function parseKindCluster(r: Record<string, unknown>): { ok: true; config: Partial<ClusterConfig> } | { ok: false; error: string } {
  if (r.apiVersion !== 'kind.x-k8s.io/v1alpha4') return { ok: false, error: `unsupported kind config apiVersion ${String(r.apiVersion)} (kind reads kind.x-k8s.io/v1alpha4)` };
  const top = unknownKeys(r, topKeys, 'Cluster');
  if (top) return { ok: false, error: top };
  const cfg: Partial<ClusterConfig> = {};
  const name = r.name === undefined ? 'kind' : String(r.name);
  cfg.name = name;
  const net = (r.networking ?? {}) as Record<string, unknown>;
  const badNet = unknownKeys(net, networkingKeys, 'networking');
  if (badNet) return { ok: false, error: badNet };
  const podSubnet = net.podSubnet === undefined ? '10.244.0.0/16' : String(net.podSubnet);
  if (!/^\d+\.\d+\.\d+\.\d+\/16$/.test(podSubnet)) return { ok: false, error: `networking.podSubnet ${podSubnet}: svcsim simulates an IPv4 /16 pod subnet` };
  cfg.podCIDR = podSubnet;
  if (net.serviceSubnet !== undefined) cfg.serviceCIDR = String(net.serviceSubnet);
  if (net.kubeProxyMode !== undefined) {
    const m = String(net.kubeProxyMode);
    if (m === 'none') return { ok: false, error: 'networking.kubeProxyMode none (no kube-proxy) is not simulated: use iptables, ipvs or nftables' };
    if (!['iptables', 'ipvs', 'nftables'].includes(m)) return { ok: false, error: `invalid kubeProxyMode: ${m}` };
    cfg.proxyMode = m as ClusterConfig['proxyMode'];
  }
  const rawNodes = r.nodes === undefined ? [{ role: 'control-plane' }] : r.nodes;
  if (!Array.isArray(rawNodes) || rawNodes.length === 0) return { ok: false, error: 'nodes must be a non-empty list' };
  const roles: string[] = [];
  const mappings: { index: number; m: Record<string, unknown> }[] = [];
  for (const [i, n] of rawNodes.entries()) {
    if (n === null || typeof n !== 'object') return { ok: false, error: `nodes[${i}] must be a mapping` };
    const node = n as Record<string, unknown>;
    const bad = unknownKeys(node, nodeKeys, `nodes[${i}]`);
    if (bad) return { ok: false, error: bad };
    const role = String(node.role ?? 'control-plane');
    if (role !== 'control-plane' && role !== 'worker') return { ok: false, error: `nodes[${i}].role: unknown role ${role}` };
    roles.push(role);
    for (const m of (node.extraPortMappings ?? []) as Record<string, unknown>[]) mappings.push({ index: i, m });
  }
  if (!roles.includes('control-plane')) return { ok: false, error: 'must have at least one control-plane node' };
  const nodes = roles.length === 1 ? kindNodes(name, 0).map((x) => ({ ...x, podCIDR: `${podSubnet.split('.').slice(0, 2).join('.')}.0.0/24` })) : nodesFor(name, roles, podSubnet);
  cfg.nodes = nodes;
  // nodes are listed control planes first; map each file entry to the node it became
  const order = roles.map((role, i) => ({ role, i })).sort((a, b) => (a.role === b.role ? a.i - b.i : a.role === 'control-plane' ? -1 : 1));
  const nodeOf = new Map(order.map((o, k) => [o.i, nodes[k].name]));
  const portMappings: PortMapping[] = [];
  for (const { index, m } of mappings) {
    const containerPort = Number(m.containerPort);
    const hostPort = m.hostPort === undefined ? containerPort : Number(m.hostPort);
    if (!Number.isInteger(containerPort) || containerPort < 1 || containerPort > 65535) return { ok: false, error: `nodes[${index}].extraPortMappings: invalid containerPort ${String(m.containerPort)}` };
    portMappings.push({ node: nodeOf.get(index) ?? nodes[0].name, containerPort, hostPort, protocol: String(m.protocol ?? 'TCP').toUpperCase() as 'TCP' | 'UDP' });
  }
  cfg.extraPortMappings = portMappings;
  return { ok: true, config: cfg };
}
