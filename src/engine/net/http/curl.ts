/**
 * curl 8 as the nginx (Debian trixie: 8.14) and curlimages/curl images have it. Messages from curl
 * `lib/strerror.c` and `lib/connect.c`/`lib/cf-socket.c`: `curl: (6) Could not resolve host: H`, `curl: (7)
 * Failed to connect to H port P after N ms: Couldn't connect to server`, `curl: (22) The requested URL returned
 * error: 404` with `-f`, `curl: (28) Connection timed out after N milliseconds` with a timeout. `-s` hides
 * errors unless `-S`; the progress meter (`src/tool_progress.c` classic meter) goes to stderr when stdout is
 * not a terminal, as under `kubectl exec` without `-t`.
 */
import type { Cluster } from '../../cluster';
import type { NetClient } from '../clusterNetwork';
import { httpGet, parseUrl } from './httpClient';
import type { LocalPortForwards } from './portForwardRequest';
import { type HttpToolResult, ToolOutput } from './httpTools';

export const curlVersion = '8.14.1';

const tryHelp = "curl: try 'curl --help' or 'curl --manual' for more information\n";

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  fail: boolean;
  output?: string;
  writeOut?: string;
  maxTimeSec?: number;
  connectTimeoutSec?: number;
  /** `-X`/`--request`. */
  method?: string;
  /** `-d`/`--data`: sent as the body of a POST (`src/tool_getparam.c`). */
  data?: string;
  urls: string[];
}

/** Short options that take a value. */
const withValue = 'owmXd';
const longs: Record<string, string> = { '--silent': 's', '--show-error': 'S', '--fail': 'f', '--location': 'L', '--output': 'o', '--write-out': 'w', '--max-time': 'm', '--request': 'X', '--data': 'd' };

/**
 * curl's own options that svcsim does not model (curl 8 `src/tool_listhelp.c`): each is a real option, so
 * saying "is unknown" as curl does for a typo would be wrong; svcsim says it does not simulate it.
 */
const realShortOptions = '0123456:#aAbBcCDeEFgGhHiIjJkKlMnNOpPqQrRtTuUvVxyYzZ';
const realLongOptions = new Set(
  (
    'insecure cacert capath cert key cert-type key-type pinnedpubkey header proxy-header verbose include head user user-agent referer retry retry-delay ' +
    'retry-max-time retry-all-errors retry-connrefused proxy noproxy http1.0 http1.1 http2 http2-prior-knowledge http3 cookie cookie-jar form form-string ' +
    'upload-file compressed no-buffer get json data-raw data-binary data-urlencode data-ascii url resolve connect-to ipv4 ipv6 interface unix-socket ' +
    'abstract-unix-socket trace trace-ascii trace-time dump-header remote-name remote-name-all remote-header-name output-dir create-dirs progress-bar ' +
    'no-progress-meter fail-with-body fail-early help version manual limit-rate keepalive-time no-keepalive tcp-nodelay path-as-is globoff range ' +
    'continue-at oauth2-bearer basic digest negotiate ntlm anyauth location-trusted max-redirs max-filesize parallel parallel-max ssl ssl-reqd tlsv1 ' +
    'tlsv1.0 tlsv1.1 tlsv1.2 tlsv1.3 tls-max ciphers stderr styled-output no-styled-output raw tr-encoding expect100-timeout dns-servers doh-url ' +
    'haproxy-protocol happy-eyeballs-timeout-ms local-port netrc netrc-optional netrc-file config disable next quote request-target socks4 socks4a ' +
    'socks5 socks5-hostname proxy-user proxy-insecure proxy-cacert preproxy variable expand-url write-out'
  ).split(' '),
);

function notSimulated(option: string): { error: string } {
  return {
    error: `svcsim: curl's ${option} is not simulated; this curl takes -s, -S, -f, -L, -o, -w, -m, -X, -d and their long forms, and --connect-timeout\n`,
  };
}

function parse(args: readonly string[]): CurlOptions | { error: string } {
  const o: CurlOptions = { silent: false, showError: false, fail: false, urls: [] };
  const set = (f: string, v?: string) => {
    if (f === 's') o.silent = true;
    else if (f === 'S') o.showError = true;
    else if (f === 'f') o.fail = true;
    else if (f === 'o') o.output = v;
    else if (f === 'w') o.writeOut = v;
    else if (f === 'm') o.maxTimeSec = Number(v);
    else if (f === 'X') o.method = v;
    // several -d are joined with & as curl does
    else if (f === 'd') o.data = o.data === undefined ? v : `${o.data}&${v}`;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--connect-timeout') {
      o.connectTimeoutSec = Number(args[++i]);
      continue;
    }
    if (a.startsWith('--')) {
      const f = longs[a];
      if (!f && realLongOptions.has(a.slice(2).split('=')[0])) return notSimulated(a);
      if (!f) return { error: `curl: option ${a}: is unknown\n${tryHelp}` };
      set(f, withValue.includes(f) ? args[++i] : undefined);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (!'sSfLowmXd'.includes(f) && realShortOptions.includes(f)) return notSimulated(`-${f}`);
        if (!'sSfLowmXd'.includes(f)) return { error: `curl: option -${a.slice(j)}: is unknown\n${tryHelp}` };
        if (withValue.includes(f)) {
          const v = a.slice(j + 1) || args[++i];
          if (v === undefined) return { error: `curl: option -${f}: requires parameter\n${tryHelp}` };
          set(f, v);
          break;
        }
        set(f);
      }
      continue;
    }
    o.urls.push(a);
  }
  return o;
}

/** The classic progress meter's header and final line for a transfer of `n` bytes (speeds simulated as instant). */
function progressMeter(n: number): string {
  const size = (v: number) => {
    if (v < 100_000) return String(v).padStart(5);
    if (v < 10_000 * 1024) return `${Math.round(v / 1024)}k`.padStart(5);
    return `${Math.round(v / 1024 / 1024)}M`.padStart(5);
  };
  const pct = n === 0 ? '  0' : '100';
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `${pct} ${size(n)}  ${pct} ${size(n)}    0     0  ${size(n * 1000)}      0 --:--:-- --:--:-- --:--:-- ${size(n * 1000)}\n`
  );
}

function splitMeter(meter: string): [string, string] {
  const lines = meter.split('\n');
  return [`${lines.slice(0, 2).join('\n')}\n`, `${lines.slice(2).join('\n')}`];
}

function writeOut(format: string, vars: Record<string, string>): string {
  return format.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/%\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

/** Where curl runs beyond its client: the user's port-forwards, and whether stdout is a terminal. */
export interface CurlHost {
  /** `localhost:PORT` held by `kubectl port-forward` on the user's machine. */
  forwards?: LocalPortForwards;
  /** curl draws its progress meter only when stdout is not a terminal (`src/tool_operate.c`). */
  stdoutIsTerminal?: boolean;
}

export function curl(cluster: Cluster, from: NetClient, args: readonly string[], where: CurlHost = {}): HttpToolResult {
  const o = parse(args);
  const out = new ToolOutput();
  if ('error' in o) {
    out.err(o.error);
    return out.result(2);
  }
  if (o.urls.length === 0) {
    out.err(`curl: no URL specified\n${tryHelp}`);
    return out.result(2);
  }
  const showErrors = !o.silent || o.showError;
  const meter = !o.silent && !where.stdoutIsTerminal;
  let exitCode = 0;
  const fail = (code: number, message: string) => {
    exitCode = code;
    if (showErrors) out.err(`curl: (${code}) ${message}\n`);
  };
  for (const text of o.urls) {
    const url = parseUrl(text);
    if (!url) {
      fail(3, `URL rejected: Bad hostname`);
      continue;
    }
    const method = o.method ?? (o.data !== undefined ? 'POST' : 'GET');
    const r = httpGet(cluster, from, url, `curl/${curlVersion}`, where.forwards, { method, ...(o.data !== undefined ? { body: o.data } : {}) });
    const vars: Record<string, string> = { http_code: '000', remote_ip: r.trace.destination, remote_port: String(url.port) };
    if (r.kind === 'error') {
      if (meter) out.err(progressMeter(0));
      const timeout = o.connectTimeoutSec ?? o.maxTimeSec;
      if (r.error === 'unresolved') fail(6, `Could not resolve host: ${url.host}`);
      else if (r.error === 'refused') fail(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
      // lib/transfer.c: the server closed the connection before sending anything
      else if (r.error === 'empty') fail(52, 'Empty reply from server');
      else if (r.error === 'hang') fail(28, `Operation timed out after ${(o.maxTimeSec ?? 300) * 1000} milliseconds with 0 bytes received`);
      else if (timeout !== undefined) fail(28, `Connection timed out after ${timeout * 1000} milliseconds`);
      // no curl timeout: the kernel gives up on the SYN after tcp_syn_retries=6 (1+2+…+64 s)
      else fail(7, `Failed to connect to ${url.host} port ${url.port} after 127000 ms: Couldn't connect to server`);
      if (o.writeOut) out.out(writeOut(o.writeOut, vars));
      continue;
    }
    const { status, body } = r.response;
    vars.http_code = String(status);
    if (o.fail && status >= 400) {
      if (meter) out.err(progressMeter(0));
      fail(22, `The requested URL returned error: ${status}`);
    } else {
      // the meter's header is written before the body arrives, its last line after
      const [head, last] = splitMeter(progressMeter(body.length));
      if (meter) out.err(head);
      if (o.output === undefined || o.output === '-') out.out(body);
      if (meter) out.err(last);
    }
    if (o.writeOut) out.out(writeOut(o.writeOut, vars));
  }
  return out.result(exitCode);
}
