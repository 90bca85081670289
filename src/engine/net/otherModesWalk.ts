/**
 * Walking a packet through the IPVS (ipvsWalk.ts), nftables and userspace models. IPVS picks a real server with
 * its scheduler, or the persistent one for ClientIP affinity; nftables evaluates the same rule model `nft list`
 * prints (nftRuleset.ts), verdict maps to a `numgen random mod N` choice; the userspace proxy accepts on its
 * proxy port and connects to the next endpoint round robin from the node itself.
 */
import type { NftablesProxier } from '../proxy/nftables/nftablesProxier';
import { markMasqChain, type NftElement, type NftRule, type NftRuleset, nftRuleset, rejectChain, verdictText } from '../proxy/nftables/nftRuleset';
import { saveLine } from '../proxy/iptables/iptablesSave';
import type { Rule } from '../proxy/iptables/rule';
import type { ProxyNode } from '../proxy/proxier';
import { portalTables } from '../proxy/userspace/portalRules';
import type { UserspaceProxier } from '../proxy/userspace/userspaceProxier';
import { inCidr, isLocalAddress, type Packet, type WalkContext, type WalkResult } from './packet';
import { type Persistence, sticky } from './persistence';

/** Whether the packet matches every condition of an nftables rule (the rule model of nftRuleset.ts). */
function nftMatches(rule: NftRule, rs: NftRuleset, pkt: Packet, ctx: WalkContext, persist: Persistence): boolean {
  return rule.match.every((m) => {
    switch (m.m) {
      case 'daddr':
        return pkt.dst === m.ip;
      case 'saddr':
        return inCidr(pkt.src, m.cidr) !== (m.not ?? false);
      case 'saddrNotIn':
        return !m.cidrs.some((c) => inCidr(pkt.src, c));
      case 'saddrInSet': {
        const seen = persist.get(`${m.set}|${pkt.src}`);
        // an element expires when its timeout has run out (the endpoint chain's `update` restarts it)
        return seen !== undefined && ctx.now - seen.at < (rs.set(m.set)?.timeoutSeconds ?? 0) * 1000;
      }
      case 'fibSaddrLocal':
        return ctx.localOrigin;
    }
    return false;
  });
}

interface NftOutcome {
  verdict?: 'drop';
  dnat?: { ip: string; port: number; endpoint: string };
}

/**
 * Runs a packet through one chain of the model as the kernel would: rules in order, `jump mark-for-masquerade`
 * marks the packet and continues, `goto` continues in another chain, a chain that ends without a verdict
 * returns (the packet leaves the nat hook without DNAT).
 */
function runNftChain(rs: NftRuleset, name: string, pkt: Packet, ctx: WalkContext, persist: Persistence, mark: { masq: boolean }, depth = 0): NftOutcome {
  const chain = rs.chain(name);
  if (!chain || depth > 8) return {};
  const step = (text: string) => ctx.steps.push({ kind: 'rule', mode: 'nftables', chain: name, text });
  for (const rule of chain.rules) {
    if (!nftMatches(rule, rs, pkt, ctx, persist)) continue;
    const act = rule.action;
    if (act.a === 'update') {
      persist.set(`${act.set}|${pkt.src}`, { endpoint: '', at: ctx.now });
      step(rule.text);
    } else if (act.a === 'dnat') {
      step(rule.text);
      return { dnat: { ip: act.ip, port: act.port, endpoint: `${act.ip}:${act.port}` } };
    } else if (act.a === 'numgen') {
      const i = Math.floor(ctx.rand.next() * act.chains.length);
      step(`numgen random mod ${act.chains.length} vmap { … ${i} : goto ${act.chains[i]} … }`);
      return runNftChain(rs, act.chains[i], pkt, ctx, persist, mark, depth + 1);
    } else if (act.a === 'verdict') {
      step(rule.text);
      if (act.verdict.v === 'drop') return { verdict: 'drop' };
      if (act.verdict.chain === markMasqChain) {
        mark.masq = true;
        continue;
      }
      const out = runNftChain(rs, act.verdict.chain, pkt, ctx, persist, mark, depth + 1);
      if (act.verdict.v === 'goto' || out.verdict || out.dnat) return out;
    }
  }
  return {};
}

/** The element a verdict map holds for `key`, with the trace step of the lookup. */
function nftLookup(rs: NftRuleset, map: string, key: string, chain: string, ruleText: string, ctx: WalkContext): NftElement | undefined {
  const el = rs.set(map)?.byKey.get(key);
  if (el) ctx.steps.push({ kind: 'rule', mode: 'nftables', chain, text: `${ruleText}  (${key} : ${el.verdict ? verdictText(el.verdict) : ''})` });
  return el;
}

/**
 * A new connection through the node's `ip kube-proxy` table, hook by hook: `firewall-check` before DNAT
 * (LoadBalancerSourceRanges), `services` at DNAT, then at priority filter the `no-endpoint-*` maps, which only
 * still match a packet no service chain rewrote (kubernetes/kubernetes pkg/proxy/nftables/proxier.go).
 */
export function walkNftables(p: NftablesProxier, pkt: Packet, ctx: WalkContext, persist: Persistence): WalkResult {
  const rs = nftRuleset(p);
  const proto = pkt.proto.toLowerCase();
  const key = `${pkt.dst} . ${proto} . ${pkt.dport}`;
  const npKey = `${proto} . ${pkt.dport}`;
  const toNodePort = rs.set('nodeport-ips')?.byKey.has(pkt.dst) ?? false;
  const mark = { masq: false };
  const fw = nftLookup(rs, 'firewall-ips', key, 'firewall-check', 'ip daddr . meta l4proto . th dport vmap @firewall-ips', ctx);
  if (fw?.verdict && fw.verdict.v !== 'drop' && runNftChain(rs, fw.verdict.chain, pkt, ctx, persist, mark).verdict === 'drop') {
    ctx.steps.push({ kind: 'fail', text: `${pkt.src} is outside the Service's loadBalancerSourceRanges: dropped` });
    return { masquerade: false, verdict: 'drop' };
  }
  const svc =
    nftLookup(rs, 'service-ips', key, 'services', 'ip daddr . meta l4proto . th dport vmap @service-ips', ctx) ??
    (toNodePort ? nftLookup(rs, 'service-nodeports', npKey, 'services', 'ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports', ctx) : undefined);
  if (svc?.verdict && svc.verdict.v !== 'drop') {
    const out = runNftChain(rs, svc.verdict.chain, pkt, ctx, persist, mark);
    if (out.verdict === 'drop') return { masquerade: false, verdict: 'drop' };
    if (out.dnat) {
      ctx.steps.push({ kind: 'dnat', from: `${pkt.dst}:${pkt.dport}`, to: out.dnat.endpoint });
      return { dnat: { ip: out.dnat.ip, port: out.dnat.port }, masquerade: mark.masq, verdict: 'accept' };
    }
  }
  // not DNATed: the filter chains at priority filter check the no-endpoint maps (input: NodePorts first)
  const noEp =
    (toNodePort ? nftLookup(rs, 'no-endpoint-nodeports', npKey, 'nodeport-endpoints-check', 'ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports', ctx) : undefined) ??
    nftLookup(rs, 'no-endpoint-services', key, 'service-endpoints-check', 'ip daddr . meta l4proto . th dport vmap @no-endpoint-services', ctx);
  if (noEp?.verdict?.v === 'drop') {
    ctx.steps.push({ kind: 'fail', text: `${noEp.comment ?? pkt.dst} has no endpoint on ${p.node.name} for this traffic (Local policy): dropped` });
    return { masquerade: false, verdict: 'drop' };
  }
  if (noEp?.verdict) {
    ctx.steps.push({ kind: 'rule', mode: 'nftables', chain: rejectChain, text: 'reject' });
    return { masquerade: false, verdict: 'reject' };
  }
  return { masquerade: false, verdict: 'accept' };
}

/**
 * The `cluster-ips-check` chain, which filter-forward and filter-output jump to for a new connection: met by a
 * packet for an address in the ServiceCIDRs that no service chain rewrote. An active ClusterIP on a port it does
 * not serve is rejected; any other address there (no Service holds it) is dropped. Undefined: neither matched.
 */
export function nftClusterIPsCheck(p: NftablesProxier, dst: string, ctx: Pick<WalkContext, 'steps'>): 'reject' | 'drop' | undefined {
  const rs = nftRuleset(p);
  const [reject, drop] = rs.chain('cluster-ips-check')?.rules ?? [];
  const step = (rule: NftRule) => ctx.steps.push({ kind: 'rule', mode: 'nftables', chain: 'cluster-ips-check', text: rule.text });
  if (reject && rs.set('cluster-ips')?.byKey.has(dst)) {
    step(reject);
    return 'reject';
  }
  if (drop && (p.node.serviceCIDRs ?? []).some((cidr) => inCidr(dst, cidr))) {
    step(drop);
    return 'drop';
  }
  return undefined;
}

/**
 * Whether a portal rule of the userspace proxier's model matches the packet: its address, protocol and port,
 * `! --physdev-is-in` (always true: kindnet's ptp veths are no bridge ports) and `--dst-type LOCAL`.
 */
function portalRuleMatches(r: Rule, pkt: Packet, node: ProxyNode): boolean {
  return r.parts.every((x) => {
    switch (x.k) {
      case 'dst':
        return x.cidr.replace(/\/32$/, '') === pkt.dst;
      case 'proto':
        return x.proto === pkt.proto.toLowerCase();
      case 'dport':
        return x.port === pkt.dport;
      case 'addrtype':
        return x.dst !== 'LOCAL' || isLocalAddress(node, pkt.dst);
      default:
        return true;
    }
  });
}

/**
 * A new connection through the userspace proxier's nat rules (v1.25 pkg/proxy/userspace/proxier.go): a portal
 * rule (KUBE-PORTALS-CONTAINER for traffic arriving, KUBE-PORTALS-HOST for the node's own) or, on one of the
 * node's addresses, a NodePort rule sends it to kube-proxy's proxy port, which opens a new connection to an
 * endpoint in turn. The rules are the ones `iptables-save` lists, evaluated in order.
 */
export function walkUserspace(p: UserspaceProxier, pkt: Packet, ctx: WalkContext, persist: Persistence): WalkResult {
  const chains = portalTables(p, 'nat').chains;
  const portals = ctx.localOrigin ? 'KUBE-PORTALS-HOST' : 'KUBE-PORTALS-CONTAINER';
  const portalRule = (chains.get(portals) ?? []).find((r) => portalRuleMatches(r, pkt, p.node));
  const nodePortRule =
    portalRule || !isLocalAddress(p.node, pkt.dst) ? undefined : (chains.get(ctx.localOrigin ? 'KUBE-NODEPORT-HOST' : 'KUBE-NODEPORT-CONTAINER') ?? []).find((r) => portalRuleMatches(r, pkt, p.node));
  const hit = portalRule ?? nodePortRule;
  const name = hit?.parts.find((x) => x.k === 'comment')?.text;
  const u = hit && (portalRule ? p.lookup(pkt.dst, pkt.dport, pkt.proto) : p.lookupNodePort(pkt.dport, pkt.proto));
  if (!hit || !u || u.info.name !== name) return { masquerade: false, verdict: 'accept' };
  // the jump from the built-in chain, then the rule that matched
  const jump = (chains.get(ctx.localOrigin ? 'OUTPUT' : 'PREROUTING') ?? []).find((r) => r.target.t === 'jump' && r.target.chain === hit.chain);
  for (const r of [jump, hit]) if (r) ctx.steps.push({ kind: 'rule', mode: 'userspace', table: 'nat', chain: r.chain, text: saveLine(r) });
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
