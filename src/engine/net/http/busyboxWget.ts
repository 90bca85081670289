/**
 * busybox `wget` (busybox `networking/wget.c`, progress bar from `libbb/progress.c`): `-q` quiet, `-O FILE`
 * (`-` is stdout), `-T SEC`. Messages as busybox prints them: `Connecting to HOST (IP:PORT)`, `bad address
 * 'HOST'`, `can't connect to remote host (IP): Connection refused`, `server returned error: HTTP/1.1 404 Not
 * Found`, `download timed out`.
 */
import type { Cluster } from '../../cluster';
import type { NetClient } from '../clusterNetwork';
import { httpGet, parseUrl, reasonPhrase } from './httpClient';
import { type HttpToolResult, ToolOutput } from './httpTools';

const usage = `BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

	--spider	Only check URL existence: $? is 0 if exists
	--header STR	Add STR (of form 'header: value') to headers
	--post-data STR	Send STR using POST method
	--post-file FILE	Send FILE using POST method
	--no-check-certificate	Don't validate the server's certificate
	-c		Continue retrieval of aborted transfer
	-q		Quiet
	-P DIR		Save to DIR (default .)
	-S    		Show server response
	-T SEC		Network read timeout is SEC seconds
	-O FILE		Save to FILE ('-' for stdout)
	-o LOGFILE	Log messages to FILE
	-U STR		Use STR for User-Agent header
	-Y on/off	Use proxy
`;

/** libbb `smart_ulltoa5`: a size in five columns. */
function size5(n: number): string {
  if (n < 100_000) return String(n).padStart(5);
  const units = ['k', 'M', 'G', 'T'];
  let v = n;
  let i = -1;
  while (v >= 10_000 && i < units.length - 1) {
    v = Math.floor(v / 1024);
    i++;
  }
  return `${String(v).padStart(4)}${units[i] ?? ''}`;
}

function die(o: ToolOutput, message: string): HttpToolResult {
  o.err(`wget: ${message}\n`);
  return o.result(1);
}

function early(stderr: string): HttpToolResult {
  const o = new ToolOutput();
  o.err(stderr);
  return o.result(1);
}

export function busyboxWget(cluster: Cluster, from: NetClient, args: readonly string[]): HttpToolResult {
  let quiet = false;
  let output: string | undefined;
  let timeoutSec: number | undefined;
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help') return early(usage);
    if (a.startsWith('-') && a !== '-' && !a.startsWith('--')) {
      // getopt32 bundling: -qO- , -qO FILE, -T5
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (f === 'q') quiet = true;
        else if (f === 'c' || f === 'S') continue;
        else if (f === 'O' || f === 'T') {
          const value = a.slice(j + 1) || args[++i];
          if (value === undefined) return early(`wget: option requires an argument -- '${f}'\n${usage}`);
          if (f === 'O') output = value;
          else timeoutSec = Number(value);
          break;
        } else return early(`wget: unrecognized option '${a}'\n${usage}`);
      }
    } else if (a.startsWith('--')) {
      return early(`wget: unrecognized option '${a}'\n${usage}`);
    } else urls.push(a);
  }
  if (urls.length === 0) return early(usage);
  const o = new ToolOutput();
  for (const text of urls) {
    const url = parseUrl(text);
    if (!url) return die(o, `not an http or ftp url: ${text}`);
    if (url.scheme === 'https') return die(o, 'error getting response: Connection reset by peer');
    const r = httpGet(cluster, from, url, 'Wget');
    if (r.kind === 'error' && r.error === 'unresolved') return die(o, `bad address '${url.host}'`);
    const ip = r.trace.destination;
    if (!quiet) o.err(`Connecting to ${url.host} (${ip}:${url.port})\n`);
    if (r.kind === 'error') {
      if (r.error === 'refused') return die(o, `can't connect to remote host (${ip}): Connection refused`);
      if (timeoutSec !== undefined || r.error === 'hang') return die(o, 'download timed out');
      return die(o, `can't connect to remote host (${ip}): Connection timed out`);
    }
    const { status, body } = r.response;
    if (status >= 400 || status < 200) return die(o, `server returned error: HTTP/1.1 ${status} ${reasonPhrase(status)}`);
    const file = output ?? (url.path.split('?')[0].split('/').pop() || 'index.html');
    const toStdout = file === '-';
    if (!quiet) o.err(toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`);
    if (toStdout) o.out(body);
    if (!quiet) {
      // progress.c: "%-20.20s%4u%% " then the bar, the size and the ETA
      o.err(`${(toStdout ? '-' : file).slice(0, 20).padEnd(20)} 100% |${'*'.repeat(32)}| ${size5(body.length)}  0:00:00 ETA\n`);
      o.err(toStdout ? 'written to stdout\n' : `'${file}' saved\n`);
    }
  }
  return o.result(0);
}
