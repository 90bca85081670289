/**
 * The cluster configuration: everything that makes one simulated cluster differ from another. The defaults
 * describe a kind cluster (`kind create cluster` with one control-plane and three workers) on Kubernetes 1.34.
 */
import type { Taint } from './api/types';

export type ProxyMode = 'iptables' | 'ipvs' | 'nftables' | 'userspace';

export interface NodeConfig {
  name: string;
  role: 'control-plane' | 'worker';
  /** InternalIP on the kind docker network. */
  ip: string;
  /** The node's pod CIDR (`spec.podCIDR`), handed out by node IPAM. */
  podCIDR: string;
  labels?: Record<string, string>;
  taints?: Taint[];
}

export interface LoadBalancerConfig {
  /** Whether a load-balancer implementation (cloud or MetalLB) is present. Without one EXTERNAL-IP stays `<pending>`. */
  enabled: boolean;
  /** First and last address of the pool, inclusive. */
  poolStart: string;
  poolEnd: string;
  /** Virtual delay between Service creation and the ingress IP being written. */
  provisionDelayMs: number;
}

/** A kind `extraPortMappings` entry: docker publishes `hostPort` on the user's machine to `containerPort` of a node. */
export interface PortMapping {
  node: string;
  containerPort: number;
  hostPort: number;
  protocol?: 'TCP' | 'UDP';
}

export interface ClusterConfig {
  /** Cluster name; kind derives node names from it. */
  name: string;
  seed: number;
  /** Virtual wall time at which the cluster is created, ms since the Unix epoch. */
  startTime: number;
  kubernetesVersion: string;
  nodes: NodeConfig[];
  /** `--service-cluster-ip-range` */
  serviceCIDR: string;
  /** `--cluster-cidr` */
  podCIDR: string;
  /** `--service-node-port-range`, as `first-last`. */
  nodePortRange: string;
  clusterDomain: string;
  proxyMode: ProxyMode;
  /** kube-proxy `minSyncPeriod` in ms (KubeProxyConfiguration default 1s): how long changes batch between syncs. */
  proxyMinSyncPeriodMs: number;
  loadBalancer: LoadBalancerConfig;
  /** kind `extraPortMappings`: which node ports the user's machine reaches on localhost. */
  extraPortMappings: PortMapping[];
  /** EndpointSlice controller `--max-endpoints-per-slice`. */
  maxEndpointsPerSlice: number;
  /** Freeze stored objects so accidental mutation throws (on under the unit tests: {@link freezeByDefault}). */
  freezeObjects: boolean;
  /**
   * Copy what the engine's own components hand over to the apiserver (`WriteOptions.handOver`), as is done
   * for users. Off by default (the copy is what hand-over saves); a test turns it on to check that a busy
   * cluster behaves byte for byte the same either way.
   */
  copyHandedOverWrites: boolean;
  /**
   * Validate what the engine's own components hand over (`WriteOptions.handOver`) and throw when it is
   * invalid. Off outside the unit tests (the apiserver then trusts its own components, as validating their
   * objects again is pure cost); on under them, like {@link freezeObjects}, so every test checks that the
   * skipped validation would have passed.
   */
  checkHandedOverWrites: boolean;
  /**
   * Run quiet probes tick by tick instead of skipping to the next instant their answer can change. Off by
   * default; a test turns it on to check that skipping changes no byte of what a user can read.
   */
  tickQuietProbes: boolean;
  /**
   * Run a kube-proxy per node (on by default). Only the engine bench turns it off, to time the control plane
   * alone beside the full settle; without it no node has Service rules.
   */
  kubeProxies: boolean;
}

/** kind's node naming: `<cluster>-control-plane`, `<cluster>-worker`, `<cluster>-worker2`, ... */
export function kindNodes(cluster: string, workers: number): NodeConfig[] {
  const nodes: NodeConfig[] = [
    {
      name: `${cluster}-control-plane`,
      role: 'control-plane',
      ip: '172.18.0.2',
      podCIDR: '10.244.0.0/24',
      // kind keeps the control-plane taint when the cluster has more than one node
      taints: workers > 0 ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : [],
    },
  ];
  for (let i = 1; i <= workers; i++) {
    nodes.push({
      name: `${cluster}-worker${i === 1 ? '' : i}`,
      role: 'worker',
      ip: `172.18.0.${2 + i}`,
      podCIDR: `10.244.${i}.0/24`,
    });
  }
  return nodes;
}

/**
 * Stored objects are frozen by default under the unit tests: vitest.config.ts sets the environment variable
 * `SVCSIM_FREEZE_OBJECTS=1`. The playground (a Web Worker, no `process`) and the CLI have no such variable,
 * so they skip the cost of freezing.
 */
function freezeByDefault(): boolean {
  const host = globalThis as { process?: { env?: Record<string, string | undefined> } };
  return host.process?.env?.SVCSIM_FREEZE_OBJECTS === '1';
}

export function defaultConfig(overrides: Partial<ClusterConfig> = {}): ClusterConfig {
  const name = overrides.name ?? 'kind';
  return {
    name,
    seed: 1,
    startTime: Date.UTC(2026, 0, 5, 9, 0, 0),
    kubernetesVersion: 'v1.34.0',
    nodes: kindNodes(name, 3),
    serviceCIDR: '10.96.0.0/12',
    podCIDR: '10.244.0.0/16',
    nodePortRange: '30000-32767',
    clusterDomain: 'cluster.local',
    proxyMode: 'iptables',
    proxyMinSyncPeriodMs: 1000,
    loadBalancer: { enabled: true, poolStart: '172.18.255.200', poolEnd: '172.18.255.250', provisionDelayMs: 2000 },
    extraPortMappings: [],
    maxEndpointsPerSlice: 100,
    freezeObjects: freezeByDefault(),
    copyHandedOverWrites: false,
    checkHandedOverWrites: freezeByDefault(),
    tickQuietProbes: false,
    kubeProxies: true,
    ...overrides,
  };
}
