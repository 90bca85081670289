/**
 * The pod's /etc/resolv.conf (pkg/kubelet/network/dns/dns.go `GetPodDNS`). The container runtime
 * writes a `search` line, one `nameserver` line per server and an `options` line, each only when non-empty.
 */
import type { Pod } from '../api/types';

/** The node's own resolver configuration (the kubelet's `--resolv-conf`). */
export interface HostResolvConf {
  nameservers: string[];
  searches: string[];
  options: string[];
}

export interface ClusterDnsSettings {
  /** kubelet `clusterDNS` (kube-dns Service IP). */
  clusterDNS: string[];
  /** kubelet `clusterDomain`. */
  clusterDomain: string;
  host: HostResolvConf;
}

// validation limits enforced when forming the config (dns.go)
const maxNameservers = 3;
const maxSearches = 32;
const maxSearchChars = 2048;

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/** `mergeDNSOptions`: options are merged by name, later (pod) values win. */
function mergeOptions(base: readonly string[], extra: ReadonlyArray<{ name?: string; value?: string }>): string[] {
  const order: string[] = [];
  const values = new Map<string, string>();
  const add = (name: string, text: string) => {
    if (!values.has(name)) order.push(name);
    values.set(name, text);
  };
  for (const o of base) add(o.split(':')[0], o);
  for (const o of extra) if (o.name) add(o.name, o.value !== undefined ? `${o.name}:${o.value}` : o.name);
  return order.map((n) => values.get(n) as string);
}

/** `getPodDNSType`: ClusterFirst falls back to Default for host-network pods. */
export function podDnsType(pod: Pod): 'cluster' | 'host' | 'none' {
  const policy = pod.spec?.dnsPolicy || 'ClusterFirst';
  if (policy === 'None') return 'none';
  if (policy === 'Default') return 'host';
  if (policy === 'ClusterFirstWithHostNet') return 'cluster';
  return pod.spec?.hostNetwork ? 'host' : 'cluster';
}

/** The resolv.conf contents a pod's containers see. */
export function podResolvConf(pod: Pod, s: ClusterDnsSettings): string {
  let nameservers: string[] = [];
  let searches: string[] = [];
  let options: string[] = [];
  const type = podDnsType(pod);
  if (type === 'cluster') {
    const ns = pod.metadata?.namespace || 'default';
    const d = s.clusterDomain;
    nameservers = [...s.clusterDNS];
    searches = unique([`${ns}.svc.${d}`, `svc.${d}`, d, ...s.host.searches]);
    options = ['ndots:5'];
  } else if (type === 'host') {
    nameservers = [...s.host.nameservers];
    searches = [...s.host.searches];
    options = [...s.host.options];
  }
  const cfg = pod.spec?.dnsConfig;
  if (cfg) {
    nameservers = unique([...nameservers, ...(cfg.nameservers ?? [])]);
    searches = unique([...searches, ...(cfg.searches ?? [])]);
    options = mergeOptions(options, cfg.options ?? []);
  }
  nameservers = nameservers.slice(0, maxNameservers);
  searches = fitSearches(searches);
  let out = '';
  if (searches.length) out += `search ${searches.join(' ')}\n`;
  for (const n of nameservers) out += `nameserver ${n}\n`;
  if (options.length) out += `options ${options.join(' ')}\n`;
  return out;
}

function fitSearches(searches: string[]): string[] {
  const out: string[] = [];
  let chars = 0;
  for (const s of searches) {
    if (out.length >= maxSearches || chars + s.length + (out.length ? 1 : 0) > maxSearchChars) break;
    chars += s.length + (out.length ? 1 : 0);
    out.push(s);
  }
  return out;
}

/**
 * A kind node's resolver: Docker's embedded DNS, which kind's entrypoint points at the network gateway
 * (approximation: `nameserver <x.y.0.1>` with Docker's `edns0 trust-ad ndots:0` options).
 */
export function kindNodeResolvConf(nodeIP: string): HostResolvConf {
  const parts = nodeIP.split('.');
  const gateway = parts.length === 4 ? `${parts[0]}.${parts[1]}.0.1` : nodeIP;
  return { nameservers: [gateway], searches: [], options: ['edns0', 'trust-ad', 'ndots:0'] };
}
