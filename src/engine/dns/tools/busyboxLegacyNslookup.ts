/**
 * busybox's `nslookup` up to 1.28 (mirror/busybox `networking/nslookup.c` before the 1.29 rewrite): a thin
 * wrapper over the C library. `print_host` resolves with getaddrinfo (so /etc/hosts, then the resolv.conf
 * search list) and prints `%-10s %s` — the header, then the name as typed — and one `Address N: IP NAME` line
 * per address, NAME being the reverse lookup when there is one. The server is printed the same way first. A
 * name that does not resolve gives `nslookup: can't resolve 'NAME'` on stderr and exit 1. This is the
 * nslookup of `busybox:1.28`, the image the Kubernetes docs' init container and DNS examples use.
 */
import { bare, isIPv4, reverseName } from '../dnsMessage';
import { queryServer } from '../dnsServers';
import { type HostsEntry, hostsEntries } from '../etcHosts';
import { resolveWithSearch } from './stubResolver';
import { clientQuery, type DnsToolContext, settingsOf, type ToolResult } from './toolContext';

/** getnameinfo(NI_NAMEREQD): the first name of the address in /etc/hosts, else a PTR query to `server`. */
function reverseLookup(ctx: DnsToolContext, server: string, address: string, hosts: readonly HostsEntry[]): string | undefined {
  const local = hosts.find((h) => h.address === address);
  if (local) return local.names[0];
  const ptr = reverseName(address);
  if (!ptr) return undefined;
  const q = { name: ptr, type: 'PTR' as const };
  const out = queryServer(ctx.net, server, q, clientQuery(ctx, q));
  const rr = out.kind === 'reply' && out.response.rcode === 'NOERROR' ? out.response.answer.find((r) => r.type === 'PTR') : undefined;
  return rr && bare(rr.data);
}

/** getaddrinfo(AF_UNSPEC): a numeric address as is, names in /etc/hosts, else A records through the search list. */
function forwardLookup(ctx: DnsToolContext, server: string, name: string, hosts: readonly HostsEntry[]): string[] {
  if (isIPv4(name)) return [name];
  const local = hosts.filter((h) => h.names.includes(name)).map((h) => h.address);
  if (local.length) return local;
  const o = resolveWithSearch(ctx, name, 'A', server);
  if (o.kind !== 'reply' || o.response.rcode !== 'NOERROR') return [];
  return o.response.answer.filter((rr) => rr.type === 'A').map((rr) => rr.data);
}

function printHost(ctx: DnsToolContext, server: string, name: string, header: string, hosts: readonly HostsEntry[]): string | undefined {
  const addresses = forwardLookup(ctx, server, name, hosts);
  if (!addresses.length) return undefined;
  let out = `${header.padEnd(10)} ${name}\n`;
  addresses.forEach((a, i) => {
    const rev = reverseLookup(ctx, server, a, hosts);
    out += rev ? `Address ${i + 1}: ${a} ${rev}\n` : `Address ${i + 1}: ${a}\n`;
  });
  return out;
}

/** Runs `nslookup HOST [SERVER]` the way busybox 1.28 does. */
export function busyboxLegacyNslookup(ctx: DnsToolContext, args: readonly string[], etcHosts: string): ToolResult {
  // nslookup_main: no HOST, an option, or more than two arguments show the usage text
  if (!args.length || args[0].startsWith('-') || args.length > 2) {
    return { exitCode: 1, stdout: '', stderr: "svcsim: this nslookup (busybox 1.28) takes HOST [SERVER]; its usage text is not simulated\n" };
  }
  const hosts = hostsEntries(etcHosts);
  const defaultServer = settingsOf(ctx).nameservers[0] ?? '127.0.0.1';
  // set_default_dns: a server given by name is resolved first (xhost2sockaddr dies when it cannot be)
  const server = args[1] === undefined ? defaultServer : forwardLookup(ctx, defaultServer, args[1], hosts)[0];
  if (!server) return { exitCode: 1, stdout: '', stderr: `nslookup: bad address '${args[1]}'\n` };
  const serverBlock = printHost(ctx, server, server, 'Server:', hosts) ?? '';
  const nameBlock = printHost(ctx, server, args[0], 'Name:', hosts);
  if (!nameBlock) return { exitCode: 1, stdout: `${serverBlock}\n`, stderr: `nslookup: can't resolve '${args[0]}'\n` };
  return { exitCode: 0, stdout: `${serverBlock}\n${nameBlock}`, stderr: '' };
}
