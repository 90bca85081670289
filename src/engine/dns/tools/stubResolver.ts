/**
 * The search walk of a resolver client (bind9 `bin/dig/dighost.c` `next_origin`, glibc `res_nsearch`): try each
 * candidate name in order and stop at the first reply that is not NXDOMAIN, or at silence from the server.
 */
import type { DnsResponse, QueryType } from '../dnsMessage';
import { queryServer } from '../dnsServers';
import { searchCandidates } from '../resolvConfFile';
import { clientQuery, type DnsToolContext, settingsOf } from './toolContext';

export type SearchOutcome = { kind: 'timeout'; server: string } | { kind: 'reply'; server: string; response: DnsResponse };

/** Resolves `name` of `type` through the container's resolv.conf (or an explicit server). */
export function resolveWithSearch(ctx: DnsToolContext, name: string, type: QueryType, server?: string): SearchOutcome {
  const settings = settingsOf(ctx);
  const to = server ?? settings.nameservers[0] ?? '127.0.0.1';
  let last: DnsResponse | undefined;
  for (const candidate of searchCandidates(name, settings)) {
    const q = { name: candidate, type };
    const out = queryServer(ctx.net, to, q, clientQuery(ctx, q));
    if (out.kind === 'timeout') return { kind: 'timeout', server: to };
    last = out.response;
    if (last.rcode !== 'NXDOMAIN') break;
  }
  return { kind: 'reply', server: to, response: last as DnsResponse };
}
