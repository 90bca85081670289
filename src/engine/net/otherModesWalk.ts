/**
 * Walking a packet through the IPVS, nftables and userspace models. IPVS picks a real server with its
 * scheduler (`rr`: the next one in turn, or the persistent one for ClientIP affinity); nftables follows its
 * verdict maps to a `numgen random mod N` choice; the userspace proxy accepts on its proxy port and connects to
 * the next endpoint round robin from the node itself.
 */
import type { IpvsProxier } from '../proxy/ipvs/ipvsProxier';
import type { NftablesProxier, NftServicePort } from '../proxy/nftables/nftablesProxier';
import type { UserspaceProxier } from '../proxy/userspace/userspaceProxier';
import type { EndpointInfo } from '../proxy/servicePort';
import { inCidr, isLocalAddress, type Packet, type WalkContext, type WalkResult } from './packet';

/** Persistent connections per node for ClientIP affinity: `vip:port/proto|client` → real server and when. */
export type Persistence = Map<string, { endpoint: string; at: number }>;

function sticky(persist: Persistence, key: string, seconds: number, now: number, eps: readonly EndpointInfo[]): EndpointInfo | undefined {
  const e = persist.get(key);
  if (!e || now - e.at > seconds * 1000) return undefined;
  return eps.find((x) => x.endpoint === e.endpoint);
}

export function walkIpvs(p: IpvsProxier, pkt: Packet, ctx: WalkContext, persist: Persistence): WalkResult {
  const vs = p.lookup(pkt.dst, pkt.dport, pkt.proto);
  if (!vs) return { masquerade: false, verdict: 'accept' };
  const key = `${vs.ip}:${vs.port}/${vs.protocol}`;
  ctx.steps.push({ kind: 'rule', mode: 'ipvs', text: `${vs.protocol}  ${vs.ip}:${vs.port} ${vs.scheduler}${vs.persistentSeconds ? ` persistent ${vs.persistentSeconds}` : ''}` });
  if (vs.realServers.length === 0) {
    // no real server: the VIP is bound to kube-ipvs0, nothing listens there, the node answers with a reset
    ctx.steps.push({ kind: 'fail', text: `virtual server ${key} has no real servers` });
    return { masquerade: false, verdict: 'reject' };
  }
  const eps = vs.realServers.map((r) => r.endpoint);
  let chosen = vs.persistentSeconds ? sticky(persist, `${key}|${pkt.src}`, vs.persistentSeconds, ctx.now, eps) : undefined;
  if (!chosen) {
    const i = p.rrNext.get(key) ?? 0;
    chosen = eps[i % eps.length];
    p.rrNext.set(key, (i + 1) % eps.length);
  }
  if (vs.persistentSeconds) persist.set(`${key}|${pkt.src}`, { endpoint: chosen.endpoint, at: ctx.now });
  ctx.steps.push({ kind: 'rule', mode: 'ipvs', text: `  -> ${chosen.endpoint.padEnd(28)} Masq    1` });
  ctx.steps.push({ kind: 'dnat', from: `${pkt.dst}:${pkt.dport}`, to: chosen.endpoint });
  // kube-proxy's IPVS iptables rules masquerade off-cluster sources (KUBE-CLUSTER-IP) and, with Cluster
  // policy, everything arriving on a NodePort, external or LoadBalancer IP
  const external = vs.kind !== 'cluster IP';
  const masquerade = !inCidr(pkt.src, p.node.clusterCIDR) ? !(external && vs.service.externalPolicyLocal) : external && !vs.service.externalPolicyLocal;
  return { dnat: { ip: chosen.ip, port: chosen.port }, masquerade, verdict: 'accept' };
}

function pickNft(sp: NftServicePort, eps: readonly EndpointInfo[], pkt: Packet, ctx: WalkContext, chain: string, persist: Persistence): EndpointInfo | undefined {
  if (eps.length === 0) return undefined;
  if (sp.info.affinitySeconds) {
    const e = sticky(persist, `${sp.info.name}|${pkt.src}`, sp.info.affinitySeconds, ctx.now, eps);
    if (e) {
      ctx.steps.push({ kind: 'rule', mode: 'nftables', chain, text: `ip saddr @${sp.affinitySet(e)} goto ${sp.endpointChain(e)}` });
      return e;
    }
  }
  const i = Math.floor(ctx.rand.next() * eps.length);
  ctx.steps.push({ kind: 'rule', mode: 'nftables', chain, text: `numgen random mod ${eps.length} vmap { … ${i} : goto ${sp.endpointChain(eps[i])} … }` });
  if (sp.info.affinitySeconds) persist.set(`${sp.info.name}|${pkt.src}`, { endpoint: eps[i].endpoint, at: ctx.now });
  return eps[i];
}

export function walkNftables(p: NftablesProxier, pkt: Packet, ctx: WalkContext, persist: Persistence): WalkResult {
  const proto = pkt.proto.toLowerCase();
  const hit = p.lookupServiceIP(pkt.dst, pkt.dport, pkt.proto);
  const np = !hit && isLocalAddress(p.node, pkt.dst) ? p.lookupNodePort(pkt.dport, pkt.proto) : undefined;
  const sp = hit?.sp ?? np;
  if (!sp) return { masquerade: false, verdict: 'accept' };
  if (!sp.hasEndpoints) {
    ctx.steps.push({ kind: 'rule', mode: 'nftables', chain: np ? 'nodeport-endpoints-check' : 'service-endpoints-check', text: np ? 'ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports' : 'ip daddr . meta l4proto . th dport vmap @no-endpoint-services' });
    ctx.steps.push({ kind: 'rule', mode: 'nftables', chain: 'reject-chain', text: 'reject' });
    return { masquerade: false, verdict: 'reject' };
  }
  const internal = hit?.via === 'cluster IP';
  let masquerade = false;
  let eps: readonly EndpointInfo[];
  let chain: string;
  if (internal) {
    ctx.steps.push({ kind: 'rule', mode: 'nftables', chain: 'services', text: `ip daddr . meta l4proto . th dport vmap @service-ips  (${pkt.dst} . ${proto} . ${pkt.dport})` });
    chain = sp.info.internalPolicyLocal ? sp.localChain : sp.serviceChain;
    eps = sp.info.internalPolicyLocal ? sp.localEndpoints : sp.clusterEndpoints;
    if (!inCidr(pkt.src, p.node.clusterCIDR) && chain === sp.serviceChain) {
      masquerade = true;
      ctx.steps.push({ kind: 'rule', mode: 'nftables', chain, text: `ip daddr ${sp.info.clusterIP} ${proto} dport ${sp.info.port} ip saddr != ${p.node.clusterCIDR} jump mark-for-masquerade` });
    }
  } else {
    ctx.steps.push({
      kind: 'rule',
      mode: 'nftables',
      chain: 'services',
      text: np ? `fib daddr type local ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports  (${proto} . ${pkt.dport})` : `ip daddr . meta l4proto . th dport vmap @service-ips  (${pkt.dst} . ${proto} . ${pkt.dport})`,
    });
    chain = sp.externalChain;
    const podTraffic = inCidr(pkt.src, p.node.clusterCIDR);
    if (!sp.info.externalPolicyLocal || podTraffic || ctx.localOrigin) {
      masquerade = !sp.info.externalPolicyLocal || ctx.localOrigin;
      ctx.steps.push({ kind: 'rule', mode: 'nftables', chain, text: sp.info.externalPolicyLocal ? (podTraffic ? `ip saddr ${p.node.clusterCIDR} goto ${sp.serviceChain}` : `fib saddr type local goto ${sp.serviceChain}`) : `jump mark-for-masquerade; goto ${sp.serviceChain}` });
      eps = sp.clusterEndpoints;
      chain = sp.serviceChain;
    } else {
      eps = sp.localEndpoints;
      if (eps.length === 0) {
        ctx.steps.push({ kind: 'fail', text: `${sp.info.name} has no local endpoints on ${p.node.name}: dropped` });
        return { masquerade: false, verdict: 'drop' };
      }
      ctx.steps.push({ kind: 'rule', mode: 'nftables', chain, text: `goto ${sp.localChain}` });
      chain = sp.localChain;
    }
  }
  const ep = pickNft(sp, eps, pkt, ctx, chain, persist);
  if (!ep) {
    ctx.steps.push({ kind: 'fail', text: `${sp.info.name} has no local endpoints on ${p.node.name}: dropped` });
    return { masquerade: false, verdict: 'drop' };
  }
  ctx.steps.push({ kind: 'rule', mode: 'nftables', chain: sp.endpointChain(ep), text: `meta l4proto ${proto} dnat to ${ep.ip}:${ep.port}` });
  ctx.steps.push({ kind: 'dnat', from: `${pkt.dst}:${pkt.dport}`, to: ep.endpoint });
  return { dnat: { ip: ep.ip, port: ep.port }, masquerade, verdict: 'accept' };
}

export function walkUserspace(p: UserspaceProxier, pkt: Packet, ctx: WalkContext, persist: Persistence): WalkResult {
  const u = p.lookup(pkt.dst, pkt.dport, pkt.proto) ?? (isLocalAddress(p.node, pkt.dst) ? p.lookupNodePort(pkt.dport, pkt.proto) : undefined);
  if (!u) return { masquerade: false, verdict: 'accept' };
  const chain = ctx.localOrigin ? 'KUBE-PORTALS-HOST' : 'KUBE-PORTALS-CONTAINER';
  const target = ctx.localOrigin ? `DNAT --to-destination ${p.node.ip}:${u.proxyPort}` : `REDIRECT --to-ports ${u.proxyPort}`;
  ctx.steps.push({ kind: 'rule', mode: 'userspace', table: 'nat', chain, text: `-A ${chain} -d ${pkt.dst}/32 -p ${pkt.proto.toLowerCase()} -m comment --comment "${u.info.name}" -m ${pkt.proto.toLowerCase()} --dport ${pkt.dport} -j ${target}` });
  if (u.endpoints.length === 0) {
    ctx.steps.push({ kind: 'fail', text: `kube-proxy (userspace) accepted on :${u.proxyPort}, found no endpoints for ${u.info.name} and closed the connection` });
    return { masquerade: false, verdict: 'reject' };
  }
  let ep = u.info.affinitySeconds ? sticky(persist, `${u.info.name}|${pkt.src}`, u.info.affinitySeconds, ctx.now, u.endpoints) : undefined;
  if (!ep) {
    const i = p.rrNext.get(u.info.name) ?? 0;
    ep = u.endpoints[i % u.endpoints.length];
    p.rrNext.set(u.info.name, (i + 1) % u.endpoints.length);
  }
  if (u.info.affinitySeconds) persist.set(`${u.info.name}|${pkt.src}`, { endpoint: ep.endpoint, at: ctx.now });
  ctx.steps.push({ kind: 'note', text: `kube-proxy (userspace) accepted on ${p.node.ip}:${u.proxyPort} and opened a new connection to ${ep.endpoint} (round robin)` });
  return { dnat: { ip: ep.ip, port: ep.port }, masquerade: true, verdict: 'accept', proxied: true };
}
