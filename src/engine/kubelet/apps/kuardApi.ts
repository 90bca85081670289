/**
 * kuard's HTTP routes beyond its static files (kubernetes-up-and-running/kuard `pkg/app/app.go` `NewApp`,
 * httprouter): the index page with its `pageContext` (request dump, client address, hostname, addresses,
 * version), `GET /env/api`, the debug probes `/healthy` and `/ready` with `GET`/`PUT /api`
 * (`pkg/debugprobe/probe.go`), and `POST /dns/api` (`pkg/dnsapi/api.go`). JSON is encoded as Go's
 * `json.Encoder` writes structs: fields in declaration order, a trailing newline.
 */
import { goJsonString } from '../../../shared/goJson';
import { formatTimestamp } from '../../clock';
import type { AppInstance, DebugProbeState, HttpOutcome, HttpRequest } from './app';
import { respond } from './app';

type Json = string;
const struct = (fields: Array<[string, Json]>): Json => `{${fields.map(([k, v]) => `${goJsonString(k)}:${v}`).join(',')}}`;
const str = goJsonString;
const list = (items: Json[]): Json => `[${items.join(',')}]`;

/** apiutils.ServeJSON: JSON with no-cache headers. */
function serveJson(body: Json): HttpOutcome {
  return respond(200, `${body}\n`, {
    'Cache-Control': 'no-cache, private, max-age=0',
    'Content-Type': 'application/json',
    Expires: 'Thu, 01 Jan 1970 00:00:00 UTC',
    Pragma: 'no-cache',
  });
}

/** net/http `http.Error`. */
function httpError(status: number, message: string): HttpOutcome {
  return respond(status, `${message}\n`, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
}

/** httprouter's answer for a path served only for other methods (HandleMethodNotAllowed; OPTIONS appended). */
function methodNotAllowed(allow: string): HttpOutcome {
  return respond(405, 'Method Not Allowed\n', { Allow: allow, 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's `time.Stamp` (`Jan _2 15:04:05`) in the container's UTC. */
function stamp(ms: number): string {
  const t = formatTimestamp(ms);
  return `${months[Number(t.slice(5, 7)) - 1]} ${String(Number(t.slice(8, 10))).padStart(2, ' ')} ${t.slice(11, 19)}`;
}

/** go-humanize `RelTime(then, now, "ago", "from now")` for the past. */
function relTime(then: number, now: number): string {
  const s = Math.floor((now - then) / 1000);
  const unit = (n: number, one: string) => (n === 1 ? `1 ${one} ago` : `${n} ${one}s ago`);
  if (s < 1) return 'now';
  if (s < 60) return unit(s, 'second');
  if (s < 3600) return unit(Math.floor(s / 60), 'minute');
  if (s < 86400) return unit(Math.floor(s / 3600), 'hour');
  return unit(Math.floor(s / 86400), 'day');
}

const maxHistory = 20;

function probeState(instance: AppInstance, which: 'ready' | 'healthy'): DebugProbeState {
  instance.debugProbes ??= { ready: { failNext: 0, lastId: 0, history: [] }, healthy: { failNext: 0, lastId: 0, history: [] } };
  return instance.debugProbes[which];
}

/**
 * `Probe.Handle`: `ok`, or 500 `fail, N left` while failing the next N calls, or `fail, permanent`. The
 * instance's `ready`/`healthy` flag false is kuard's `failNext < 0` (also what SimulationControls.setAppHealth sets).
 */
export function debugProbeCall(instance: AppInstance, which: 'ready' | 'healthy'): HttpOutcome {
  const s = probeState(instance, which);
  let code = 200;
  let message = 'ok';
  if (instance[which] && s.failNext > 0) {
    code = 500;
    s.failNext--;
    message = `fail, ${s.failNext} left`;
  } else if (!instance[which]) {
    code = 500;
    message = 'fail, permanent';
  }
  s.lastId++;
  s.history.push({ id: s.lastId, when: instance.now(), code });
  if (s.history.length > maxHistory) s.history.splice(0, s.history.length - maxHistory);
  return respond(code, message, { 'Content-Type': 'text/plain' });
}

/** `Probe.lockedGet`: probePath stays empty (AddRoutes only sets it when already set), history newest first. */
function probeStatus(instance: AppInstance, which: 'ready' | 'healthy'): HttpOutcome {
  const s = probeState(instance, which);
  const now = instance.now();
  const history = [...s.history].reverse().map((h) => struct([['id', String(h.id)], ['when', str(stamp(h.when))], ['relWhen', str(relTime(h.when, now))], ['code', String(h.code)]]));
  return serveJson(struct([['probePath', '""'], ['failNext', String(instance[which] ? s.failNext : -1)], ['history', list(history)]]));
}

/** `Probe.APIPut`: `{"failNext": N}`; 0 succeeds for good, below 0 fails for good. */
function probeConfigure(instance: AppInstance, which: 'ready' | 'healthy', body: string): HttpOutcome {
  let n: unknown;
  try {
    n = (JSON.parse(body === '' ? 'null' : body) as { failNext?: unknown } | null)?.failNext ?? 0;
  } catch {
    return httpError(400, body.trim() === '' ? 'EOF' : `invalid character '${body.trim()[0]}' looking for beginning of value`);
  }
  if (typeof n !== 'number' || !Number.isInteger(n)) return httpError(400, `json: cannot unmarshal ${typeof n === 'number' ? 'number' : typeof n === 'string' ? 'string' : 'value'} into Go struct field ProbeConfig.failNext of type int`);
  const s = probeState(instance, which);
  instance[which] = n >= 0;
  s.failNext = n > 0 ? n : 0;
  instance.changed?.();
  return probeStatus(instance, which);
}

/** fnv-32a hue (kuard `pkg/htmlutils/hashcolor.go` `ColorFromString`). */
function versionColor(version: string): string {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(version)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return `hsl(${h % 360},100%,50%)`;
}

/** httputil.DumpRequest(r, false): request line, Host, the other headers sorted, trimmed. */
function requestDump(req: HttpRequest): string {
  const headers = { ...(req.headers ?? {}) };
  const host = headers.Host ?? '';
  delete headers.Host;
  const lines = Object.keys(headers)
    .sort()
    .map((k) => `${k}: ${headers[k]}`);
  return [`${req.method} ${req.path} HTTP/1.1`, `Host: ${host}`, ...lines].join('\r\n');
}

/** The index page: kuard's template with `var pageContext = {{ . | jsonstring }}`, the React client's bundle. */
function indexPage(req: HttpRequest, version: string, urlBase: string): HttpOutcome {
  const p = req.process;
  const context = struct([
    ['urlBase', str(urlBase)],
    ['hostname', str(p?.hostname ?? '')],
    ['addrs', list((p?.addrs ?? []).map(str))],
    ['version', str(version)],
    ['versionColor', str(versionColor(version))],
    ['requestDump', str(requestDump(req))],
    ['requestProto', str('HTTP/1.1')],
    ['requestAddr', str(req.remoteAddr ?? '')],
  ]);
  const html = [
    '<!doctype html>',
    '',
    '<html lang="en">',
    '<head>',
    '  <meta charset="utf-8">',
    '',
    '  <title>KUAR Demo</title>',
    '',
    '  <link rel="stylesheet" href="/static/css/bootstrap.min.css">',
    '  <link rel="stylesheet" href="/static/css/styles.css">',
    '',
    '  <script>',
    `var pageContext = ${context}`,
    '  </script>',
    '</head>',
    '',
    '<body>',
    '  <div id="root"></div>',
    '  <script src="/built/bundle.js" type="text/javascript"></script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return respond(200, html, { 'Content-Type': 'text/html; charset=utf-8' });
}

/** `GET /env/api`: os.Args and os.Environ (a map: keys sorted by encoding/json). */
function envStatus(req: HttpRequest): HttpOutcome {
  const env = new Map<string, string>();
  for (const line of req.process?.env ?? []) {
    const eq = line.indexOf('=');
    env.set(eq < 0 ? line : line.slice(0, eq), eq < 0 ? '' : line.slice(eq + 1));
  }
  const keys = [...env.keys()].sort();
  return serveJson(struct([['commandLine', list((req.process?.commandLine ?? []).map(str))], ['env', struct(keys.map((k) => [k, str(env.get(k) ?? '')]))]]));
}

/** `POST /dns/api` `{"type": "A", "name": "alpaca-prod"}` → `{"result": "<miekg Msg.String()>"}`. */
function dnsApi(req: HttpRequest): HttpOutcome {
  let q: { type?: unknown; name?: unknown } | null;
  try {
    q = JSON.parse(req.body === undefined || req.body === '' ? 'null' : req.body) as typeof q;
  } catch {
    return httpError(400, (req.body ?? '').trim() === '' ? 'EOF' : `invalid character '${(req.body ?? '').trim()[0]}' looking for beginning of value`);
  }
  const type = typeof q?.type === 'string' ? q.type : '';
  const name = typeof q?.name === 'string' ? q.name : '';
  const r = req.process?.dnsQuery(type, name) ?? { ok: false as const, error: 'open /etc/resolv.conf: no such file or directory' };
  if (!r.ok) return httpError(400, r.error);
  return serveJson(struct([['result', str(r.result)]]));
}

/** The routes of one URL prefix (`""`, `/a`, `/b`, `/c`); undefined for a path these routes do not serve. */
export function kuardRoute(instance: AppInstance, req: HttpRequest, version: string): HttpOutcome | undefined {
  const path = req.path.split('?')[0];
  const m = /^(\/[abc])?(\/.*)$/.exec(path);
  if (!m) return undefined;
  const base = m[1] ?? '';
  const rest = m[2];
  const get = req.method === 'GET' || req.method === 'HEAD';
  if (rest === '/' || rest.startsWith('/-/')) return get ? indexPage(req, version, base) : methodNotAllowed('GET, OPTIONS');
  if (rest === '/env/api') return get ? envStatus(req) : methodNotAllowed('GET, OPTIONS');
  if (rest === '/dns/api') return req.method === 'POST' ? dnsApi(req) : methodNotAllowed('POST, OPTIONS');
  for (const which of ['healthy', 'ready'] as const) {
    if (rest === `/${which}`) return get ? debugProbeCall(instance, which) : methodNotAllowed('GET, OPTIONS');
    if (rest === `/${which}/api`) {
      if (get) return probeStatus(instance, which);
      if (req.method === 'PUT') return probeConfigure(instance, which, req.body ?? '');
      return methodNotAllowed('GET, PUT, OPTIONS');
    }
  }
  return undefined;
}
