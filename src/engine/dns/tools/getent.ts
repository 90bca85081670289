/**
 * `getent hosts NAME` (glibc `nss/getent.c` `hosts_keys`): a getaddrinfo-style lookup through the search list,
 * IPv6 first then IPv4 (`gethostbyname2`), printed as `%-15s %s` — address, canonical name, then aliases.
 * Exit 2 when the name does not resolve.
 */
import { bare } from '../dnsMessage';
import { hostsEntries } from '../etcHosts';
import { resolveWithSearch } from './stubResolver';
import type { DnsToolContext, ToolResult } from './toolContext';

function hostsFileMatch(hosts: string, name: string): string | undefined {
  const e = hostsEntries(hosts).find((x) => x.names.includes(name));
  return e && `${e.address.padEnd(15)} ${e.names.join(' ')}\n`;
}

/** Runs `getent DATABASE KEY...`; only the `hosts` database is modelled. */
export function getent(ctx: DnsToolContext, args: readonly string[], etcHosts: string): ToolResult {
  const [db, ...keys] = args;
  if (db !== 'hosts' && db !== 'ahosts') return { exitCode: 1, stdout: '', stderr: `Unknown database: ${db ?? ''}\nTry \`getent --help' or \`getent --usage' for more information.\n` };
  if (!keys.length) return { exitCode: 0, stdout: etcHosts.split('\n').filter((l) => l && !l.startsWith('#')).join('\n') + '\n', stderr: '' };
  let out = '';
  let missing = false;
  for (const key of keys) {
    // nsswitch.conf `hosts: files dns`: /etc/hosts first
    const local = hostsFileMatch(etcHosts, key);
    if (local) {
      out += local;
      continue;
    }
    const o = resolveWithSearch(ctx, key, 'A');
    const answer = o.kind === 'reply' && o.response.rcode === 'NOERROR' ? o.response.answer : [];
    const addresses = answer.filter((rr) => rr.type === 'A');
    if (!addresses.length) {
      missing = true;
      continue;
    }
    const cname = answer.find((rr) => rr.type === 'CNAME');
    const canonical = bare(addresses[0].name);
    const aliases = cname ? [bare(cname.name)] : [];
    for (const a of addresses) out += `${a.data.padEnd(15)} ${[canonical, ...aliases].join(' ')}\n`;
  }
  return { exitCode: missing ? 2 : 0, stdout: out, stderr: '' };
}
