/**
 * Which DNS tools an image really carries, and running one of them. busybox images have busybox's own
 * `nslookup`; Debian-based dnsutils images and netshoot have BIND's `dig`, `host` and `nslookup`; glibc and
 * musl images have `getent`. Distroless and scratch images (kuard, CoreDNS) have none.
 */
import { bindNslookup } from './bindNslookup';
import { busyboxLegacyNslookup } from './busyboxLegacyNslookup';
import { busyboxNslookup } from './busyboxNslookup';
import { dig } from './dig';
import { getent } from './getent';
import { host } from './host';
import type { DnsToolContext, ToolResult } from './toolContext';

export interface ImageDnsTools {
  /** busybox's own nslookup (1.29 and later), the libc-based one of busybox 1.28 and before, or BIND's. */
  nslookup?: 'busybox' | 'busybox-1.28' | 'bind';
  /** BIND's dig and host. */
  bind?: boolean;
  getent?: boolean;
}

/** The DNS tools of a toolbox image family. */
export const dnsToolsOf: Readonly<Record<string, ImageDnsTools>> = {
  busybox: { nslookup: 'busybox' },
  alpine: { nslookup: 'busybox', getent: true },
  curl: { nslookup: 'busybox', getent: true },
  netshoot: { nslookup: 'bind', bind: true, getent: true },
  dnsutils: { nslookup: 'bind', bind: true, getent: true },
  debian: { getent: true },
  ubuntu: { getent: true },
};

/** Whether `bin` (a path or a name) is a DNS tool this image has. */
export function hasDnsTool(tools: ImageDnsTools | undefined, bin: string): boolean {
  const name = bin.split('/').pop() ?? bin;
  if (!tools) return false;
  if (name === 'nslookup') return tools.nslookup !== undefined;
  if (name === 'dig' || name === 'host') return tools.bind === true;
  if (name === 'getent') return tools.getent === true;
  return false;
}

/** Runs a DNS tool the image has; undefined when `argv[0]` is not one. */
export function runDnsTool(tools: ImageDnsTools | undefined, ctx: DnsToolContext, argv: readonly string[], etcHosts: string): ToolResult | undefined {
  const [bin = '', ...args] = argv;
  if (!hasDnsTool(tools, bin)) return undefined;
  const name = bin.split('/').pop() ?? bin;
  if (name === 'nslookup') {
    if (tools?.nslookup === 'busybox-1.28') return busyboxLegacyNslookup(ctx, args, etcHosts);
    return tools?.nslookup === 'busybox' ? busyboxNslookup(ctx, args) : bindNslookup(ctx, args);
  }
  if (name === 'dig') return dig(ctx, args);
  if (name === 'host') return host(ctx, args);
  return getent(ctx, args, etcHosts);
}
