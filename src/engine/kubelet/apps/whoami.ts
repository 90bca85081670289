/**
 * traefik/whoami: a Go binary on `scratch` (no shell, no tools) that answers every path but its few endpoints
 * with who it is and what it received (traefik/whoami `app.go` `whoamiHandler`): `Hostname:`, one `IP:` line per
 * interface address (lo's 127.0.0.1 and ::1, then eth0's pod IP and IPv6 link-local), `RemoteAddr:` as the
 * connection arrived (after any SNAT), then the request as Go's `Request.Write` serialises it.
 */
import type { Container } from '../../api/types';
import { stableHash } from '../../dns/tools/toolContext';
import type { AppInstance, HttpOutcome, HttpRequest, SimulatedApp } from './app';
import { respond, rootUser, standardPath } from './app';
import { effectiveArgv } from './clientImages';
import { type ContainerVars, staticVars } from '../containerEnv';
import { goFormValue, goLogTime, goText, parseGoFlags } from './goFormats';


/**
 * eth0's link-local address: the kernel derives it (EUI-64) from the veth's random MAC, here a hash of the pod
 * IP, with the locally-administered bit of the MAC flipped as EUI-64 does.
 */
export function linkLocalOf(ip: string): string {
  const h = stableHash(`mac ${ip}`);
  const g = stableHash(`${ip} mac`);
  const mac = [0x02 | (h & 0xfc), (h >>> 8) & 0xff, (h >>> 16) & 0xff, (h >>> 24) & 0xff, g & 0xff, (g >>> 8) & 0xff];
  const hex = (a: number, b: number) => ((a << 8) | b).toString(16);
  const groups = [hex(mac[0] ^ 0x02, mac[1]), hex(mac[2], 0xff), hex(0xfe, mac[3]), hex(mac[4], mac[5])];
  // Go's IP.String folds the longest run of zero groups, which a zero first group would join
  return `fe80::${(groups[0] === '0' ? groups.slice(1) : groups).join(':')}`;
}

// net/http Request.Write: the request line, Host, User-Agent, Content-Length, then the other headers by name
const writtenFirst: readonly string[] = ['Host', 'User-Agent', 'Content-Length', 'Transfer-Encoding', 'Trailer'];

function requestWire(req: HttpRequest): string {
  const h = req.headers ?? {};
  let out = `${req.method} ${req.path} HTTP/1.1\r\nHost: ${h.Host ?? ''}\r\n`;
  if (h['User-Agent'] !== undefined) out += `User-Agent: ${h['User-Agent']}\r\n`;
  if (h['Content-Length'] !== undefined) out += `Content-Length: ${h['Content-Length']}\r\n`;
  for (const k of Object.keys(h).sort()) if (!writtenFirst.includes(k)) out += `${k}: ${h[k]}\r\n`;
  return `${out}\r\n${req.body ?? ''}`;
}

function ips(req: HttpRequest): string[] {
  const pod = req.process?.addrs ?? [];
  return ['127.0.0.1', '::1', ...pod, ...pod.slice(0, 1).map(linkLocalOf)];
}

/** The `/api` JSON (`Data` encoded by encoding/json: struct order, omitempty, headers as arrays, then a newline). */
function apiBody(req: HttpRequest, name: string): string {
  const headers: Record<string, string[]> = {};
  // encoding/json writes map keys sorted
  for (const [k, v] of Object.entries(req.headers ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) if (k !== 'Host') headers[k] = [v];
  const data: Record<string, unknown> = {
    hostname: req.process?.hostname || undefined,
    ip: ips(req),
    headers,
    url: req.path,
    host: req.headers?.Host || undefined,
    method: req.method,
    name: name || undefined,
    remoteAddr: req.remoteAddr || undefined,
  };
  // encoding/json escapes <, > and & for HTML safety
  return `${JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')}\n`;
}

/**
 * whoami as one container runs it: `--port` (or WHOAMI_PORT_NUMBER, default 80) and `--name` (or WHOAMI_NAME),
 * the variables as the kubelet set them (`vars`).
 */
export function whoamiApp(container: Container, vars: ContainerVars = staticVars(container)): SimulatedApp {
  const { flags } = parseGoFlags(effectiveArgv(container, ['/whoami'], []).slice(1), ['verbose']);
  const port = Number(flags.port ?? (vars('WHOAMI_PORT_NUMBER') || '80'));
  const name = flags.name ?? vars('WHOAMI_NAME') ?? '';
  return {
    name: 'whoami',
    imageEnv: () => [standardPath],
    home: '/root',
    user: rootUser,
    coreutils: 'none',
    listeners: () => (Number.isInteger(port) && port > 0 ? [{ port, protocol: 'TCP' }] : []),
    http(_instance: AppInstance, req: HttpRequest): HttpOutcome {
      const path = req.path.split('?')[0];
      if (path === '/health') return respond(200, '');
      if (path === '/bench') return respond(200, '1', { 'Content-Type': 'text/plain', Connection: 'keep-alive' });
      if (path === '/api') return respond(200, apiBody(req, name), { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': '*' });
      // gorilla/websocket refuses a request without the Upgrade headers
      if (path === '/echo') return respond(400, 'Bad Request\n', { 'Content-Type': 'text/plain; charset=utf-8', 'Sec-Websocket-Version': '13' });
      if (path === '/data') return respond(501, 'svcsim does not simulate whoami /data\n', { 'Content-Type': 'text/plain; charset=utf-8' });
      let body = name ? `Name: ${name}\n` : '';
      body += `Hostname: ${req.process?.hostname ?? ''}\n`;
      for (const ip of ips(req)) body += `IP: ${ip}\n`;
      body += `RemoteAddr: ${req.remoteAddr ?? ''}\n${requestWire(req)}`;
      if (/^(1|t|T|TRUE|true|True)$/.test(goFormValue(req.path, 'env'))) for (const e of req.process?.env ?? []) body += `${e}\n`;
      return goText(200, body);
    },
    plan: () => ({}),
    // no signal handler: the Go runtime dies of SIGTERM
    sigterm: () => ({ exitAfterMs: 50, exitCode: 143 }),
    startupLog: (_container, startedAt) => [`${goLogTime(startedAt)} Starting up on port ${port}`],
  };
}
