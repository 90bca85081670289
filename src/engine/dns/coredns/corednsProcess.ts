/**
 * What a CoreDNS process prints and which configuration it runs: the start-up banner, the reload plugin's
 * lines, and the `log` plugin's line for each query. The kubelet's app (`kubelet/apps/coredns.ts`) answers
 * probes; the configuration lives on its instance (`AppInstance.coredns`), set by `corednsReloader.ts`.
 */
import type { DnsResponse } from '../dnsMessage';
import type { QueryMeta } from '../dnsServers';
import { responseWireSize } from '../wireSize';
import { stableHash } from '../tools/toolContext';
import { corednsDirectives, corefileSha512, parseCorefile, type ServerBlock, usesDirective } from './corefile';

/** A configuration CoreDNS runs. */
export interface CorednsConfig {
  blocks: ServerBlock[];
  sha512: string;
  /** The `log` plugin is on: every query is logged. */
  log: boolean;
  /** The `reload` plugin is on: the process watches its Corefile. */
  reload: boolean;
}

/** One CoreDNS process's configuration state (one container attempt). */
export interface CorednsState {
  /** The Corefile in the pod's config-volume now: the kubelet projects ConfigMap changes at its resyncs. */
  mounted: string;
  /** The configuration it serves with. */
  running: CorednsConfig;
  /** The reload plugin's `sha512sum`: the last Corefile it acted on (a failed restart is not retried). */
  checkedSha: string;
  /** When the running configuration started: the reload plugin's ticker counts from here. */
  configStartedAt: number;
  /** The reload plugin's interval with this setup's jitter, ms. */
  intervalMs: number;
  /** How many times the reload plugin was set up (each setup draws its own jitter). */
  setups: number;
  /** A Corefile whose parse failure was already logged. */
  warnedFor?: string;
  /** The kubelet's next resync of the pod, when a ConfigMap change waits for it. */
  volumeSyncAt?: number;
  /** The reload plugin's next tick, when the mounted Corefile differs from the one it checked. */
  reloadAt?: number;
}

/** A parsed Corefile CoreDNS accepts (every directive known), or the error its start or restart reports. */
export function loadConfig(text: string): { ok: true; config: CorednsConfig } | { ok: false; error: string } {
  const p = parseCorefile(text, corednsDirectives);
  if (!p.ok) return p;
  return { ok: true, config: { blocks: p.blocks, sha512: corefileSha512(p.blocks), log: usesDirective(p.blocks, 'log'), reload: usesDirective(p.blocks, 'reload') } };
}

/**
 * The reload plugin's interval: 30 s plus a jitter drawn once per setup in [-7.5 s, 7.5 s) (coredns/coredns
 * `plugin/reload/setup.go`: defaultInterval 30s, defaultJitter 15s, `rand.Int63n(j) - j/2`). The draw is a hash
 * of the pod and the setup count, so the cluster's PRNG (which picks Service endpoints) is left alone.
 */
export function reloadIntervalMs(pod: string, setups: number): number {
  return 30_000 + (stableHash(`${pod} reload ${setups}`) % 15_000) - 7_500;
}

/**
 * The CoreDNS release kind's node image for Kubernetes 1.34 runs (`registry.k8s.io/coredns/coredns:v1.12.1`):
 * built with Go 1.24.1 (`.go-version` at v1.12.1) from commit 707c7c1 (coremain/version.go `releaseString`).
 */
const releases: Readonly<Record<string, string>> = { '1.12.1': 'linux/amd64, go1.24.1, 707c7c1' };

/** `host:port` of each zone a server block serves, as core/dnsserver/onstartup.go `startUpZones` lists them. */
function serverLines(blocks: readonly ServerBlock[]): string[] {
  const lines: string[] = [];
  for (const b of blocks) {
    const zones = b.keys.map((k) => {
      const m = /^(?:dns:\/\/)?(.*?)(?::(\d+))?$/.exec(k) ?? [];
      const zone = (m[1] || '.').toLowerCase();
      return `${zone.endsWith('.') ? zone : `${zone}.`}:${m[2] ?? '53'}`;
    });
    lines.push(...zones.sort());
  }
  return lines;
}

/**
 * What the process prints once its servers are up (coredns/coredns `coremain/run.go` `showVersion`,
 * `core/dnsserver/server.go` `OnStartupComplete`, `plugin/reload/reload.go` `hook`).
 */
export function startupLines(config: CorednsConfig, version: string): string[] {
  const lines = serverLines(config.blocks);
  if (config.reload) lines.push(`[INFO] plugin/reload: Running configuration SHA512 = ${config.sha512}`);
  lines.push(`CoreDNS-${version}`);
  const release = releases[version];
  if (release) lines.push(release);
  return lines;
}

/** Go's `strconv.FormatFloat(d.Seconds(), 'f', -1, 64)` of a whole number of nanoseconds, with an `s`. */
export function goSeconds(ns: number): string {
  const whole = Math.floor(ns / 1e9);
  const frac = String(ns % 1e9).padStart(9, '0').replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''}s`;
}

/**
 * How long CoreDNS took, deterministic per query: 40–200 µs for what the kubernetes plugin answers from its
 * cache, 0.3–2.3 ms for what `forward` asked Docker's embedded DNS.
 */
function durationNs(meta: QueryMeta, response: DnsResponse): number {
  const h = stableHash(`${meta.clientIP}:${meta.clientPort} ${meta.id} duration`);
  return response.authoritative ? 40_000 + (h % 160_000) : 300_000 + (h % 2_000_000);
}

/**
 * The `log` plugin's default line (coredns/coredns `plugin/log/log.go` CommonLogFormat, placeholders in
 * `plugin/pkg/replacer/replacer.go`): `{remote}:{port} - {>id} "{type} {class} {name} {proto} {size} {>do}
 * {>bufsize}" {rcode} {>rflags} {rsize} {duration}`, logged at INFO.
 */
export function queryLogLine(meta: QueryMeta, response: DnsResponse): string {
  const q = response.question;
  const name = q.name.toLowerCase();
  const nameBytes = name.replace(/\.$/, '').split('.').filter(Boolean).reduce((n, l) => n + 1 + l.length, 1);
  // the OPT record dig sends: 11 bytes plus a COOKIE option of 4 + 8
  const optBytes = meta.edns ? 23 : 0;
  const size = 12 + nameBytes + 4 + optBytes;
  // request.Size: TCP → 65535, else the advertised size, at least 512
  const bufsize = meta.proto === 'tcp' ? 65535 : Math.max(512, meta.edns ?? 0);
  const flags = ['qr', ...(response.authoritative ? ['aa'] : []), 'rd', ...(response.recursionAvailable ? ['ra'] : [])].join(',');
  const rsize = responseWireSize(response, meta.edns !== undefined);
  return `[INFO] ${meta.clientIP}:${meta.clientPort} - ${meta.id} "${q.type} IN ${name} ${meta.proto} ${size} false ${bufsize}" ${response.rcode} ${flags} ${rsize} ${goSeconds(durationNs(meta, response))}`;
}
