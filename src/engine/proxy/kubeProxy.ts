/**
 * A kube-proxy per node. Each watches Services and EndpointSlices (through the shared change tracker) and
 * re-renders its node's rules in its mode. Syncs are rate limited as kube-proxy's BoundedFrequencyRunner does:
 * a change after a quiet spell syncs at once, later changes wait until `minSyncPeriod` has passed since the last
 * sync and then go in one batch (kubernetes/kubernetes pkg/util/async/bounded_frequency_runner.go; defaults
 * `minSyncPeriod: 1s`, `syncPeriod: 30s` in pkg/proxy/apis/config/v1alpha1/defaults.go). Each node's period is
 * the active mode's `minSyncPeriod` in the config.conf its kube-proxy pod read at start, as its mode is. The periodic
 * `syncPeriod` resync changes nothing here, so it is not simulated: a quiet cluster sets no timers.
 */
import type { Controller, ControllerContext } from '../controllers/controller';
import type { ProxyMode } from '../config';
import { KubeProxyConfigs, type KubeProxyNodeConfig } from '../kubeSystem/kubeProxyConfig';
import { IpvsProxier, type IpvsProxierOptions } from './ipvs/ipvsProxier';
import { schedulerError } from './ipvs/ipvsScheduler';
import { IptablesProxier } from './iptables/iptablesProxier';
import { NftablesProxier } from './nftables/nftablesProxier';
import { type ProxyNode, proxyModeFor } from './proxier';
import { ServiceChangeTracker } from './serviceChangeTracker';
import { hasPodVeth, ptpGateway } from '../net/kindnetPtp';
import { UserspaceProxier } from './userspace/userspaceProxier';

export type AnyProxier = IptablesProxier | IpvsProxier | NftablesProxier | UserspaceProxier;

/** A proxier of `mode` for `node`; `ipvs` carries the IPVS mode's scheduler and the node's addresses. */
export function newProxier(mode: ProxyMode, node: ProxyNode, ipvs: IpvsProxierOptions = {}): AnyProxier {
  switch (mode) {
    case 'ipvs':
      return new IpvsProxier(node, ipvs);
    case 'nftables':
      return new NftablesProxier(node);
    case 'userspace':
      return new UserspaceProxier(node);
    default:
      return new IptablesProxier(node);
  }
}

interface NodeAgent {
  proxier: AnyProxier;
  /** Services changed since the last sync; undefined = everything (first sync, mode change). */
  pending: Set<string> | undefined;
  dirty: boolean;
  lastSyncAt: number | undefined;
  timerArmed: boolean;
  syncCount: number;
  /** The kube-proxy pod whose config.conf this agent last adopted. */
  configPod: string | undefined;
  /** The `minSyncPeriod` of the active mode in that config.conf (the cluster config's until a pod has read it). */
  minSyncMs: number;
  /** What the IPVS proxier is built with: the config's `ipvs.scheduler` and the node's addresses. */
  ipvs: IpvsProxierOptions;
}

/** What the rest of the cluster reads: each node's proxier, its mode and its last sync. */
export interface KubeProxies {
  readonly tracker: ServiceChangeTracker;
  nodes(): string[];
  proxier(node: string): AnyProxier | undefined;
  /** Virtual time of the node's last sync, and how many syncs it has run. */
  syncInfo(node: string): { lastSyncAt: number | undefined; syncs: number } | undefined;
  /**
   * The configuration the kube-proxy pod on `node` started with (its ConfigMap's config.conf at that moment);
   * undefined when no kube-proxy pod runs there.
   */
  config(node: string): KubeProxyNodeConfig | undefined;
}

export function createKubeProxy(ctx: ControllerContext): { controller: Controller; proxies: KubeProxies } {
  const queue = ctx.newQueue('kube-proxy');
  const tracker = new ServiceChangeTracker();
  const agents = new Map<string, NodeAgent>();
  const clusterCIDR = ctx.config.podCIDR;
  // A node's mode is what its kube-proxy pod read at start: a new pod (rollout restart after a ConfigMap edit)
  // brings the new mode (kubernetes/kubernetes cmd/kube-proxy/app/server.go reads --config once).
  const configs = new KubeProxyConfigs(ctx.store, (node) => {
    if (agents.has(node)) queue.add(node);
  });

  tracker.onChange((svc) => {
    // forEach, not for-of over entries: this runs for every node on every Service change, and each entry
    // would be a new [name, agent] array
    agents.forEach((a, name) => {
      a.pending?.add(svc);
      a.dirty = true;
      // A node waiting out its minSyncPeriod syncs when its timer fires; a sync before that would only find
      // the timer armed and return (unless its kube-proxy pod changed, which `adoptConfig` must see at once).
      if (a.timerArmed && configs.forNode(name)?.pod === a.configPod) return;
      queue.add(name);
    });
  });
  ctx.informer('Service', {
    onAdd: (s) => tracker.onServiceChange(s),
    onUpdate: (_o, s) => tracker.onServiceChange(s),
    onDelete: (s) => tracker.onServiceChange(s, true),
  });
  ctx.informer('EndpointSlice', {
    onAdd: (s) => tracker.onSliceChange(s),
    onUpdate: (_o, s) => tracker.onSliceChange(s),
    onDelete: (s) => tracker.onSliceChange(s, true),
  });
  // The node's interface addresses IPVS serves NodePorts on: eth0, lo and, while a pod runs there, the gateway
  // address kindnet's ptp plugin puts on every pod veth (what `ip addr` on the node lists).
  const podsOnNode = new Map<string, Set<string>>();
  const nodeOfPod = new Map<string, string>();
  const onPod = (pod: { metadata?: { uid?: string }; spec?: { nodeName?: string; hostNetwork?: boolean }; status?: { podIP?: string } }, gone: boolean) => {
    const uid = pod.metadata?.uid ?? '';
    const was = nodeOfPod.get(uid);
    if (was !== undefined) {
      nodeOfPod.delete(uid);
      const uids = podsOnNode.get(was);
      if (uids?.delete(uid) && uids.size === 0) podsOnNode.delete(was);
    }
    const node = pod.spec?.nodeName;
    if (gone || !node || !hasPodVeth(pod)) return;
    nodeOfPod.set(uid, node);
    let uids = podsOnNode.get(node);
    if (!uids) {
      uids = new Set();
      podsOnNode.set(node, uids);
    }
    uids.add(uid);
  };
  ctx.informer('Pod', { onAdd: (p) => onPod(p, false), onUpdate: (_o, p) => onPod(p, false), onDelete: (p) => onPod(p, true) });
  const nodeAddresses = (node: ProxyNode) => () => {
    const podCIDR = ctx.config.nodes.find((n) => n.name === node.name)?.podCIDR;
    const gateway = podCIDR === undefined ? undefined : ptpGateway(podCIDR);
    return [node.ip, '127.0.0.1', ...(gateway && podsOnNode.has(node.name) ? [gateway] : [])];
  };
  const nodeIP = (name: string, addresses: { type: string; address: string }[] | undefined) =>
    addresses?.find((a) => a.type === 'InternalIP')?.address ?? ctx.config.nodes.find((n) => n.name === name)?.ip ?? '';
  ctx.informer('Node', {
    onAdd: (n) => {
      const name = n.metadata?.name ?? '';
      if (agents.has(name)) return;
      const node: ProxyNode = { name, ip: nodeIP(name, n.status?.addresses), clusterCIDR, serviceCIDRs: [ctx.config.serviceCIDR] };
      const ipvs: IpvsProxierOptions = { scheduler: '', nodeAddresses: nodeAddresses(node) };
      agents.set(name, { proxier: newProxier(proxyModeFor(ctx.config, name), node, ipvs), pending: undefined, dirty: true, lastSyncAt: undefined, timerArmed: false, syncCount: 0, configPod: undefined, minSyncMs: ctx.config.proxyMinSyncPeriodMs, ipvs });
      queue.add(name);
    },
    onDelete: (n) => {
      agents.delete(n.metadata?.name ?? '');
    },
  });

  const controller: Controller = {
    name: 'kube-proxy',
    queue,
    sync(name: string) {
      const a = agents.get(name);
      if (a) adoptConfig(a, configs.forNode(name));
      if (!a?.dirty) return undefined;
      const now = ctx.clock.now();
      if (a.lastSyncAt !== undefined && now - a.lastSyncAt < a.minSyncMs) {
        if (!a.timerArmed) {
          a.timerArmed = true;
          ctx.clock.schedule(a.lastSyncAt + a.minSyncMs - now, `kube-proxy: sync ${name}`, () => {
            a.timerArmed = false;
            queue.add(name);
          });
        }
        return undefined;
      }
      a.proxier.sync(tracker, a.pending);
      // proxiers read the set during the sync and keep none of it: empty it for the next changes
      if (a.pending) a.pending.clear();
      else a.pending = new Set();
      a.dirty = false;
      a.lastSyncAt = now;
      a.syncCount++;
      return undefined;
    },
  };

  const proxies: KubeProxies = {
    tracker,
    nodes: () => [...agents.keys()],
    proxier: (node) => agents.get(node)?.proxier,
    syncInfo: (node) => {
      const a = agents.get(node);
      return a ? { lastSyncAt: a.lastSyncAt, syncs: a.syncCount } : undefined;
    },
    config: (node) => configs.forNode(node),
  };
  return { controller, proxies };
}

/**
 * Takes the mode of the kube-proxy pod now running on the node. A mode 1.34 does not know (a typo) makes real
 * kube-proxy exit, leaving the rules it last wrote in place: the agent keeps its proxier. `userspace` (removed in
 * 1.26) is refused by real 1.34 too; svcsim runs it anyway for teaching and reports the refusal in the config.
 */
function adoptConfig(a: NodeAgent, cfg: KubeProxyNodeConfig | undefined): void {
  if (!cfg || cfg.pod === a.configPod) return;
  a.configPod = cfg.pod;
  const known = cfg.configuredMode === '' || cfg.configuredMode === cfg.mode;
  if (!known) return;
  // an IPVS scheduler the kernel lacks: "can't use the IPVS proxier", kube-proxy exits (server_linux.go)
  if (cfg.mode === 'ipvs' && schedulerError(cfg.ipvsScheduler)) return;
  // the new pod's BoundedFrequencyRunner uses its own config's minSyncPeriod (cmd/kube-proxy/app/server_linux.go)
  a.minSyncMs = cfg.minSyncPeriodMs;
  const schedulerChanged = cfg.mode === 'ipvs' && a.proxier.mode === 'ipvs' && a.proxier.scheduler !== cfg.ipvsScheduler;
  a.ipvs = { ...a.ipvs, scheduler: cfg.ipvsScheduler };
  if (cfg.mode === a.proxier.mode && !schedulerChanged) return;
  // a new scheduler: the new pod's first sync updates every virtual server (proxier.go `syncService`)
  a.proxier = newProxier(cfg.mode, a.proxier.node, a.ipvs);
  a.pending = undefined;
  a.dirty = true;
  a.lastSyncAt = undefined;
}
