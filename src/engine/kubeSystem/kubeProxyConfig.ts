/**
 * The kube-proxy configuration each node's kube-proxy runs with. kube-proxy reads `config.conf` from its
 * ConfigMap once, at start (kubernetes/kubernetes `cmd/kube-proxy/app/server.go`), so editing the ConfigMap
 * changes nothing until the DaemonSet's pods are replaced (`kubectl rollout restart ds/kube-proxy`). This
 * tracker remembers the text each kube-proxy pod saw when its container started.
 */
import { parse } from 'yaml';
import type { ConfigMap, Pod } from '../api/types';
import type { ProxyMode } from '../config';
import { effectiveScheduler, schedulerError } from '../proxy/ipvs/ipvsScheduler';
import type { ObjectStore, WatchEvent } from '../store/objectStore';

/** What the proxier of one node runs with. */
export interface KubeProxyNodeConfig {
  node: string;
  /** The kube-proxy pod serving the node. */
  pod: string;
  /** Effective mode: a blank `mode` means iptables on Linux. */
  mode: ProxyMode;
  /** `mode` as written in config.conf. */
  configuredMode: string;
  /** The active mode's `minSyncPeriod` (iptables: kind sets 1s; ipvs/nftables: 0s → 1s default applies). */
  minSyncPeriodMs: number;
  /** The active mode's `syncPeriod` (0s → the 30s default). */
  syncPeriodMs: number;
  /** IPVS scheduler (blank → `rr`); in IPVS mode a name the kernel lacks sets `error`. */
  ipvsScheduler: string;
  strictARP: boolean;
  masqueradeAll: boolean;
  clusterCIDR: string;
  /**
   * What real kube-proxy 1.34 says of this configuration, when it refuses it (its pod would crash-loop). The
   * `userspace` mode was removed in 1.26: it is reported here and still served for teaching.
   */
  error?: string;
}

const selectorLabel = 'k8s-app';

/** A Go duration of the forms kubeadm writes (`1s`, `500ms`, `1m0s`, `0s`) in milliseconds. */
export function goDurationMs(text: unknown): number {
  if (typeof text !== 'string') return 0;
  let ms = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    const v = Number(m[1]);
    ms += m[2] === 'h' ? v * 3_600_000 : m[2] === 'm' ? v * 60_000 : m[2] === 's' ? v * 1000 : v;
  }
  return ms;
}

type Section = { minSyncPeriod?: string; syncPeriod?: string; scheduler?: string; strictARP?: boolean; masqueradeAll?: boolean };

/** Reads config.conf as kube-proxy would, with kube-proxy's defaults for blank values. */
export function parseKubeProxyConfig(text: string, node: string, pod: string): KubeProxyNodeConfig {
  let doc: Record<string, unknown> = {};
  let error: string | undefined;
  try {
    const parsed = parse(text);
    if (parsed && typeof parsed === 'object') doc = parsed as Record<string, unknown>;
  } catch (e) {
    error = `failed to decode config: ${(e as Error).message}`;
  }
  const configured = typeof doc.mode === 'string' ? doc.mode : '';
  const known: ProxyMode[] = ['iptables', 'ipvs', 'nftables', 'userspace'];
  const mode: ProxyMode = configured === '' ? 'iptables' : known.includes(configured as ProxyMode) ? (configured as ProxyMode) : 'iptables';
  // cmd/kube-proxy/app validation: `Mode: Invalid value: "x": must be iptables, ipvs, nftables or blank ...`
  if (!error && (configured === 'userspace' || (configured !== '' && !known.includes(configured as ProxyMode)))) {
    error = `KubeProxyConfiguration.Mode: Invalid value: "${configured}": must be iptables, ipvs, nftables or blank (blank means the best-available proxy [currently iptables])`;
  }
  const section = ((mode === 'userspace' ? doc.iptables : doc[mode]) ?? {}) as Section;
  const min = goDurationMs(section.minSyncPeriod);
  const sync = goDurationMs(section.syncPeriod);
  const ipvs = (doc.ipvs ?? {}) as Section;
  const scheduler = typeof ipvs.scheduler === 'string' ? ipvs.scheduler : '';
  // any scheduler name passes validation since 1.27; kube-proxy exits when the kernel has no such module
  if (!error && mode === 'ipvs') error = schedulerError(scheduler);
  return {
    node,
    pod,
    mode,
    configuredMode: configured,
    // SetDefaults_KubeProxyConfiguration: minSyncPeriod 1s, syncPeriod 30s when left at zero
    minSyncPeriodMs: min || 1000,
    syncPeriodMs: sync || 30_000,
    ipvsScheduler: effectiveScheduler(scheduler),
    strictARP: ipvs.strictARP === true,
    masqueradeAll: section.masqueradeAll === true,
    clusterCIDR: typeof doc.clusterCIDR === 'string' ? doc.clusterCIDR : '',
    ...(error ? { error } : {}),
  };
}

function isKubeProxyPod(p: Pod): boolean {
  return p.metadata?.namespace === 'kube-system' && p.metadata?.labels?.[selectorLabel] === 'kube-proxy';
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function started(p: Pod): boolean {
  return (p.status?.containerStatuses ?? []).some((c) => !!c.state?.running);
}

/** Remembers, per kube-proxy pod, the config.conf its container started with. */
export class KubeProxyConfigs {
  private readonly seen = new Map<string, string>();
  /** A pod's parsed config, per uid: what it read at start never changes, and every sync asks for it. */
  private readonly parsed = new Map<string, KubeProxyNodeConfig>();
  /**
   * The latest object of every kube-proxy pod, per node and uid, kept from the watch: every sync of every
   * node asks for its config, and listing kube-system's pods each time cost nodes × pods per sync.
   */
  private readonly byNode = new Map<string, Map<string, Pod>>();
  /** config.conf texts already parsed: every node's pod reads the same ConfigMap, so it is parsed once. */
  private readonly byText = new Map<string, KubeProxyNodeConfig>();
  /**
   * `forNode`'s answer per node until a kube-proxy pod changes: every node's kube-proxy asks at each of its
   * syncs, so one endpoint change at 100 nodes asked 100 times for answers no write had touched.
   */
  private readonly answers = new Map<string, KubeProxyNodeConfig | undefined>();

  /** `onStart(node)` runs when a kube-proxy pod's container starts and has read its config.conf. */
  constructor(
    private readonly store: ObjectStore,
    private readonly onStart: (node: string) => void = () => {},
  ) {
    store.subscribe('Pod', (e: WatchEvent) => this.onPod(e as WatchEvent<'Pod'>));
  }

  private onPod(e: WatchEvent<'Pod'>): void {
    const p = e.object;
    const uid = p.metadata?.uid ?? '';
    if (!isKubeProxyPod(p)) return;
    this.answers.clear();
    const node = p.spec?.nodeName ?? '';
    for (const [n, pods] of this.byNode) {
      if (n !== node && pods.delete(uid) && pods.size === 0) this.byNode.delete(n);
    }
    if (e.type === 'DELETED') {
      this.seen.delete(uid);
      this.parsed.delete(uid);
      const pods = this.byNode.get(node);
      if (pods?.delete(uid) && pods.size === 0) this.byNode.delete(node);
      return;
    }
    if (node) {
      let pods = this.byNode.get(node);
      if (!pods) {
        pods = new Map();
        this.byNode.set(node, pods);
      }
      pods.set(uid, p);
    }
    if (!this.seen.has(uid) && started(p)) {
      this.seen.set(uid, this.currentText());
      if (p.spec?.nodeName) this.onStart(p.spec.nodeName);
    }
  }

  private currentText(): string {
    const cm: ConfigMap | undefined = this.store.get('ConfigMap', 'kube-system/kube-proxy');
    return cm?.data?.['config.conf'] ?? '';
  }

  /** The configuration of the kube-proxy running on `node`; undefined when none runs there. */
  forNode(node: string): KubeProxyNodeConfig | undefined {
    if (this.answers.has(node)) return this.answers.get(node);
    const config = this.configOf(node);
    this.answers.set(node, config);
    return config;
  }

  private configOf(node: string): KubeProxyNodeConfig | undefined {
    // the pod last in the store's key order among the started, not terminating ones (as listing them would)
    let pod: Pod | undefined;
    for (const [uid, p] of this.byNode.get(node) ?? []) {
      if (p.metadata?.deletionTimestamp || !this.seen.has(uid)) continue;
      if (!pod || byteOrder(p.metadata?.name ?? '', pod.metadata?.name ?? '') > 0) pod = p;
    }
    if (!pod) return undefined;
    const uid = pod.metadata?.uid ?? '';
    let config = this.parsed.get(uid);
    if (!config) {
      const text = this.seen.get(uid) ?? '';
      let shared = this.byText.get(text);
      if (!shared) {
        shared = parseKubeProxyConfig(text, '', '');
        if (this.byText.size >= 16) this.byText.clear();
        this.byText.set(text, shared);
      }
      config = Object.freeze({ ...shared, node, pod: pod.metadata?.name ?? '' });
      this.parsed.set(uid, config);
    }
    return config;
  }
}
