/**
 * kuard's server-side DNS query (kubernetes-up-and-running/kuard `pkg/dnsapi/api.go`): the type looked up in
 * miekg/dns's type table (unknown: `Unknown DNS type: X`), an empty name meaning the root, the search walk of
 * {@link explainSearch} in kuard's style, and the chosen reply printed by miekg/dns `Msg.String`. A server that
 * never answers is the client's read timeout, as Go's net package words it.
 */
import { type RRType, rrTypes } from './dnsMessage';
import { miekgMessageString } from './miekgMessage';
import { explainSearch, type SearchExplanation } from './searchExplain';
import { type DnsToolContext, stableHash } from './tools/toolContext';

// types miekg/dns knows that the simulated CoreDNS does not model
const otherMiekgTypes: readonly string[] = ['MX', 'ANY', 'CAA', 'DS', 'DNSKEY', 'HINFO', 'NAPTR', 'SPF', 'RRSIG', 'NSEC', 'TLSA', 'SSHFP', 'URI', 'HTTPS', 'SVCB'];

export type KuardDnsResult = { ok: true; result: string; explanation: SearchExplanation } | { ok: false; error: string };

/** Answers kuard's `POST /dns/api` `{type, name}` from a pod whose resolver context is `ctx`; `client` is the pod IP. */
export function kuardDnsQuery(ctx: DnsToolContext, type: string, name: string, client: string): KuardDnsResult {
  const upper = type.toUpperCase();
  if (!rrTypes.includes(upper as RRType)) {
    if (otherMiekgTypes.includes(upper)) return { ok: false, error: `svcsim's CoreDNS answers ${rrTypes.join(', ')} queries, not ${upper}` };
    return { ok: false, error: `Unknown DNS type: ${type}` };
  }
  const explanation = explainSearch(ctx, name, upper as RRType, 'kuard');
  const last = explanation.tried[explanation.tried.length - 1];
  if (!last?.response) {
    // miekg's Client.Exchange over UDP, 2 s read deadline: the error net.OpError prints
    const port = 32768 + (stableHash(`${client} ${name} ${ctx.now}`) % 28232);
    return { ok: false, error: `read udp ${client}:${port}->${explanation.server}:53: i/o timeout` };
  }
  const id = stableHash(`${last.name} ${upper} ${ctx.now}`) & 0xffff;
  return { ok: true, result: miekgMessageString(last.response, id), explanation };
}
