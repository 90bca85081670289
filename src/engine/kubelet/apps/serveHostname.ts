/**
 * serve-hostname: answers every request with the pod's hostname, the server of the Kubernetes docs' "Debug
 * Services" page (`kubectl create deployment hostnames --image=registry.k8s.io/serve_hostname`, then
 * `wget -qO- <pod IP>:9376` per pod and through the Service). The standalone image runs `/serve_hostname` (Go
 * `flag` options), agnhost runs it as `agnhost serve-hostname` (kubernetes/kubernetes
 * `test/images/agnhost/serve-hostname/serve_hostname.go`): HTTP on `--port` (9376) unless `--tcp`/`--udp` serve the
 * raw hostname instead, the body the bare hostname (no newline), each request logged as `HTTP request from ADDR`.
 *
 * Not modelled: the raw TCP and UDP modes' replies (the ports listen, nothing answers), and the two lines it logs
 * after SIGTERM before sleeping out its 60 s.
 */
import type { Container } from '../../api/types';
import type { AppInstance, HttpOutcome, HttpRequest, Listener, SimulatedApp } from './app';
import { logAccess, rootUser, standardPath } from './app';
import { dnsToolsOf } from '../../dns/tools/dnsTools';
import { goLogTime, goText, parseGoFlags } from './goFormats';

interface ServeHostnameFlags {
  port: number;
  http: boolean;
  tcp: boolean;
  udp: boolean;
}

const booleans = ['http', 'tcp', 'udp', 'close'];

/** The options after the binary (or after agnhost's `serve-hostname`). */
export function serveHostnameFlags(args: readonly string[]): ServeHostnameFlags {
  const { flags } = parseGoFlags(args, booleans);
  const on = (name: string, fallback: boolean) => (flags[name] === undefined ? fallback : flags[name] !== 'false');
  const port = /^\d+$/.test(flags.port ?? '') ? Number(flags.port) : 9376;
  return { port, http: on('http', true), tcp: on('tcp', false), udp: on('udp', false) };
}

function listenersOf(f: ServeHostnameFlags): Listener[] {
  // HTTP and the raw modes exclude each other: the process exits at once when asked for both
  if (f.http && (f.tcp || f.udp)) return [];
  const out: Listener[] = [];
  if (f.http || f.tcp) out.push({ port: f.port, protocol: 'TCP' });
  if (f.udp) out.push({ port: f.port, protocol: 'UDP' });
  return out;
}

/** The HTTP answer: the hostname, logged with the client's address as Go's `log.Printf` stamps it. */
export function serveHostnameHttp(instance: AppInstance, req: HttpRequest, f: ServeHostnameFlags): HttpOutcome {
  if (!f.http || req.port !== f.port) return { kind: 'hang' };
  logAccess(instance, `${goLogTime(instance.now())} HTTP request from ${req.remoteAddr ?? ''}`);
  return goText(200, req.process?.hostname ?? '');
}

export function serveHostnameStartupLog(f: ServeHostnameFlags, startedAt: number): string[] {
  if (f.http && (f.tcp || f.udp)) return [`${goLogTime(startedAt)} Can't server TCP/UDP mode and HTTP mode at the same time`];
  return [`${goLogTime(startedAt)} Serving on port ${f.port}.`];
}

/** The standalone image (`registry.k8s.io/serve_hostname`): a busybox base with `/serve_hostname` as entrypoint. */
export function serveHostnameApp(container: Container): SimulatedApp {
  const args = container.command?.length ? [...container.command.slice(1), ...(container.args ?? [])] : [...(container.args ?? [])];
  const f = serveHostnameFlags(args);
  return {
    name: 'serve-hostname',
    imageEnv: () => [standardPath],
    home: '/root',
    user: rootUser,
    coreutils: 'busybox',
    dnsTools: dnsToolsOf.busybox,
    listeners: () => listenersOf(f),
    http: (instance, req) => serveHostnameHttp(instance, req, f),
    plan: () => (f.http && (f.tcp || f.udp) ? { exit: { atMs: 0, code: 1 } } : {}),
    // it catches SIGTERM, logs and sleeps 60 s: the grace period runs out first by default
    sigterm: () => ({ exitAfterMs: 60_000, exitCode: 0 }),
    startupLog: (_c, startedAt) => serveHostnameStartupLog(f, startedAt),
  };
}

export { listenersOf as serveHostnameListeners };
