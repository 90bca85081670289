/**
 * How a resolver's search list expanded one query, as data for the DNS view: every name tried in order with
 * the reply it got (NXDOMAIN for each miss), and which one answered. Two clients are modelled: the pod's C
 * library (glibc `resolv/res_query.c` `res_nsearch`: ndots decides whether the name goes first or last, and
 * the walk stops at the first reply that is not NXDOMAIN) and kuard's DNS page (kubernetes-up-and-running/kuard
 * `pkg/dnsapi/api.go` `dnsQuery`: every search suffix, then the name, ignoring ndots, stopping at the first
 * reply with answers).
 */
import { type DnsResponse, fqdn, type RRType } from './dnsMessage';
import { queryServer } from './dnsServers';
import { searchCandidates } from './resolvConfFile';
import { type DnsToolContext, settingsOf } from './tools/toolContext';

export type SearchStyle = 'resolver' | 'kuard';

export interface TriedName {
  name: string;
  /** The reply, or undefined when the server never answered. */
  response?: DnsResponse;
}

export interface SearchExplanation {
  server: string;
  search: string[];
  ndots: number;
  tried: TriedName[];
  /** Index in `tried` of the reply the client uses; undefined on a timeout. */
  used?: number;
}

function candidates(style: SearchStyle, name: string, search: string[], ndots: number): string[] {
  if (style === 'resolver') return searchCandidates(name, { nameservers: [], search, ndots });
  const typed = name === '' ? '.' : name;
  if (typed.endsWith('.')) return [typed];
  return [...search.map((s) => fqdn(`${typed}.${s}`)), fqdn(typed)];
}

/** Walks the search list for `name` of `type` from the context's resolv.conf, recording every query. */
export function explainSearch(ctx: DnsToolContext, name: string, type: RRType, style: SearchStyle): SearchExplanation {
  const settings = settingsOf(ctx);
  const server = settings.nameservers[0] ?? '127.0.0.1';
  const out: SearchExplanation = { server, search: settings.search, ndots: settings.ndots, tried: [] };
  const names = candidates(style, name, settings.search, settings.ndots);
  for (const candidate of names) {
    const reply = queryServer(ctx.net, server, { name: candidate, type });
    if (reply.kind === 'timeout') {
      out.tried.push({ name: candidate });
      return out;
    }
    out.tried.push({ name: candidate, response: reply.response });
    const done = style === 'kuard' ? reply.response.answer.length > 0 : reply.response.rcode !== 'NXDOMAIN';
    if (done) break;
  }
  out.used = out.tried.length - 1;
  return out;
}
