/**
 * The `--config` file of `svcsim shell`: YAML or JSON with any of
 *
 *   name: kind                 # cluster name; kind derives node names from it
 *   seed: 7                    # the PRNG seed (same seed + same script = same output)
 *   workers: 3                 # worker nodes (plus one control plane), or:
 *   nodes: [{name, role, ip, podCIDR}]
 *   serviceCIDR: 10.96.0.0/12  # --service-cluster-ip-range
 *   podCIDR: 10.244.0.0/16     # --cluster-cidr
 *   nodePortRange: 30000-32767 # --service-node-port-range
 *   proxyMode: iptables        # iptables | ipvs | nftables | userspace
 *   loadBalancer: {enabled: true, poolStart: 172.18.255.200, poolEnd: 172.18.255.250}
 *
 * Unknown keys are errors, so a typo does not silently give the default cluster. kind's own Cluster file
 * (`apiVersion: kind.x-k8s.io/v1alpha4`, `kind: Cluster`) is read too (see `kindClusterConfig.ts`).
 */
import { parse } from 'yaml';
import { type ClusterConfig, defaultConfig, kindNodes } from '../engine';
import { isKindClusterFile, parseKindCluster } from './kindClusterConfig';

const known = new Set(['name', 'seed', 'workers', 'nodes', 'serviceCIDR', 'podCIDR', 'nodePortRange', 'proxyMode', 'loadBalancer', 'startTime']);

export function parseClusterConfig(text: string): { ok: true; config: Partial<ClusterConfig> } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    return { ok: false, error: `the config is not valid YAML: ${(e as Error).message.split('\n')[0]}` };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'the config must be a mapping' };
  const r = raw as Record<string, unknown>;
  if (isKindClusterFile(r)) return parseKindCluster(r);
  const unknown = Object.keys(r).filter((k) => !known.has(k));
  if (unknown.length) return { ok: false, error: `unknown config keys: ${unknown.join(', ')} (known: ${[...known].join(', ')})` };
  const cfg: Partial<ClusterConfig> = {};
  const base = defaultConfig();
  if (r.name !== undefined) cfg.name = String(r.name);
  if (r.seed !== undefined) cfg.seed = Number(r.seed);
  if (r.serviceCIDR !== undefined) cfg.serviceCIDR = String(r.serviceCIDR);
  if (r.podCIDR !== undefined) cfg.podCIDR = String(r.podCIDR);
  if (r.nodePortRange !== undefined) cfg.nodePortRange = String(r.nodePortRange);
  if (r.proxyMode !== undefined) {
    const m = String(r.proxyMode);
    if (!['iptables', 'ipvs', 'nftables', 'userspace'].includes(m)) return { ok: false, error: `proxyMode must be iptables, ipvs, nftables or userspace, not ${m}` };
    cfg.proxyMode = m as ClusterConfig['proxyMode'];
  }
  if (r.loadBalancer !== undefined) cfg.loadBalancer = { ...base.loadBalancer, ...(r.loadBalancer as object) };
  if (r.workers !== undefined) cfg.nodes = kindNodes(cfg.name ?? base.name, Number(r.workers));
  if (r.nodes !== undefined) cfg.nodes = r.nodes as ClusterConfig['nodes'];
  if (r.startTime !== undefined) cfg.startTime = Date.parse(String(r.startTime));
  return { ok: true, config: cfg };
}
