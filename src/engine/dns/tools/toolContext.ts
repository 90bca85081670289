/** What a DNS tool inside a container works with: the network's name servers and the container's resolv.conf. */
import type { DnsNetwork } from '../dnsServers';
import { parseResolvConf, type ResolverSettings } from '../resolvConfFile';

export interface DnsToolContext {
  net: DnsNetwork;
  /** The container's /etc/resolv.conf text. */
  resolvConf: string;
  /** Virtual time, ms since the epoch (dig's WHEN line). */
  now: number;
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
