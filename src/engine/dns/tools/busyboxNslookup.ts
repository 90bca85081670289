/**
 * busybox 1.36 `nslookup` (the "big" applet, mirror/busybox `networking/nslookup.c`): its own DNS client. A
 * dotless name is sent once per search domain (never bare, no ndots), a dotted name as is; A then AAAA; one
 * block per reply with `** server can't find NAME: RCODE` for errors, exit 1 when any reply failed.
 */
import type { QueryOutcome } from '../dnsServers';
import { bare, type DnsQuestion, fqdn, isIPv4, type ResourceRecord, reverseName, type RRType, rrTypes } from '../dnsMessage';
import { queryServer } from '../dnsServers';
import { clientQuery, type DnsToolContext, settingsOf, type ToolResult } from './toolContext';

const usage = `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.

Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any
`;

function formatRecord(rr: ResourceRecord): string {
  const owner = bare(rr.name);
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${owner}\nAddress: ${rr.data}\n`;
    case 'CNAME':
      return `${owner}\tcanonical name = ${bare(rr.data)}\n`;
    case 'SRV': {
      const [p, w, port, target] = rr.data.split(' ');
      return `${owner}\tservice = ${p} ${w} ${port} ${bare(target)}\n`;
    }
    case 'PTR':
      return `${owner}\tname = ${bare(rr.data)}\n`;
    case 'TXT':
      return `${owner}\ttext = ${rr.data}\n`;
    case 'SOA': {
      const [ns, mbox, serial, refresh, retry, expire, min] = rr.data.split(' ');
      return `${owner}\n\torigin = ${bare(ns)}\n\tmail addr = ${bare(mbox)}\n\tserial = ${serial}\n\trefresh = ${refresh}\n\tretry = ${retry}\n\texpire = ${expire}\n\tminimum = ${min}\n`;
    }
    default:
      return `${owner}\tnameserver = ${bare(rr.data)}\n`;
  }
}

/** Runs `nslookup ARGS` the way busybox does. */
export function busyboxNslookup(ctx: DnsToolContext, args: readonly string[]): ToolResult {
  let type: RRType | undefined;
  const rest: string[] = [];
  for (const a of args) {
    const m = /^-(?:type|query|q|t)=(.+)$/i.exec(a);
    if (m) {
      const t = m[1].toUpperCase() as RRType;
      if (!rrTypes.includes(t)) return { exitCode: 1, stdout: '', stderr: usage };
      type = t;
    } else if (a === '-debug') continue;
    else rest.push(a);
  }
  if (rest.length < 1 || rest.length > 2) return { exitCode: 1, stdout: '', stderr: usage };
  const settings = settingsOf(ctx);
  const server = rest[1] ?? settings.nameservers[0] ?? '127.0.0.1';
  const host = rest[0];
  // add_query_with_search: PTR names and dotted names go as they are; dotless ones under each search domain
  const withSearch = (t: RRType, name: string): DnsQuestion[] =>
    t === 'PTR' || name.includes('.') || settings.search.length === 0 ? [{ name: fqdn(name), type: t }] : settings.search.map((d) => ({ name: fqdn(`${name}.${d}`), type: t }));
  const queries: DnsQuestion[] = [];
  if (type) queries.push(...withSearch(type, host));
  else if (isIPv4(host)) queries.push({ name: reverseName(host) as string, type: 'PTR' });
  else queries.push(...withSearch('A', host), ...withSearch('AAAA', host));
  const replies: Array<{ q: DnsQuestion; out: QueryOutcome }> = queries.map((q) => ({ q, out: queryServer(ctx.net, server, q, clientQuery(ctx, q)) }));
  if (replies.every((r) => r.out.kind === 'timeout')) return { exitCode: 1, stdout: ';; connection timed out; no servers could be reached\n', stderr: '' };
  let stdout = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  let failed = false;
  for (const { q, out } of replies) {
    if (out.kind === 'timeout') continue;
    const r = out.response;
    if (r.rcode !== 'NOERROR') {
      stdout += `** server can't find ${bare(q.name)}: ${r.rcode}\n\n`;
      failed = true;
      continue;
    }
    if (!r.authoritative && r.answer.length) stdout += 'Non-authoritative answer:\n';
    for (const rr of r.answer) stdout += formatRecord(rr);
    stdout += '\n';
  }
  const unanswered = replies.filter((r) => r.out.kind === 'timeout');
  for (const u of unanswered) stdout += `*** Can't find ${bare(u.q.name)}: No answer\n\n`;
  return { exitCode: failed || unanswered.length ? 1 : 0, stdout, stderr: '' };
}
