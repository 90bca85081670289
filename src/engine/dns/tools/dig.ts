/**
 * BIND 9.18 `dig` (bind9 `bin/dig/dig.c`, `dighost.c`): one query per name on the command line (see `digArgs.ts`
 * for how the words are read), no search list unless `+search`, the full default report (greeting, header, OPT
 * pseudosection with the echoed cookie, sections, statistics) or `+short`.
 * Query id, cookie and timing are derived from the question so the same command prints the same bytes.
 */
import { type DnsQuestion, type DnsResponse, fqdn } from '../dnsMessage';
import { type QueryOutcome, queryServer } from '../dnsServers';
import { searchCandidates } from '../resolvConfFile';
import { responseWireSize } from '../wireSize';
import { bindQuestionLine, bindRecordLine } from './bindStyle';
import { type DigCommand, type DigLookup, parseDigArgs } from './digArgs';
import { clientQuery, type DnsToolContext, queryId, settingsOf, stableHash, type ToolResult } from './toolContext';

/** The BIND release the dnsutils-style images carry (Debian 12 `bind9-dnsutils`). */
export const bindVersion = '9.18.33-1~deb12u2-Debian';

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `%a %b %d %H:%M:%S %Z %Y` in UTC, as dig's WHEN line. */
export function digWhen(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function header(r: DnsResponse, id: number): string {
  const flags = ['qr', ...(r.authoritative ? ['aa'] : []), 'rd', ...(r.recursionAvailable ? ['ra'] : [])];
  let out = '';
  // dig.c isdotlocal: a question under .local draws the mDNS warning (cluster.local is one)
  if (/(^|\.)local\.$/i.test(r.question.name)) out += ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n';
  out += `;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${id}\n`;
  out += `;; flags: ${flags.join(' ')}; QUERY: 1, ANSWER: ${r.answer.length}, AUTHORITY: ${r.authority.length}, ADDITIONAL: ${r.additional.length + 1}\n`;
  if (!r.recursionAvailable) out += ';; WARNING: recursion requested but not available\n';
  return out;
}

/** Runs `dig ARGS`: each lookup in turn, as BIND prints them one after another. */
export function dig(ctx: DnsToolContext, args: readonly string[]): ToolResult {
  const cmd = parseDigArgs(args, bindVersion);
  if ('error' in cmd) return { exitCode: cmd.exitCode, stdout: '', stderr: cmd.error };
  let stdout = '';
  let exitCode = 0;
  for (const l of cmd.lookups) {
    const out = runLookup(ctx, cmd, l);
    stdout += out.stdout;
    exitCode = Math.max(exitCode, out.exitCode);
  }
  return { exitCode, stdout, stderr: cmd.warnings.map((w) => `${w}\n`).join('') };
}

function runLookup(ctx: DnsToolContext, cmd: DigCommand, l: DigLookup): { stdout: string; exitCode: number } {
  const settings = settingsOf(ctx);
  const server = l.server ?? settings.nameservers[0] ?? '127.0.0.1';
  const names = cmd.search && l.name !== '.' ? searchCandidates(l.name, settings) : [fqdn(l.name)];
  let response: DnsResponse | undefined;
  for (const name of names) {
    const q: DnsQuestion = { name, type: l.type };
    // CoreDNS listens on 53 only; a question on another port is never answered
    // dig sends EDNS0 with a 1232-byte buffer and a client COOKIE (bind9 bin/dig/dighost.c)
    const out: QueryOutcome = cmd.port === 53 ? queryServer(ctx.net, server, q, clientQuery(ctx, q, { tcp: l.tcp, edns: 1232, id: queryId(q, ctx.now) })) : { kind: 'timeout' };
    if (out.kind === 'timeout') {
      // dighost.c: three tries, then the greeting and the verdict (exit status 9)
      const err = `;; communications error to ${server}#${cmd.port}: timed out\n`;
      return { stdout: `${err}${err}${err}${l.cmdline};; no servers could be reached\n`, exitCode: 9 };
    }
    response = out.response;
    if (response.rcode !== 'NXDOMAIN') break;
  }
  const r = response as DnsResponse;
  const greeting = !cmd.short && cmd.printcmd ? l.cmdline : '';
  // the kubernetes plugin refuses transfers (coredns/coredns plugin/kubernetes/handler.go); dighost.c gives up
  if (l.type === 'AXFR' || l.type === 'IXFR') return { stdout: `${greeting}; Transfer failed.\n`, exitCode: 0 };
  if (cmd.short) return { stdout: r.answer.map((rr) => `${rr.data}\n`).join(''), exitCode: 0 };
  const seed = stableHash(`${r.question.name} ${r.question.type} ${ctx.now}`);
  const id = queryId(r.question, ctx.now);
  const cookie = (stableHash(`cookie ${seed}`).toString(16).padStart(8, '0') + stableHash(`${seed} cookie`).toString(16).padStart(8, '0')).slice(0, 16);
  let out = greeting;
  if (l.comments) {
    out += `;; Got answer:\n${header(r, id)}\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n; COOKIE: ${cookie} (echoed)\n`;
  }
  const section = (title: string, lines: string[], show: boolean) => {
    if (!show || !lines.length) return;
    if (l.comments) out += `;; ${title} SECTION:\n`;
    out += lines.map((line) => `${line}\n`).join('');
    if (l.comments) out += '\n';
  };
  section('QUESTION', [bindQuestionLine(r.question, l.qclass)], l.question);
  section('ANSWER', r.answer.map(bindRecordLine), l.answer);
  section('AUTHORITY', r.authority.map(bindRecordLine), l.authority);
  section('ADDITIONAL', r.additional.map(bindRecordLine), l.additional);
  if (l.stats) {
    // dig.c received(): ANY and transfers were sent over TCP
    out += `;; Query time: 0 ${l.usec ? 'usec' : 'msec'}\n;; SERVER: ${server}#${cmd.port}(${server}) (${l.tcp ? 'TCP' : 'UDP'})\n;; WHEN: ${digWhen(ctx.now)}\n;; MSG SIZE  rcvd: ${responseWireSize(r)}\n\n`;
  }
  return { stdout: out, exitCode: 0 };
}
