/**
 * hashicorp/http-echo: answers every path with its text and a newline, `X-App-Name`/`X-App-Version` headers, and
 * logs one line per request on stdout (hashicorp/http-echo `main.go`, `handlers.go`). 1.0 runs on distroless
 * `static-debian12:nonroot` with `ECHO_TEXT=hello-world` in the image env (`-text` wins over it), listens on
 * `-listen` (`:5678`), and exits 2 after a graceful shutdown on SIGTERM. The 0.2 images (`-text` required) run on
 * scratch.
 */
import type { Container } from '../../api/types';
import type { AppInstance, HttpOutcome, HttpRequest, SimulatedApp } from './app';
import { logAccess, respond, standardPath } from './app';
import { effectiveArgv } from './clientImages';
import { type ContainerVars, staticVars } from '../containerEnv';
import { goLogTime, parseGoFlags } from './goFormats';

/** The release an image tag names: `0.2.3` for the old line, `1.0.0` otherwise (`latest`, `1.0`, `1.0.0`). */
export function httpEchoVersion(image: string): string {
  const tag = /:([^@/:]+)(?:@.*)?$/.exec(image)?.[1] ?? 'latest';
  const m = /^v?0\.(\d+)(?:\.(\d+))?/.exec(tag);
  return m ? `0.${m[1]}.${m[2] ?? '0'}` : '1.0.0';
}

interface EchoConfig {
  version: string;
  text: string;
  listen: string;
  port: number;
  status: number;
  /** Why the process exits at once (stderr line), if it does. */
  fatal?: string;
}

function configOf(container: Container, vars: ContainerVars): EchoConfig {
  const version = httpEchoVersion(container.image ?? '');
  const modern = version.startsWith('1.');
  const { flags, positional } = parseGoFlags(effectiveArgv(container, ['/http-echo'], []).slice(1), ['version']);
  const envText = vars('ECHO_TEXT');
  const text = flags.text || (modern ? (envText ?? 'hello-world') : '');
  const listen = flags.listen ?? ':5678';
  const port = Number(listen.split(':').pop());
  const status = Number(flags['status-code'] ?? 200);
  let fatal: string | undefined;
  if (!text) fatal = modern ? 'Missing -text option or ECHO_TEXT env var!' : 'Missing -text option!';
  else if (positional.length) fatal = 'Too many arguments!';
  return { version, text, listen, port, status, ...(fatal ? { fatal } : {}) };
}

/** http-echo as one container runs it. */
export function httpEchoApp(container: Container, vars: ContainerVars = staticVars(container)): SimulatedApp {
  const c = configOf(container, vars);
  const modern = c.version.startsWith('1.');
  const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'X-App-Name': 'http-echo', 'X-App-Version': c.version };
  return {
    name: 'http-echo',
    imageEnv: () => (modern ? [standardPath, 'SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt', 'PRODUCT_NAME=http-echo', 'ECHO_TEXT=hello-world'] : [standardPath]),
    user: modern ? { uid: 65532, gid: 65532, supplementalGroups: [65532] } : { uid: 0, gid: 0, supplementalGroups: [0] },
    coreutils: 'none',
    listeners: () => (c.fatal || !Number.isInteger(c.port) ? [] : [{ port: c.port, protocol: 'TCP' }]),
    http(instance: AppInstance, req: HttpRequest): HttpOutcome {
      const path = req.path.split('?')[0];
      if (modern && path === '/health') return respond(200, '{"status":"ok"}\n', headers);
      const body = `${c.text}\n`;
      // handlers.go httpLog: date, Host, RemoteAddr, request line, status, bytes, User-Agent, duration (none here)
      const bytes = new TextEncoder().encode(body).length;
      logAccess(instance, `${goLogTime(instance.now())} ${req.headers?.Host ?? ''} ${req.remoteAddr ?? ''} "${req.method} ${path} HTTP/1.1" ${c.status} ${bytes} "${req.headers?.['User-Agent'] ?? ''}" 0s`);
      return respond(c.status, body, headers);
    },
    plan: () => (c.fatal ? { exit: { atMs: 0, code: 127 } } : {}),
    sigterm: () => ({ exitAfterMs: 50, exitCode: 2 }),
    startupLog: (_container, startedAt) => (c.fatal ? [c.fatal] : [`${goLogTime(startedAt)} [INFO] server is listening on ${c.listen}`]),
  };
}
