/**
 * BIND 9.18 `host` (bind9 `bin/dig/host.c`): A, AAAA and MX for a name (MX is left out: no zone here has one) (search list with ndots), PTR for an
 * address; one sentence per record (`has address`, `is an alias for`, `domain name pointer`, `has SRV record`).
 * `-t` takes any type BIND knows; an answer without records of the asked type says `NAME has no TYPE record`
 * (`printmessage`, short form, not the default lookups).
 */
import { bare, isIPv4, type QueryType, type ResourceRecord, reverseName } from '../dnsMessage';
import { bindTypeFromText } from './bindTypes';
import { resolveWithSearch } from './stubResolver';
import type { DnsToolContext, ToolResult } from './toolContext';

function sentence(rr: ResourceRecord): string {
  const owner = bare(rr.name);
  switch (rr.type) {
    case 'A':
      return `${owner} has address ${rr.data}\n`;
    case 'AAAA':
      return `${owner} has IPv6 address ${rr.data}\n`;
    case 'CNAME':
      return `${owner} is an alias for ${rr.data}\n`;
    case 'PTR':
      return `${rr.name.replace(/\.$/, '')} domain name pointer ${rr.data}\n`;
    case 'SRV':
      return `${owner} has SRV record ${rr.data}\n`;
    case 'TXT':
      return `${owner} descriptive text ${rr.data}\n`;
    case 'SOA':
      return `${owner} has SOA record ${rr.data}\n`;
    default:
      return `${owner} name server ${rr.data}\n`;
  }
}

/** Runs `host [-t TYPE] NAME [SERVER]`. */
export function host(ctx: DnsToolContext, args: readonly string[]): ToolResult {
  let types: QueryType[] | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-t') {
      const t = bindTypeFromText(args[++i] ?? '');
      if (!t) return { exitCode: 1, stdout: '', stderr: `host: invalid type: ${args[i]}\n` };
      types = [t];
    } else if (!args[i].startsWith('-')) rest.push(args[i]);
  }
  const name = rest[0];
  if (!name) return { exitCode: 1, stdout: '', stderr: 'Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n' };
  const server = rest[1];
  const ptr = isIPv4(name);
  const jobs: Array<[string, QueryType]> = ptr ? [[reverseName(name) as string, 'PTR']] : (types ?? ['A', 'AAAA']).map((t) => [name, t]);
  let out = '';
  if (server) out += `Using domain server:\nName: ${server}\nAddress: ${server}#53\nAliases: \n\n`;
  const shown = new Set<string>();
  for (const [n, t] of jobs) {
    const o = resolveWithSearch(ctx, n, t, server);
    if (o.kind === 'timeout') return { exitCode: 1, stdout: `${out};; connection timed out; no servers could be reached\n`, stderr: '' };
    const r = o.response;
    if (r.rcode !== 'NOERROR') {
      const code = r.rcode === 'NXDOMAIN' ? '3(NXDOMAIN)' : r.rcode === 'SERVFAIL' ? '2(SERVFAIL)' : '5(REFUSED)';
      return { exitCode: 1, stdout: `${out}Host ${ptr ? r.question.name.replace(/\.$/, '') : name} not found: ${code}\n`, stderr: '' };
    }
    for (const rr of r.answer) {
      const s = sentence(rr);
      if (!shown.has(s)) out += s;
      shown.add(s);
    }
    if (types && !ptr && r.answer.length === 0) out += `${bare(r.question.name)} has no ${t} record\n`;
  }
  return { exitCode: 0, stdout: out, stderr: '' };
}
