/**
 * Walking a packet through a node's iptables rules the way netfilter does: nat PREROUTING (or OUTPUT for the
 * node's own traffic), then the filter chain of the path (FORWARD, INPUT or OUTPUT), then nat POSTROUTING.
 * Every rule is evaluated from the same model `iptables-save` prints; each matching rule is a trace step.
 */
import { kernelProbability } from '../proxy/iptables/probability';
import type { IptablesProxier } from '../proxy/iptables/iptablesProxier';
import type { Part, Rule, Table } from '../proxy/iptables/rule';
import { inCidr, isLocalAddress, type Packet, type WalkContext, type WalkResult } from './packet';

interface State {
  pkt: Packet;
  mark: boolean;
  /** KUBE-POSTROUTING reached its MASQUERADE rule. */
  masquerade: boolean;
  dnat?: { ip: string; port: number };
  ctx: WalkContext;
  table: Table;
}

type Verdict = 'continue' | 'accept' | 'drop' | 'reject' | 'dnat';

function matches(p: Part, s: State): boolean {
  const { pkt, ctx } = s;
  switch (p.k) {
    case 'comment':
    case 'nfacct':
      return true;
    case 'set':
      // ipset matches belong to the IPVS mode, whose packets the IPVS walk routes
      return false;
    case 'proto':
      return pkt.proto.toLowerCase() === p.proto;
    case 'src':
      return inCidr(pkt.src, p.cidr) !== Boolean(p.not);
    case 'dst':
      return inCidr(s.dnat?.ip ?? pkt.dst, p.cidr);
    case 'dport':
      return (s.dnat?.port ?? pkt.dport) === p.port;
    case 'physdev':
      // written only by the IPVS mode, whose packets the IPVS walk routes
      return false;
    case 'addrtype':
      if (p.src) return ctx.localOrigin !== Boolean(p.not);
      return isLocalAddress(ctx.node, s.dnat?.ip ?? pkt.dst);
    case 'statistic':
      return ctx.rand.next() < kernelProbability(p.probability);
    case 'recent': {
      const table = ctx.recent.get(p.name);
      if (p.rcheckSeconds === undefined) {
        if (table) table.set(pkt.src, ctx.now);
        else ctx.recent.set(p.name, new Map([[pkt.src, ctx.now]]));
        return true;
      }
      const seen = table?.get(pkt.src);
      if (seen === undefined) return false;
      if (ctx.now - seen > p.rcheckSeconds * 1000) {
        table?.delete(pkt.src);
        return false;
      }
      return true;
    }
    case 'mark':
      return s.mark !== p.not;
    case 'conntrack':
      // a new connection: state NEW, plus DNAT once nat rewrote it
      return (hasState(p.states, 'NEW') || (s.dnat !== undefined && hasState(p.states, 'DNAT'))) !== Boolean(p.not);
  }
}

/** Whether the comma-separated `--ctstate` list names `state`. */
function hasState(states: string, state: string): boolean {
  for (let at = states.indexOf(state); at >= 0; at = states.indexOf(state, at + 1)) {
    const end = at + state.length;
    if ((at === 0 || states.charCodeAt(at - 1) === 44) && (end === states.length || states.charCodeAt(end) === 44)) return true;
  }
  return false;
}

function runChain(proxier: IptablesProxier, chain: string, s: State, depth: number): Verdict {
  if (depth > 16) return 'continue';
  const rules = proxier.chain(s.table, chain);
  next: for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    const parts = r.parts;
    for (let j = 0; j < parts.length; j++) if (!matches(parts[j], s)) continue next;
    step(proxier, r, s);
    const t = r.target;
    switch (t.t) {
      case 'jump': {
        const v = runChain(proxier, t.chain, s, depth + 1);
        if (v !== 'continue') return v;
        break;
      }
      case 'MARK':
        s.mark = t.op === 'or' ? true : !s.mark;
        break;
      case 'DNAT': {
        const i = t.to.lastIndexOf(':');
        s.dnat = { ip: t.to.slice(0, i), port: Number(t.to.slice(i + 1)) };
        s.ctx.steps.push({ kind: 'dnat', from: `${s.pkt.dst}:${s.pkt.dport}`, to: t.to });
        return 'dnat';
      }
      case 'MASQUERADE':
        s.masquerade = true;
        return 'accept';
      case 'RETURN':
        return 'continue';
      case 'ACCEPT':
        return 'accept';
      case 'DROP':
        return 'drop';
      case 'REJECT':
        return 'reject';
      default:
        break;
    }
  }
  return 'continue';
}

function step(proxier: IptablesProxier, r: Rule, s: State): void {
  s.ctx.steps.push({ kind: 'rule', mode: 'iptables', table: s.table, chain: r.chain, text: proxier.savedLine(r) });
}

/** Routes the first packet of a connection through the node's iptables rules. */
export function walkIptables(proxier: IptablesProxier, pkt: Packet, ctx: WalkContext): WalkResult {
  const s: State = { pkt, mark: false, masquerade: false, ctx, table: 'nat' };
  runChain(proxier, ctx.localOrigin ? 'OUTPUT' : 'PREROUTING', s, 0);
  s.table = 'filter';
  const toLocal = !s.dnat && isLocalAddress(ctx.node, pkt.dst);
  const filterChain = ctx.localOrigin ? 'OUTPUT' : toLocal ? 'INPUT' : 'FORWARD';
  const v = runChain(proxier, filterChain, s, 0);
  if (v === 'reject' || v === 'drop') return { dnat: s.dnat, masquerade: false, verdict: v };
  s.table = 'nat';
  // the mark survives to POSTROUTING, where KUBE-POSTROUTING masquerades marked packets
  runChain(proxier, 'POSTROUTING', s, 0);
  return { dnat: s.dnat, masquerade: s.masquerade, verdict: 'accept' };
}
