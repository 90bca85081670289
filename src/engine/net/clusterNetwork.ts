/**
 * The cluster's data plane: a connection from a pod, a node or the user's machine is routed through the rules
 * of the node it enters, in that node's kube-proxy mode, never by a shortcut. The endpoint is chosen with the
 * cluster's seeded PRNG exactly as the rules say, so a replay gives the same pods. A packet for another node's
 * address leaves through kindnet's masquerade (kindnetMasquerade.ts) and walks that node's rules in turn.
 *
 * As on kind, the user's machine sits on the docker network (172.18.0.1): it reaches node IPs and
 * LoadBalancer IPs, not pod or Service IPs, and `localhost:<port>` only where the kind config's
 * `extraPortMappings` publish a node port.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Cluster } from '../cluster';
import type { AnyProxier } from '../proxy/kubeProxy';
import { cidrContains, parseCidr } from '../../shared/ipv4';
import { walkIptables } from './iptablesWalk';
import { walkIpvs } from './ipvsWalk';
import type { NftablesProxier } from '../proxy/nftables/nftablesProxier';
import { nftClusterIPsCheck, walkNftables, walkUserspace } from './otherModesWalk';
import type { Persistence } from './persistence';
import { kindnetMasquerade } from './kindnetMasquerade';
import { inCidr, type Packet, type WalkContext, type WalkResult } from './packet';
import { lookupHost, type Resolver } from './nameResolution';
import type { ConnectionTrace, TraceStep } from './trace';

/** Who opens the connection. */
export type NetClient = { pod: string; namespace?: string } | { node: string } | { host: true };

export interface ConnectRequest {
  from: NetClient;
  /** An IP address, `localhost`, or a host name the client's resolver looks up (`nginx`, `nginx.default.svc.cluster.local`). */
  to: string;
  port: number;
  protocol?: 'TCP' | 'UDP';
}

/** The user's machine on the kind docker network (the bridge gateway). */
export const hostAddress = '172.18.0.1';

/** One conntrack entry: the original direction and the reply direction after NAT. */
export interface ConntrackEntry {
  at: number;
  proto: string;
  src: string;
  sport: number;
  dst: string;
  dport: number;
  replySrc: string;
  replySport: number;
  replyDst: string;
}

interface NodeNetState {
  recent: Map<string, Map<string, number>>;
  persist: Persistence;
  conntrack: ConntrackEntry[];
  nextSourcePort: number;
}

/** A closed TCP connection stays in conntrack in TIME_WAIT for 120 s (nf_conntrack_tcp_timeout_time_wait). */
export const timeWaitMs = 120_000;

export class ClusterNetwork {
  private readonly perNode = new Map<string, NodeNetState>();

  constructor(private readonly cluster: Cluster) {}

  private nodeState(node: string): NodeNetState {
    let s = this.perNode.get(node);
    if (!s) {
      s = { recent: new Map(), persist: new Map(), conntrack: [], nextSourcePort: 40000 };
      this.perNode.set(node, s);
    }
    return s;
  }

  /** Opens one connection and returns its trace. */
  connect(req: ConnectRequest): ConnectionTrace {
    const steps: TraceStep[] = [];
    const proto = req.protocol ?? 'TCP';
    const src = this.source(req.from);
    const base = { client: src.label, source: src.ip ?? '', destination: req.to, port: req.port, steps };
    if (src.error) {
      steps.push({ kind: 'fail', text: src.error });
      return { ...base, outcome: 'no-route' };
    }
    let dst = req.to;
    let port = req.port;
    const dnsOut: { resolveError?: 'nxdomain' | 'timeout' } = {};
    const resolved = this.resolveName(dst, src, req.from, steps, dnsOut);
    if (resolved === null) return { ...base, outcome: 'no-route', ...dnsOut };
    if (resolved) dst = resolved;
    let entry = src.node;
    if ('host' in req.from) {
      const r = this.hostEntry(dst, port, steps);
      if (!r) return { ...base, outcome: dst === 'localhost' || dst === '127.0.0.1' ? 'refused' : 'timeout' };
      ({ node: entry, ip: dst, port } = r);
    }
    if (!entry) {
      steps.push({ kind: 'fail', text: `no route to ${dst}` });
      return { ...base, outcome: 'no-route' };
    }
    const proxier = this.cluster.proxies.proxier(entry);
    if (!proxier) {
      steps.push({ kind: 'fail', text: `node ${entry} runs no kube-proxy` });
      return { ...base, node: entry, outcome: 'timeout' };
    }
    steps.push({ kind: 'send', node: entry, text: `${src.label} ${src.ip} → ${dst}:${port}/${proto} (SYN)` });
    const traced = { ...base, destination: dst, port, node: entry, mode: proxier.mode };
    const ns = this.nodeState(entry);
    const sport = ns.nextSourcePort;
    const track: { node: string; entry: Omit<ConntrackEntry, 'at' | 'sport'> }[] = [];
    let pkt: Packet = { src: src.ip ?? '', dst, dport: port, proto };
    let at = entry;
    let here = proxier;
    let r = this.walk(here, pkt, src.localOrigin, steps);
    const owner = this.cluster.config.nodes.find((n) => n.ip === dst && n.name !== entry);
    if (owner && !r.dnat && r.verdict === 'accept') {
      // Another node's address is not local here, so this node's NodePort rules did not apply (KUBE-NODEPORTS
      // needs `--dst-type LOCAL`, kubernetes/kubernetes pkg/proxy/iptables/proxier.go; IPVS serves NodePorts on
      // the node's own addresses, pkg/proxy/ipvs/proxier.go; nftables matches @nodeport-ips, the node's primary
      // IP, or `fib daddr type local`, pkg/proxy/nftables/proxier.go): the packet is routed to that node and
      // walks its rules from PREROUTING, as a packet from your machine does.
      const from = r.masquerade ? here.node.ip : kindnetMasquerade(here.node, this.cluster.config.podCIDR, pkt, steps);
      if (r.masquerade && from !== pkt.src) steps.push({ kind: 'snat', from: pkt.src, to: from });
      track.push({ node: at, entry: { proto, src: pkt.src, dst, dport: port, replySrc: dst, replySport: port, replyDst: from } });
      steps.push({ kind: 'hop', from: at, to: owner.name, text: `${at} → ${owner.name} (${owner.ip}) over the kind network` });
      const next = this.cluster.proxies.proxier(owner.name);
      if (!next) {
        steps.push({ kind: 'fail', text: `node ${owner.name} runs no kube-proxy` });
        return { ...traced, outcome: 'timeout' };
      }
      pkt = { ...pkt, src: from };
      at = owner.name;
      here = next;
      const first = steps.length;
      r = this.walk(here, pkt, false, steps);
      for (let i = first; i < steps.length; i++) {
        const s = steps[i];
        if (s.kind === 'rule' || s.kind === 'dnat' || s.kind === 'snat') s.node = at;
      }
    }
    if (r.verdict === 'reject') {
      steps.push({ kind: 'fail', text: 'connection refused' });
      return { ...traced, outcome: 'refused' };
    }
    if (r.verdict === 'drop') {
      steps.push({ kind: 'fail', text: 'dropped: the connection times out' });
      return { ...traced, outcome: 'timeout' };
    }
    const finalIP = r.dnat?.ip ?? dst;
    const finalPort = r.dnat?.port ?? port;
    let seen = pkt.src;
    if (r.masquerade) {
      seen = here.node.ip;
      steps.push({ kind: 'snat', from: pkt.src, to: seen, ...(at !== entry ? { node: at } : {}) });
    }
    let delivered: Partial<ConnectionTrace> & Pick<ConnectionTrace, 'outcome'> = this.deliver(at, finalIP, finalPort, seen, steps, here.mode === 'nftables' ? here : undefined);
    if (delivered.outcome === 'connected') {
      ns.nextSourcePort = sport >= 60999 ? 32768 : sport + 1;
      track.push({ node: at, entry: { proto, src: pkt.src, dst, dport: port, replySrc: finalIP, replySport: finalPort, replyDst: seen } });
      for (const t of track) this.remember(t.node, { ...t.entry, at: this.cluster.now(), sport });
      delivered = { ...delivered, sourcePort: sport };
    }
    return { ...traced, ...delivered };
  }

  /** The first packet through one node's rules, in that node's kube-proxy mode. */
  private walk(proxier: AnyProxier, pkt: Packet, localOrigin: boolean, steps: TraceStep[]): WalkResult {
    const ns = this.nodeState(proxier.node.name);
    const ctx: WalkContext = { node: proxier.node, localOrigin, now: this.cluster.now(), rand: this.cluster.rand, recent: ns.recent, steps };
    switch (proxier.mode) {
      case 'iptables':
        return walkIptables(proxier, pkt, ctx);
      case 'ipvs':
        return walkIpvs(proxier, pkt, ctx, ns.persist);
      case 'nftables':
        return walkNftables(proxier, pkt, ctx, ns.persist);
      default:
        return walkUserspace(proxier, pkt, ctx, ns.persist);
    }
  }

  /** A connection in a node's conntrack table (MASQUERADE keeps the client's source port). */
  private remember(node: string, e: ConntrackEntry): void {
    const table = this.nodeState(node).conntrack;
    while (table.length > 0 && e.at - table[0].at > timeWaitMs) table.shift();
    if (table.length >= 1000) table.shift();
    table.push(e);
  }

  /** The node's conntrack table: connections seen in the last {@link timeWaitMs}, oldest first. */
  conntrack(node: string): ConntrackEntry[] {
    const now = this.cluster.now();
    return (this.perNode.get(node)?.conntrack ?? []).filter((e) => now - e.at <= timeWaitMs);
  }

  private source(c: NetClient): { label: string; ip?: string; node?: string; localOrigin: boolean; namespace?: string; pod?: string; error?: string } {
    if ('host' in c) return { label: 'your machine', ip: hostAddress, localOrigin: false };
    if ('node' in c) {
      const n = this.cluster.config.nodes.find((x) => x.name === c.node);
      if (!n) return { label: c.node, localOrigin: true, error: `Error: No such container: ${c.node}` };
      return { label: `node ${n.name}`, ip: n.ip, node: n.name, localOrigin: true };
    }
    const [ns, name] = c.pod.includes('/') ? c.pod.split('/', 2) : [c.namespace ?? 'default', c.pod];
    const got = this.cluster.get('Pod', ns, name);
    if (!got.ok) return { label: `pod ${ns}/${name}`, localOrigin: false, error: `pods "${name}" not found` };
    const pod = got.value as Pod;
    // the sandbox has its address before the kubelet reports it: a container's first command already uses it
    const ip = pod.status?.podIP ?? this.cluster.runtime.pod(ns, name)?.ip;
    const node = pod.spec?.nodeName;
    if (!ip || !node) return { label: `pod ${ns}/${name}`, localOrigin: false, error: `pod ${ns}/${name} has no IP yet` };
    return { label: `pod ${ns}/${name}`, ip, node, localOrigin: pod.spec?.hostNetwork === true, namespace: ns, pod: name };
  }

  /**
   * A name → an address through the client's own resolver (see `nameResolution.ts`). Returns undefined for an
   * IP or `localhost`, null (with `resolveError` set in `out`) when the name does not resolve.
   */
  private resolveName(to: string, src: { ip?: string; node?: string; namespace?: string; pod?: string }, from: NetClient, steps: TraceStep[], out: { resolveError?: 'nxdomain' | 'timeout' }): string | undefined | null {
    if (to === 'localhost' || /^\d+\.\d+\.\d+\.\d+$/.test(to)) return undefined;
    const resolver: Resolver = 'host' in from ? { host: true } : 'node' in from ? { node: src.node ?? '', ip: src.ip ?? '' } : { pod: src.pod ?? '', namespace: src.namespace ?? 'default' };
    const r = lookupHost(this.cluster, resolver, to);
    if (r.kind === 'address') {
      steps.push({ kind: 'dns', name: to, server: r.server, answer: r.address, text: r.via === 'hosts' ? `${to} → ${r.address} (/etc/hosts)` : `${to} → ${r.canonical} A ${r.address} (asked ${r.server})` });
      return r.address;
    }
    if (r.kind === 'nxdomain' && r.cname) steps.push({ kind: 'note', text: `${r.cname.name} is an alias (CNAME) for ${r.cname.target}: kube-proxy programs nothing for it` });
    out.resolveError = r.kind;
    const why = r.kind === 'timeout' ? `no answer from ${r.server}: no CoreDNS pod is ready` : r.server ? `NXDOMAIN from ${r.server} for every name in the search list` : 'your machine does not use the cluster DNS';
    steps.push({ kind: 'dns', name: to, server: r.server ?? '', text: `could not resolve host: ${to} (${why})` });
    return null;
  }

  /** Where a packet from the user's machine enters the cluster, if it can. */
  private hostEntry(dst: string, port: number, steps: TraceStep[]): { node: string; ip: string; port: number } | undefined {
    const nodes = this.cluster.config.nodes;
    if (dst === 'localhost' || dst === '127.0.0.1') {
      const m = this.cluster.config.extraPortMappings.find((x) => x.hostPort === port);
      if (!m) {
        steps.push({
          kind: 'fail',
          text: `nothing listens on localhost:${port}: kind publishes only the API server port; add an extraPortMappings entry (containerPort: <nodePort>, hostPort: ${port}) to the kind config, or use a node IP such as ${nodes[1]?.ip ?? nodes[0]?.ip}:${port}`,
        });
        return undefined;
      }
      const n = nodes.find((x) => x.name === m.node) ?? nodes[0];
      steps.push({ kind: 'note', text: `docker publishes localhost:${port} → ${n.name} ${n.ip}:${m.containerPort} (extraPortMappings)` });
      return { node: n.name, ip: n.ip, port: m.containerPort };
    }
    const node = nodes.find((n) => n.ip === dst);
    if (node) return { node: node.name, ip: dst, port };
    const lb = this.cluster.config.loadBalancer;
    if (lb.enabled && inRange(dst, lb.poolStart, lb.poolEnd)) {
      const target = nodes.find((n) => n.role === 'worker') ?? nodes[0];
      steps.push({ kind: 'note', text: `the load balancer announces ${dst} from ${target.name}` });
      return { node: target.name, ip: dst, port };
    }
    steps.push({ kind: 'fail', text: `no route from your machine to ${dst}: only the kind network (172.18.0.0/16) is reachable` });
    return undefined;
  }

  /** `nft`: the nftables proxier whose filter chains the packet meets on its way out, in that mode. */
  private deliver(entry: string, ip: string, port: number, seen: string, steps: TraceStep[], nft: NftablesProxier | undefined): Partial<ConnectionTrace> & Pick<ConnectionTrace, 'outcome'> {
    const nodes = this.cluster.config.nodes;
    const hostNode = nodes.find((n) => n.ip === ip);
    if (hostNode) {
      // host-network listeners: the API server on the control plane
      if (port === 6443 && hostNode.role === 'control-plane') {
        if (hostNode.name !== entry) steps.push({ kind: 'hop', from: entry, to: hostNode.name, text: `${entry} → ${hostNode.name} (${hostNode.ip}) over the kind network` });
        steps.push({ kind: 'deliver', pod: 'kube-system/kube-apiserver', node: hostNode.name, text: `kube-apiserver on ${hostNode.name} accepted ${ip}:${port} from ${seen}` });
        return { outcome: 'connected', pod: `kube-system/kube-apiserver-${hostNode.name}`, endpoint: `${ip}:${port}`, seenSource: seen };
      }
      steps.push({ kind: 'fail', text: `nothing listens on ${hostNode.name} port ${port}: connection refused` });
      return { outcome: 'refused' };
    }
    const svcCidr = parseCidr(this.cluster.config.serviceCIDR);
    if (svcCidr && cidrContains(svcCidr, ip)) {
      const verdict = nft ? nftClusterIPsCheck(nft, ip, { steps }) : undefined;
      if (verdict === 'reject') return { outcome: 'refused' };
      if (verdict === 'drop') {
        steps.push({ kind: 'fail', text: `no Service holds ${ip}: kube-proxy drops traffic to unallocated ClusterIPs, so the connection times out` });
        return { outcome: 'timeout' };
      }
      steps.push({ kind: 'fail', text: `no rule matched ${ip}:${port}; a ClusterIP is virtual, so the packet goes nowhere and the connection times out` });
      return { outcome: 'timeout' };
    }
    const pod = this.cluster.runtime.podByIP(ip);
    if (!pod || !inCidr(ip, this.cluster.config.podCIDR)) {
      steps.push({ kind: 'fail', text: `no host answers at ${ip}: the connection times out` });
      return { outcome: 'timeout' };
    }
    if (pod.node !== entry) {
      const to = nodes.find((n) => n.name === pod.node);
      steps.push({ kind: 'hop', from: entry, to: pod.node, text: `${entry} → ${pod.node} (${to?.ip ?? '?'}): kindnet route ${to?.podCIDR ?? ''} via ${to?.ip ?? ''}` });
    }
    if (!pod.nodeRunning) {
      steps.push({ kind: 'fail', text: `node ${pod.node} is down: the connection times out` });
      return { outcome: 'timeout' };
    }
    const key = `${pod.namespace}/${pod.name}`;
    const listening = pod.containers.some((c) => c.running && c.listeners.some((l) => l.port === port));
    if (!listening) {
      steps.push({ kind: 'fail', text: `pod ${key} (${ip}) has nothing listening on port ${port}: connection refused` });
      return { outcome: 'refused', pod: key, endpoint: `${ip}:${port}` };
    }
    steps.push({ kind: 'deliver', pod: key, node: pod.node, text: `pod ${key} (${ip}:${port}) on ${pod.node} answered; it saw the client as ${seen}` });
    return { outcome: 'connected', pod: key, endpoint: `${ip}:${port}`, seenSource: seen };
  }
}

function inRange(ip: string, first: string, last: string): boolean {
  const n = (x: string) => x.split('.').reduce((a, p) => a * 256 + Number(p), 0);
  return n(ip) >= n(first) && n(ip) <= n(last);
}
