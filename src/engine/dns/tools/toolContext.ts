/** What a DNS tool inside a container works with: the network's name servers and the container's resolv.conf. */
import type { DnsQuestion } from '../dnsMessage';
import type { DnsNetwork, QueryMeta } from '../dnsServers';
import { parseResolvConf, type ResolverSettings } from '../resolvConfFile';

export interface DnsToolContext {
  net: DnsNetwork;
  /** The container's /etc/resolv.conf text. */
  resolvConf: string;
  /** Virtual time, ms since the epoch (dig's WHEN line). */
  now: number;
  /** The pod IP the queries leave from (CoreDNS logs it); undefined: nobody logs them. */
  clientIP?: string;
}

export interface ToolResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function settingsOf(ctx: DnsToolContext): ResolverSettings {
  return parseResolvConf(ctx.resolvConf);
}

/** A deterministic 16-bit value from text (query ids, cookies): FNV-1a, so the same command prints the same bytes. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The query id a tool puts in its message for `q` at this instant (dig prints it). */
export function queryId(q: DnsQuestion, now: number): number {
  return stableHash(`${q.name} ${q.type} ${now}`) & 0xffff;
}

/**
 * Who asks `q`: the container's address, an ephemeral source port in Linux's default range (32768–60999) and the
 * query id, derived from the question so the same command gives the same bytes; undefined without a client IP.
 */
export function clientQuery(ctx: DnsToolContext, q: DnsQuestion, opts: { tcp?: boolean; edns?: number; id?: number } = {}): QueryMeta | undefined {
  if (!ctx.clientIP) return undefined;
  // dig passes the id it prints; other tools draw theirs with the client's address, so two tools differ
  const id = opts.id ?? stableHash(`${q.name} ${q.type} ${ctx.now} ${ctx.clientIP}`) & 0xffff;
  const clientPort = 32768 + (stableHash(`${ctx.clientIP} ${id} ${q.name} port`) % 28232);
  return { clientIP: ctx.clientIP, clientPort, id, proto: opts.tcp ? 'tcp' : 'udp', ...(opts.edns ? { edns: opts.edns } : {}) };
}
