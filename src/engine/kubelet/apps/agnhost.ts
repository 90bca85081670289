/**
 * agnhost (`registry.k8s.io/e2e-test-images/agnhost:2.x`), the Kubernetes e2e test image. Its entrypoint is
 * `/agnhost` and its CMD `pause`; `args: [serve-hostname]` serves the pod's hostname (serveHostname.ts); `args: [netexec, --http-port=8080]` starts netexec, whose endpoints answer which
 * pod served (`/hostname`) and from which address the request arrived (`/clientip`, after any SNAT)
 * (kubernetes/kubernetes `test/images/agnhost/netexec/netexec.go`). The image is Alpine with `bind-tools`, `curl`,
 * `netcat-openbsd`, `iproute2`, `iperf` and `bash` added (`test/images/agnhost/Dockerfile`, `BASEIMAGE`).
 */
import type { Container } from '../../api/types';
import type { AppInstance, HttpOutcome, HttpRequest, Listener, SimulatedApp } from './app';
import { logAccess, respond, rootUser, standardPath } from './app';
import { effectiveArgv } from './clientImages';
import { goFormValue, goLogTime, goText, goTimeNow } from './goFormats';
import { serveHostnameFlags, serveHostnameHttp, serveHostnameListeners, serveHostnameStartupLog } from './serveHostname';

/** The netexec flags that shape what listens (`--http-port`, `--udp-port`, both pflag ints). */
interface NetexecFlags {
  httpPort: number;
  udpPort: number;
}

/** agnhost's subcommand and its arguments, after the binary (`/agnhost`, or the `agnhost-2` link). */
export function agnhostSubcommand(container: Container): { name: string; args: string[] } {
  const argv = effectiveArgv(container, ['/agnhost'], ['pause']);
  const rest = /(^|\/)agnhost(-2)?$/.test(argv[0] ?? '') ? argv.slice(1) : argv;
  return { name: rest[0] ?? '', args: rest.slice(1) };
}

function intFlag(args: readonly string[], name: string, fallback: number): number {
  for (let i = 0; i < args.length; i++) {
    const m = new RegExp(`^--?${name}(?:=(.*))?$`).exec(args[i]);
    if (!m) continue;
    const value = m[1] ?? args[i + 1];
    if (value !== undefined && /^-?\d+$/.test(value)) return Number(value);
  }
  return fallback;
}

function netexecFlags(container: Container): NetexecFlags | undefined {
  const sub = agnhostSubcommand(container);
  if (sub.name !== 'netexec') return undefined;
  // netexec.go init(): --http-port 8080, --udp-port 8081 (-1 turns the UDP server off)
  return { httpPort: intFlag(sub.args, 'http-port', 8080), udpPort: intFlag(sub.args, 'udp-port', 8081) };
}

// handlers the simulation does not run: they dial out, run shells or end the process
const unsimulated: readonly string[] = ['/dial', '/shell', '/upload', '/exit', '/shutdown'];

function netexecHttp(instance: AppInstance, req: HttpRequest, flags: NetexecFlags): HttpOutcome {
  const path = req.path.split('?')[0];
  const log = (text: string) => logAccess(instance, `${goLogTime(instance.now())} ${text}`);
  switch (path) {
    case '/clientip':
      log('GET /clientip');
      return goText(200, req.remoteAddr ?? '');
    case '/hostname':
    case '/hostName':
      log(`GET ${path}`);
      return goText(200, req.process?.hostname ?? '');
    case '/echo': {
      const msg = goFormValue(req.path, 'msg');
      const code = goFormValue(req.path, 'code');
      log(`GET /echo?msg=${msg}&code=${code}`);
      if (code === '') return goText(200, msg);
      if (!/^[+-]?\d+$/.test(code)) return goText(200, `argument 'code' must be an integer or empty, got ${JSON.stringify(code)}\n`);
      return goText(Number(code), msg);
    }
    case '/healthz':
      log('GET /healthz');
      // ready once the UDP server started; with --udp-port=-1 (and no SCTP) it never does
      return respond(flags.udpPort === -1 ? 412 : 200, '');
    case '/redirect': {
      const location = goFormValue(req.path, 'location');
      const codeText = goFormValue(req.path, 'code');
      log(`${req.method} /redirect?msg=${location}&code=${codeText}`);
      const code = codeText === '' ? 302 : Number(codeText);
      if (!Number.isInteger(code)) return goText(200, `argument 'code' must be an integer or empty, got ${JSON.stringify(codeText)}\n`);
      // net/http Redirect: a short HTML body for GET and HEAD
      const text = code === 301 ? 'Moved Permanently' : code === 307 ? 'Temporary Redirect' : code === 308 ? 'Permanent Redirect' : 'Found';
      return respond(code, req.method === 'GET' ? `<a href="${location}">${text}</a>.\n\n` : '', { 'Content-Type': 'text/html; charset=utf-8', Location: location });
    }
    default:
      if (unsimulated.includes(path)) return respond(501, `svcsim does not simulate agnhost netexec ${path}\n`, { 'Content-Type': 'text/plain; charset=utf-8' });
      // the "/" pattern catches every other path
      log('GET /');
      return goText(200, `NOW: ${goTimeNow(instance.now(), instance.startedAt ?? instance.now())}`);
  }
}

/** agnhost as one container runs it: its subcommand decides what listens. */
export function agnhostApp(container: Container): SimulatedApp {
  const flags = netexecFlags(container);
  const sub = agnhostSubcommand(container);
  const paused = sub.name === 'pause';
  const hostnameFlags = sub.name === 'serve-hostname' ? serveHostnameFlags(sub.args) : undefined;
  return {
    name: 'agnhost',
    imageEnv: () => [standardPath],
    home: '/root',
    user: rootUser,
    coreutils: 'busybox',
    // Alpine's bind-tools replaces busybox's nslookup with BIND's; musl ships getent
    dnsTools: { nslookup: 'bind', bind: true, getent: true },
    listeners(): Listener[] {
      if (hostnameFlags) return serveHostnameListeners(hostnameFlags);
      if (!flags) return [];
      const out: Listener[] = [{ port: flags.httpPort, protocol: 'TCP' }];
      if (flags.udpPort !== -1) out.push({ port: flags.udpPort, protocol: 'UDP' });
      return out;
    },
    http(instance: AppInstance, req: HttpRequest): HttpOutcome {
      if (hostnameFlags) return serveHostnameHttp(instance, req, hostnameFlags);
      if (flags && req.port === flags.httpPort) return netexecHttp(instance, req, flags);
      return { kind: 'hang' };
    },
    plan: () => ({}),
    // netexec installs no SIGTERM handler, so the Go process dies of the signal; `pause` catches it and exits 2
    // (test/images/agnhost/pause/pause.go)
    // serve-hostname catches it, logs and sleeps 60 s (the grace period usually runs out first)
    sigterm: () => (hostnameFlags ? { exitAfterMs: 60_000, exitCode: 0 } : { exitAfterMs: 50, exitCode: paused ? 2 : 143 }),
    startupLog(_container, startedAt) {
      if (paused) return ['Paused'];
      if (hostnameFlags) return serveHostnameStartupLog(hostnameFlags, startedAt);
      if (!flags) return [];
      const t = goLogTime(startedAt);
      // startUDPServer logs the bind address (empty: any) before the port, hence the double space
      return [`${t} Started HTTP server on port ${flags.httpPort}`, ...(flags.udpPort !== -1 ? [`${t} Started UDP server on port  ${flags.udpPort}`] : [])];
    },
  };
}
