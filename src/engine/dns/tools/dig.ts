/**
 * BIND 9.18 `dig` (bind9 `bin/dig/dig.c`, `dighost.c`): one query, no search list unless `+search`, the full
 * default report (greeting, header, OPT pseudosection with the echoed cookie, sections, statistics) or `+short`.
 * Query id, cookie and timing are derived from the question so the same command prints the same bytes.
 */
import { type DnsQuestion, type DnsResponse, fqdn, type RRType, reverseName, rrTypes } from '../dnsMessage';
import { queryServer } from '../dnsServers';
import { searchCandidates } from '../resolvConfFile';
import { responseWireSize } from '../wireSize';
import { bindQuestionLine, bindRecordLine } from './bindStyle';
import { type DnsToolContext, settingsOf, stableHash, type ToolResult } from './toolContext';

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

interface DigOptions {
  name?: string;
  type: RRType;
  server?: string;
  short: boolean;
  search: boolean;
  sections: { comments: boolean; question: boolean; answer: boolean; authority: boolean; additional: boolean; stats: boolean; cmd: boolean };
}

function parse(args: readonly string[]): DigOptions | string {
  const o: DigOptions = {
    type: 'A',
    short: false,
    search: false,
    sections: { comments: true, question: true, answer: true, authority: true, additional: true, stats: true, cmd: true },
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('@')) o.server = a.slice(1);
    else if (a === '-t') o.type = (args[++i] ?? '').toUpperCase() as RRType;
    else if (a === '-x') {
      const r = reverseName(args[++i] ?? '');
      if (!r) return `Invalid IP address ${args[i]}`;
      o.name = r;
      o.type = 'PTR';
    } else if (a.startsWith('+')) {
      const opt = a.slice(1).toLowerCase();
      const on = !opt.startsWith('no');
      const key = on ? opt : opt.slice(2);
      if (key === 'short') o.short = on;
      else if (key === 'search') o.search = on;
      else if (key === 'all') for (const k of Object.keys(o.sections) as Array<keyof DigOptions['sections']>) o.sections[k] = on;
      else if (key in o.sections) o.sections[key as keyof DigOptions['sections']] = on;
      else return `Invalid option: ${a}`;
    } else if (rrTypes.includes(a.toUpperCase() as RRType) && o.name !== undefined) o.type = a.toUpperCase() as RRType;
    else o.name = a;
  }
  if (!rrTypes.includes(o.type)) return `Invalid type: ${o.type}`;
  return o;
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

/** Runs `dig ARGS`. */
export function dig(ctx: DnsToolContext, args: readonly string[]): ToolResult {
  const o = parse(args);
  if (typeof o === 'string') return { exitCode: 1, stdout: '', stderr: `${o}\n` };
  const settings = settingsOf(ctx);
  const server = o.server ?? settings.nameservers[0] ?? '127.0.0.1';
  const typed = o.name ?? '.';
  const greeting = `\n; <<>> DiG ${bindVersion} <<>> ${args.join(' ')}\n;; global options: +cmd\n`;
  const names = o.search && o.name ? searchCandidates(o.name, settings) : [fqdn(typed)];
  let response: DnsResponse | undefined;
  for (const name of names) {
    const q: DnsQuestion = { name, type: o.type };
    const out = queryServer(ctx.net, server, q);
    if (out.kind === 'timeout') {
      const err = `;; communications error to ${server}#53: timed out\n`;
      const tail = o.short ? '' : `${o.sections.cmd ? greeting : ''};; no servers could be reached\n`;
      return { exitCode: 9, stdout: `${err}${err}${err}${tail}`, stderr: '' };
    }
    response = out.response;
    if (response.rcode !== 'NXDOMAIN') break;
  }
  const r = response as DnsResponse;
  if (o.short) return { exitCode: 0, stdout: r.answer.map((rr) => `${rr.data}\n`).join(''), stderr: '' };
  const seed = stableHash(`${r.question.name} ${r.question.type} ${ctx.now}`);
  const id = seed & 0xffff;
  const cookie = (stableHash(`cookie ${seed}`).toString(16).padStart(8, '0') + stableHash(`${seed} cookie`).toString(16).padStart(8, '0')).slice(0, 16);
  const s = o.sections;
  let out = s.cmd ? greeting : '';
  if (s.comments) {
    out += `;; Got answer:\n${header(r, id)}\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n; COOKIE: ${cookie} (echoed)\n`;
  }
  const section = (title: string, lines: string[], show: boolean) => {
    if (!show || !lines.length) return;
    if (s.comments) out += `;; ${title} SECTION:\n`;
    out += lines.map((l) => `${l}\n`).join('');
    if (s.comments) out += '\n';
  };
  section('QUESTION', [bindQuestionLine(r.question)], s.question);
  section('ANSWER', r.answer.map(bindRecordLine), s.answer);
  section('AUTHORITY', r.authority.map(bindRecordLine), s.authority);
  section('ADDITIONAL', r.additional.map(bindRecordLine), s.additional);
  if (s.stats) {
    out += `;; Query time: 0 msec\n;; SERVER: ${server}#53(${server}) (UDP)\n;; WHEN: ${digWhen(ctx.now)}\n;; MSG SIZE  rcvd: ${responseWireSize(r)}\n\n`;
  }
  return { exitCode: 0, stdout: out, stderr: '' };
}
