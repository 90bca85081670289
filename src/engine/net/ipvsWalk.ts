/**
 * A new connection through a node's IPVS mode: the virtual server for the destination, its scheduler's choice
 * of real server (or the persistent one under ClientIP affinity), and what kube-proxy's ipset rules decide about
 * masquerading (kubernetes/kubernetes pkg/proxy/ipvs/proxier.go). Each scheduled connection is counted on its
 * real server, as IPVS's connection table counts it (see ipvsConnections.ts).
 */
import type { IpvsProxier, VirtualServer } from '../proxy/ipvs/ipvsProxier';
import { schedule } from '../proxy/ipvs/ipvsScheduler';
import { type Persistence, sticky } from './persistence';
import { inCidr, type Packet, type WalkContext, type WalkResult } from './packet';

function serviceLine(vs: VirtualServer): string {
  const flags = vs.flags.length ? ` (${vs.flags.join(',')})` : '';
  return `${vs.protocol}  ${vs.ip}:${vs.port} ${vs.scheduler}${flags}${vs.persistentSeconds ? ` persistent ${vs.persistentSeconds}` : ''}`;
}

/** Walks the first packet of a connection through the node's virtual servers. */
export function walkIpvs(p: IpvsProxier, pkt: Packet, ctx: WalkContext, persist: Persistence): WalkResult {
  const vs = p.lookup(pkt.dst, pkt.dport, pkt.proto);
  if (!vs) {
    if (inCidr(pkt.dst, '127.0.0.0/8') && p.virtualServerList().some((v) => v.kind === 'node port' && v.port === pkt.dport && v.protocol === pkt.proto)) {
      // kube-proxy leaves loopback out of the NodePort addresses (netlink_linux.go isValidForSet)
      ctx.steps.push({ kind: 'fail', text: `IPVS serves NodePort ${pkt.dport} on ${p.nodeIPs().join(', ')}, not on loopback: nothing listens on ${pkt.dst}:${pkt.dport}` });
      return { masquerade: false, verdict: 'reject' };
    }
    return { masquerade: false, verdict: 'accept' };
  }
  const key = `${vs.ip}:${vs.port}/${vs.protocol}`;
  ctx.steps.push({ kind: 'rule', mode: 'ipvs', text: serviceLine(vs) });
  if (vs.realServers.length === 0) {
    // ip_vs_leave (torvalds/linux net/netfilter/ipvs/ip_vs_core.c): no destination, ICMP port unreachable
    ctx.steps.push({ kind: 'fail', text: `virtual server ${key} has no real servers` });
    return { masquerade: false, verdict: 'reject' };
  }
  const eps = vs.realServers.map((r) => r.endpoint);
  let chosen = vs.persistentSeconds ? sticky(persist, `${key}|${pkt.src}`, vs.persistentSeconds, ctx.now, eps) : undefined;
  if (chosen) ctx.steps.push({ kind: 'note', text: `persistent ${vs.persistentSeconds}: ${pkt.src} keeps ${chosen.endpoint}` });
  else {
    const s = schedule({ scheduler: vs.scheduler, vsKey: key, servers: eps.map((e) => e.endpoint), src: pkt.src, dst: pkt.dst, now: ctx.now, rand: ctx.rand, state: p.schedulerState, conns: p.connections });
    chosen = eps[s.index];
    ctx.steps.push({ kind: 'note', text: s.why });
  }
  if (vs.persistentSeconds) persist.set(`${key}|${pkt.src}`, { endpoint: chosen.endpoint, at: ctx.now });
  p.connections.record(key, chosen.endpoint, vs.protocol, ctx.now);
  ctx.steps.push({ kind: 'rule', mode: 'ipvs', text: `  -> ${chosen.endpoint.padEnd(28)} Masq    1` });
  ctx.steps.push({ kind: 'dnat', from: `${pkt.dst}:${pkt.dport}`, to: chosen.endpoint });
  // kube-proxy's IPVS iptables rules masquerade off-cluster sources (KUBE-CLUSTER-IP) and, with Cluster
  // policy, everything arriving on a NodePort, external or LoadBalancer IP (the *-LOCAL sets RETURN first)
  const external = vs.kind !== 'cluster IP';
  const podTraffic = inCidr(pkt.src, p.node.clusterCIDR);
  const masquerade = !podTraffic ? !(external && vs.service.externalPolicyLocal) : external && !vs.service.externalPolicyLocal;
  if (external && vs.service.externalPolicyLocal && chosen.nodeName !== p.node.name && !podTraffic && !ctx.localOrigin) {
    // With no local endpoint the virtual server holds the cluster's (kubernetes/kubernetes#97081): the packet
    // goes to another node's pod with the client's address, and that pod answers the client directly from its
    // own address, which the client never asked: the reply is discarded and the connection times out.
    ctx.steps.push({
      kind: 'fail',
      text: `externalTrafficPolicy: Local and no endpoint on ${p.node.name}: IPVS sent the connection to ${chosen.endpoint} on ${chosen.nodeName || 'another node'} without SNAT, and its reply to ${pkt.src} comes from ${chosen.ip}, not ${pkt.dst}: the client drops it`,
    });
    return { masquerade: false, verdict: 'drop' };
  }
  return { dnat: { ip: chosen.ip, port: chosen.port }, masquerade, verdict: 'accept' };
}
