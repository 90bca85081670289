/**
 * The `cluster:` section of a scenario: the keys of `svcsim shell --config` (name, seed, workers, serviceCIDR,
 * podCIDR, nodePortRange, proxyMode, loadBalancer) and, under `kind:`, kind's own Cluster config
 * (`kind: Cluster`, `apiVersion: kind.x-k8s.io/v1alpha4`): its node roles give the nodes and `networking` the
 * subnets and kube-proxy mode, so a scenario can carry the same file `kind create cluster --config` reads.
 */
import type { Node } from 'yaml';
import { type ClusterConfig, defaultConfig, kindNodes, type PortMapping, type ProxyMode } from '../engine';
import type { YamlReader, YamlNode } from './yamlReader';

const proxyModes: readonly ProxyMode[] = ['iptables', 'ipvs', 'nftables', 'userspace'];
const clusterKeys = ['name', 'seed', 'workers', 'serviceCIDR', 'podCIDR', 'nodePortRange', 'proxyMode', 'loadBalancer', 'kind'];
const cidr = /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/;
const ipv4 = /^(\d{1,3}\.){3}\d{1,3}$/;

export function readClusterSection(r: YamlReader, node: YamlNode, path: string): Partial<ClusterConfig> {
  const m = r.map(node, path, clusterKeys);
  if (!m) return {};
  const cfg: Partial<ClusterConfig> = {};
  const at = (k: string) => `${path}.${k}`;
  const name = m.get('name');
  if (name !== undefined) cfg.name = r.str(name, at('name'));
  const kind = m.get('kind');
  if (kind !== undefined) Object.assign(cfg, readKindCluster(r, kind, at('kind'), cfg.name));
  const seed = m.get('seed');
  if (seed !== undefined) cfg.seed = r.int(seed, at('seed'));
  const workers = m.get('workers');
  if (workers !== undefined) {
    const n = r.int(workers, at('workers'));
    if (n !== undefined && n > 10) r.error(workers, at('workers'), 'at most 10 workers');
    else if (n !== undefined) cfg.nodes = kindNodes(cfg.name ?? defaultConfig().name, n);
  }
  for (const key of ['serviceCIDR', 'podCIDR'] as const) {
    const v = m.get(key);
    if (v === undefined) continue;
    const s = r.str(v, at(key));
    if (s !== undefined && !cidr.test(s)) r.error(v, at(key), `must be a CIDR such as 10.96.0.0/12, not "${s}"`);
    else if (s !== undefined) cfg[key] = s;
  }
  const range = m.get('nodePortRange');
  if (range !== undefined) {
    const s = r.str(range, at('nodePortRange'));
    const mm = s === undefined ? null : /^(\d+)-(\d+)$/.exec(s);
    if (s !== undefined && (!mm || Number(mm[1]) > Number(mm[2]) || Number(mm[2]) > 65535)) r.error(range, at('nodePortRange'), `must be FIRST-LAST such as 30000-32767, not "${s}"`);
    else if (s !== undefined) cfg.nodePortRange = s;
  }
  const mode = m.get('proxyMode');
  if (mode !== undefined) cfg.proxyMode = r.oneOf(mode, at('proxyMode'), proxyModes);
  const lb = m.get('loadBalancer');
  if (lb !== undefined) cfg.loadBalancer = readLoadBalancer(r, lb, at('loadBalancer'));
  for (const k of Object.keys(cfg) as (keyof ClusterConfig)[]) if (cfg[k] === undefined) delete cfg[k];
  return cfg;
}

function readLoadBalancer(r: YamlReader, node: YamlNode, path: string): ClusterConfig['loadBalancer'] | undefined {
  const m = r.map(node, path, ['enabled', 'poolStart', 'poolEnd']);
  if (!m) return undefined;
  const lb = { ...defaultConfig().loadBalancer };
  const enabled = m.get('enabled');
  if (enabled !== undefined) lb.enabled = r.bool(enabled, `${path}.enabled`) ?? lb.enabled;
  for (const key of ['poolStart', 'poolEnd'] as const) {
    const v = m.get(key);
    if (v === undefined) continue;
    const s = r.str(v, `${path}.${key}`);
    if (s !== undefined && !ipv4.test(s)) r.error(v, `${path}.${key}`, `must be an IPv4 address, not "${s}"`);
    else if (s !== undefined) lb[key] = s;
  }
  return lb;
}

// Fields of kind's node and networking config that change nothing the simulation models; accepted so a real
// kind config can be pasted as is (sigs.k8s.io/kind pkg/apis/config/v1alpha4/types.go).
const kindNodeKeys = ['role', 'image', 'labels', 'extraPortMappings', 'extraMounts', 'kubeadmConfigPatches', 'kubeadmConfigPatchesJSON6902'];
const kindNetworkingKeys = ['podSubnet', 'serviceSubnet', 'kubeProxyMode', 'apiServerAddress', 'apiServerPort', 'ipFamily', 'disableDefaultCNI', 'dnsSearch'];

/** kind's Cluster config → nodes, subnets and proxy mode. */
function readKindCluster(r: YamlReader, node: YamlNode, path: string, name: string | undefined): Partial<ClusterConfig> {
  const m = r.map(node, path, ['kind', 'apiVersion', 'name', 'nodes', 'networking', 'featureGates', 'runtimeConfig', 'kubeadmConfigPatches', 'containerdConfigPatches']);
  if (!m) return {};
  const cfg: Partial<ClusterConfig> = {};
  const kind = m.get('kind');
  if (kind !== undefined && r.str(kind, `${path}.kind`) !== 'Cluster') r.error(kind, `${path}.kind`, 'must be Cluster');
  const apiVersion = m.get('apiVersion');
  if (apiVersion !== undefined && r.str(apiVersion, `${path}.apiVersion`) !== 'kind.x-k8s.io/v1alpha4') r.error(apiVersion, `${path}.apiVersion`, 'must be kind.x-k8s.io/v1alpha4');
  const kindName = m.get('name');
  const clusterName = (kindName !== undefined ? r.str(kindName, `${path}.name`) : undefined) ?? name ?? defaultConfig().name;
  if (kindName !== undefined) cfg.name = clusterName;
  const nodes = m.get('nodes');
  if (nodes !== undefined) {
    const items = r.seq(nodes, `${path}.nodes`) ?? [];
    let controlPlanes = 0;
    const workerLabels: Array<Record<string, string> | undefined> = [];
    // each mapping with the index its node gets: the control plane is node 0, the k-th worker node k
    const mappings: Array<{ at: number; mapping: Omit<PortMapping, 'node'> }> = [];
    items.forEach((item: Node, i) => {
      const p = `${path}.nodes[${i}]`;
      const nm = r.map(item, p, kindNodeKeys);
      const role = nm?.get('role');
      const which = role === undefined ? 'control-plane' : r.oneOf(role, `${p}.role`, ['control-plane', 'worker']);
      if (which === 'control-plane') controlPlanes++;
      if (which === 'worker') workerLabels.push(readLabels(r, nm?.get('labels'), `${p}.labels`));
      const pm = nm?.get('extraPortMappings');
      const at = which === 'worker' ? workerLabels.length : 0;
      if (pm !== undefined) for (const [k, x] of (r.seq(pm, `${p}.extraPortMappings`) ?? []).entries()) {
        const mapping = readPortMapping(r, x, `${p}.extraPortMappings[${k}]`);
        if (mapping) mappings.push({ at, mapping });
      }
    });
    if (controlPlanes !== 1) r.error(nodes, `${path}.nodes`, `the simulation has exactly one control-plane node, not ${controlPlanes}`);
    else {
      cfg.nodes = kindNodes(clusterName, workerLabels.length).map((n, i) => (i > 0 && workerLabels[i - 1] ? { ...n, labels: workerLabels[i - 1] } : n));
      const built = cfg.nodes;
      if (mappings.length) cfg.extraPortMappings = mappings.map(({ at, mapping }) => ({ node: built[at].name, ...mapping }));
    }
  }
  const networking = m.get('networking');
  if (networking !== undefined) {
    const nm = r.map(networking, `${path}.networking`, kindNetworkingKeys);
    const sub = (key: string, field: 'podCIDR' | 'serviceCIDR') => {
      const v = nm?.get(key);
      if (v === undefined) return;
      const s = r.str(v, `${path}.networking.${key}`);
      if (s !== undefined && !cidr.test(s)) r.error(v, `${path}.networking.${key}`, `must be an IPv4 CIDR, not "${s}"`);
      else if (s !== undefined) cfg[field] = s;
    };
    sub('podSubnet', 'podCIDR');
    sub('serviceSubnet', 'serviceCIDR');
    const mode = nm?.get('kubeProxyMode');
    if (mode !== undefined) {
      const v = r.oneOf(mode, `${path}.networking.kubeProxyMode`, ['iptables', 'ipvs', 'nftables']);
      if (v) cfg.proxyMode = v;
    }
  }
  return cfg;
}

/** kind's `extraPortMappings` entry: docker publishes hostPort (default: containerPort) on the machine. */
function readPortMapping(r: YamlReader, node: YamlNode, path: string): Omit<PortMapping, 'node'> | undefined {
  const m = r.map(node, path, ['containerPort', 'hostPort', 'listenAddress', 'protocol']);
  if (!m) return undefined;
  const cp = r.required(m, 'containerPort', path, node);
  const containerPort = cp === undefined ? undefined : r.int(cp, `${path}.containerPort`);
  const hp = m.get('hostPort');
  const hostPort = hp === undefined ? containerPort : r.int(hp, `${path}.hostPort`);
  for (const [k, v] of [['containerPort', containerPort], ['hostPort', hostPort]] as const) {
    if (v !== undefined && (v < 1 || v > 65535)) r.error(m.get(k) ?? node, `${path}.${k}`, `must be a port from 1 to 65535, not ${v}`);
  }
  const pr = m.get('protocol');
  const protocol = pr === undefined ? 'TCP' : r.oneOf(pr, `${path}.protocol`, ['TCP', 'UDP'] as const);
  if (containerPort === undefined || hostPort === undefined || !protocol) return undefined;
  return { containerPort, hostPort, protocol };
}

function readLabels(r: YamlReader, node: YamlNode, path: string): Record<string, string> | undefined {
  if (node === undefined) return undefined;
  if (node === null) return undefined;
  const out: Record<string, string> = {};
  const keys = (node as { items?: Array<{ key: { value?: unknown } }> }).items?.map((i) => String(i.key?.value)) ?? [];
  const m = r.map(node, path, keys);
  if (!m) return undefined;
  for (const [k, v] of m) {
    const s = r.text(v, `${path}.${k}`);
    if (s !== undefined) out[k] = s;
  }
  return out;
}
