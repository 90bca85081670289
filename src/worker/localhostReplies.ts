/**
 * Replies about your machine and cluster DNS: the ports `kubectl port-forward` holds, an HTTP request to
 * localhost:PORT (the "localhost:48858" tab: through the forward to the pod, as a browser would), and a DNS
 * query from a pod with its search walk (the DNS view). The engine does the work; these only shape the answer.
 */
import type { Cluster } from '../engine';
import { type RRType, recordString, reverseName, rrTypes } from '../engine/dns/dnsMessage';
import { podDnsContext } from '../engine/dns/podDnsContext';
import { explainSearch } from '../engine/dns/searchExplain';
import { httpGet } from '../engine/net/http/httpClient';
import type { LocalPortRegistry } from '../kubectl/portforward/portForwardRegistry';
import type { Command, ReplyValue, WireHttpResponse } from '../protocol/messages';

/** Every forwarded port, in port order. */
export function localForwards(registry: LocalPortRegistry | undefined): ReplyValue {
  const forwards = (registry?.ports() ?? [])
    .sort((a, b) => a - b)
    .flatMap((p) => {
      const f = registry?.get(p);
      return f ? [{ localPort: f.localPort, namespace: f.namespace, pod: f.pod, remotePort: f.remotePort }] : [];
    });
  return { kind: 'localForwards', forwards };
}

/** One request from your machine to localhost:port. */
export function localHttp(cluster: Cluster, registry: LocalPortRegistry | undefined, c: Extract<Command, { type: 'localHttp' }>): ReplyValue {
  const path = c.path.startsWith('/') ? c.path : `/${c.path}`;
  const url = { scheme: 'http' as const, host: 'localhost', port: c.port, path };
  const r = httpGet(cluster, { host: true }, url, c.userAgent ?? 'Mozilla/5.0', registry, { method: c.method, ...(c.body !== undefined ? { body: c.body } : {}) });
  let response: WireHttpResponse;
  if (r.kind === 'response') response = { ok: true, status: r.response.status, headers: r.response.headers ?? {}, body: r.response.body };
  else if (r.error === 'empty') response = { ok: false, error: 'empty', message: 'The connection closed with no reply (nothing listens on the forwarded port in the pod).' };
  else if (r.error === 'hang') response = { ok: false, error: 'hang', message: 'The app never answered.' };
  else response = { ok: false, error: 'refused', message: `Nothing listens on localhost:${c.port}: connection refused.` };
  return { kind: 'http', response };
}

/** A pod's lookup of `name`: PTR of an IPv4 address asks its in-addr.arpa name, as dig -x does. */
/** The reply, or the message of a query that cannot be asked. */
export function dnsQuery(cluster: Cluster, c: Extract<Command, { type: 'dnsQuery' }>): ReplyValue | string {
  const qtype = c.qtype.toUpperCase();
  if (!rrTypes.includes(qtype as RRType)) return `unsupported record type "${c.qtype}": use one of ${rrTypes.join(', ')}`;
  const ctx = podDnsContext(cluster, c.namespace, c.pod);
  if (!ctx) return `pod "${c.pod}" in namespace "${c.namespace}" is not on a node yet: it has no /etc/resolv.conf`;
  const name = c.name.trim();
  if (name === '' || /\s/.test(name)) return 'enter a name to look up, e.g. alpaca-prod or kubernetes.default';
  const asked = qtype === 'PTR' ? (reverseName(name) ?? name) : name;
  const r = explainSearch(ctx, asked, qtype as RRType, 'resolver');
  return {
    kind: 'dns',
    dns: {
      server: r.server,
      search: r.search,
      ndots: r.ndots,
      tried: r.tried.map((t) => ({
        name: t.name,
        ...(t.response ? { rcode: t.response.rcode, flags: ['qr', ...(t.response.authoritative ? ['aa'] : []), 'rd', ...(t.response.recursionAvailable ? ['ra'] : [])].join(' ') } : {}),
        answer: (t.response?.answer ?? []).map(recordString),
        authority: (t.response?.authority ?? []).map(recordString),
      })),
      ...(r.used !== undefined ? { used: r.used } : {}),
    },
  };
}
