/**
 * BIND 9.18 `nslookup` (bind9 `bin/dig/nslookup.c`): uses the resolv.conf search list with ndots, asks A then
 * AAAA, prints `Server:`/`Address: ip#53`, the answers, and `** server can't find NAME: NXDOMAIN` on failure.
 */
import { bare, isIPv4, type ResourceRecord, reverseName, type RRType, rrTypes } from '../dnsMessage';
import { resolveWithSearch } from './stubResolver';
import type { DnsToolContext, ToolResult } from './toolContext';

function line(rr: ResourceRecord): string {
  const owner = bare(rr.name);
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${owner}\nAddress: ${rr.data}\n`;
    case 'CNAME':
      return `${owner}\tcanonical name = ${rr.data}\n`;
    case 'PTR':
      return `${rr.name}\tname = ${rr.data}\n`;
    case 'SRV':
      return `${owner}\tservice = ${rr.data}\n`;
    case 'TXT':
      return `${owner}\ttext = ${rr.data}\n`;
    default:
      return `${owner}\t${rr.type.toLowerCase()} = ${rr.data}\n`;
  }
}

/** Runs `nslookup ARGS` as bind's nslookup does (non-interactive form). */
export function bindNslookup(ctx: DnsToolContext, args: readonly string[]): ToolResult {
  let types: RRType[] = ['A', 'AAAA'];
  const rest: string[] = [];
  for (const a of args) {
    const m = /^-(?:type|querytype|query|q|ty)=(.+)$/i.exec(a);
    if (m && rrTypes.includes(m[1].toUpperCase() as RRType)) types = [m[1].toUpperCase() as RRType];
    else if (!a.startsWith('-')) rest.push(a);
  }
  if (rest.length === 0) return { exitCode: 1, stdout: '', stderr: '' };
  const host = rest[0];
  const serverArg = rest[1];
  let out = '';
  let failed = false;
  let printedHeader = false;
  const headerFor = (s: string) => {
    if (!printedHeader) out += `Server:\t\t${s}\nAddress:\t${s}#53\n\n`;
    printedHeader = true;
  };
  const jobs = isIPv4(host) ? [{ name: reverseName(host) as string, type: 'PTR' as RRType, literal: true }] : types.map((t) => ({ name: host, type: t, literal: false }));
  for (const job of jobs) {
    // a reverse name ends in a dot, so it is sent as is; other names walk the search list
    const o = resolveWithSearch(ctx, job.name, job.type, serverArg);
    if (o.kind === 'timeout') return { exitCode: 1, stdout: `${out};; connection timed out; no servers could be reached\n\n`, stderr: '' };
    headerFor(o.server);
    const r = o.response;
    if (r.rcode !== 'NOERROR') {
      out += `** server can't find ${job.literal ? job.name : host}: ${r.rcode}\n\n`;
      failed = true;
      break;
    }
    if (!r.answer.length) continue;
    if (!r.authoritative) out += 'Non-authoritative answer:\n';
    for (const rr of r.answer) out += line(rr);
    out += '\n';
  }
  return { exitCode: failed ? 1 : 0, stdout: out, stderr: '' };
}
