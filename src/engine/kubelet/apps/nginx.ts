/**
 * nginx (`nginx`, `nginx:<tag>`): listens on :80, serves the welcome page at `/` and its HTML 404 elsewhere,
 * writes the `combined` access log line. The image's STOPSIGNAL is SIGQUIT, a graceful shutdown that
 * finishes almost at once with exit code 0.
 */
import { civilTime, formatTimestamp } from '../../clock';
import type { AppInstance, HttpOutcome, HttpRequest, SimulatedApp } from './app';
import { logAccess, respond, standardPath } from './app';

const defaultVersion = '1.29.3';

/** nginx version from a tag such as `1.27`, `1.27.2`, `1.27-alpine`; the current release otherwise. */
export function nginxVersion(image: string): string {
  const tag = /:([^@/]+)$/.exec(image)?.[1] ?? 'latest';
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(tag);
  if (!m) return defaultVersion;
  return m[3] !== undefined ? `${m[1]}.${m[2]}.${m[3]}` : `${m[1]}.${m[2]}.0`;
}

/**
 * /usr/share/nginx/html/index.html of the nginx.org packages (615 bytes, unchanged from 1.21 to 1.29; the access
 * log's byte count and curl's output depend on it).
 */
const welcomePage = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

function notFound(version: string): string {
  return `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** nginx's `$time_local` in UTC: `05/Jan/2026:09:00:01 +0000`. */
function timeLocal(ms: number): string {
  const t = civilTime(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.day)}/${months[t.month - 1]}/${t.year}:${p(t.hour)}:${p(t.minute)}:${p(t.second)} +0000`;
}

// docker-entrypoint.sh of the official image (nginxinc/docker-nginx mainline/debian): the configuration scripts it
// runs before `exec nginx`, as they announce themselves (no templates, no autotune, IPv6 available).
const entrypointLog = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

/** The compiler nginx reports (`NGX_COMPILER`, with gcc -v's trailing space): bookworm images up to 1.28, trixie after [U]. */
function compilerFor(version: string): string {
  const [major, minor] = version.split('.').map(Number);
  return major > 1 || minor >= 29 ? 'gcc 14.2.0 (Debian 14.2.0-19) ' : 'gcc 12.2.0 (Debian 12.2.0-14) ';
}

// The kind nodes' kernel (bootstrap.ts nodeInfo.kernelVersion) and CPU count (capacity cpu: 8 → 8 workers, whose
// PIDs follow the entrypoint's short-lived processes: 29, 30, ...).
const nodeKernel = '6.8.0-60-generic';
const nodeCpus = 8;

/** The error log's `[notice]` lines of a starting master process (ngx_log_error at NGX_LOG_NOTICE). */
function nginxStartupLog(version: string, startedAt: number): string[] {
  const t = formatTimestamp(startedAt);
  const stamp = `${t.slice(0, 4)}/${t.slice(5, 7)}/${t.slice(8, 10)} ${t.slice(11, 19)} [notice] 1#1:`;
  const lines = [
    ...entrypointLog,
    `${stamp} using the "epoll" event method`,
    `${stamp} nginx/${version}`,
    `${stamp} built by ${compilerFor(version)}`,
    `${stamp} OS: Linux ${nodeKernel}`,
    `${stamp} getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${stamp} start worker processes`,
  ];
  for (let i = 0; i < nodeCpus; i++) lines.push(`${stamp} start worker process ${29 + i}`);
  return lines;
}

/** Builds the nginx app for one image tag (the version shows in pages and env). */
export function nginxApp(image: string): SimulatedApp {
  const version = nginxVersion(image);
  const alpine = /alpine/.test(image);
  const release = alpine ? '1' : '1~trixie';
  return {
    name: 'nginx',
    imageEnv: () => [standardPath, `NGINX_VERSION=${version}`, 'NJS_VERSION=0.9.4', `NJS_RELEASE=${release}`, `PKG_RELEASE=${release}`, `DYNPKG_RELEASE=${release}`],
    home: '/root',
    user: { uid: 0, gid: 0, supplementalGroups: [0] },
    coreutils: alpine ? 'busybox' : 'gnu',
    // the Debian image has glibc's getent only; the Alpine one has busybox's nslookup and musl's getent
    dnsTools: alpine ? { nslookup: 'busybox', getent: true } : { getent: true },
    listeners: () => [{ port: 80, protocol: 'TCP' }],
    http(instance: AppInstance, req: HttpRequest): HttpOutcome {
      const path = req.path.split('?')[0];
      const found = path === '/' || path === '/index.html';
      const body = found ? welcomePage : notFound(version);
      const status = found ? 200 : 404;
      const ua = req.headers?.['User-Agent'] ?? '-';
      const ip = (req.remoteAddr ?? '-').split(':')[0];
      logAccess(instance, `${ip} - - [${timeLocal(instance.now())}] "${req.method} ${req.path} HTTP/1.1" ${status} ${body.length} "-" "${ua}" "-"`);
      return respond(status, body, { 'Content-Type': 'text/html', Server: `nginx/${version}` });
    },
    plan: () => ({}),
    sigterm: () => ({ exitAfterMs: 100, exitCode: 0 }),
    startupLog: (_container, startedAt) => nginxStartupLog(version, startedAt),
  };
}
