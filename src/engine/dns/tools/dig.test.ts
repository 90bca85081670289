/**
 * dig's argument order and report (bind9 v9.18.33 `bin/dig/dig.c` `parse_args`/`dash_option`/`plus_option`/
 * `printgreeting`, `bin/dig/dighost.c` `clone_lookup`; type and class words from `lib/dns/rdata.c`,
 * `lib/dns/gen.c`, `lib/dns/rcode.c`), against CoreDNS's kubernetes plugin answering SRV for named ports
 * (coredns/coredns `plugin/kubernetes/kubernetes.go` `findServices`, `plugin/backend_lookup.go` `SRV`).
 */
import { describe, expect, it } from 'vitest';
import type { Service } from '../../api/types';
import type { DnsCatalog } from '../dnsCatalog';
import type { DnsNetwork } from '../dnsServers';
import { bindClassFromText, bindTypeFromText } from './bindTypes';
import { bindVersion, dig } from './dig';
import { parseDigArgs } from './digArgs';

const services: Service[] = [
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default' },
    spec: { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP' }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: { clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
  },
];
const catalog: DnsCatalog = {
  namespaceExists: (ns) => ns === 'default' || ns === 'kube-system',
  service: (ns, name) => services.find((s) => s.metadata?.namespace === ns && s.metadata?.name === name),
  services: () => services,
  readyEndpoints: () => [],
};
const net = (ready = true): DnsNetwork => ({
  catalog,
  plugin: { zone: 'cluster.local', ttl: 30, serial: 1767603600 },
  clusterDnsIP: '10.96.0.10',
  corednsReady: () => ready,
  dockerDnsIP: '172.18.0.1',
  dockerHosts: new Map([['kind-control-plane', '172.18.0.2']]),
});
const resolvConf = 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n';
// Mon 05 Jan 2026 09:00:00 UTC
const now = Date.UTC(2026, 0, 5, 9, 0, 0);
const run = (line: string, ready = true) => dig({ net: net(ready), resolvConf, now }, line.split(' '));
const question = (out: string) => /;; QUESTION SECTION:\n(.*)\n/.exec(out)?.[1];
const srvName = '_https._tcp.kubernetes.default.svc.cluster.local';

describe('dig argument order (dig.c parse_args)', () => {
  it('takes a type before the name, after it, or from -t: the same SRV question and reply', () => {
    const before = run(`SRV ${srvName}`);
    expect(question(before.stdout)).toBe(`;${srvName}. IN SRV`);
    const strip = (s: string) => s.replace(/<<>> .* <<>> .*\n/, '');
    expect(strip(run(`${srvName} SRV`).stdout)).toBe(strip(before.stdout));
    expect(strip(run(`-t SRV ${srvName}`).stdout)).toBe(strip(before.stdout));
    expect(strip(run(`-tsrv ${srvName}`).stdout)).toBe(strip(before.stdout));
  });

  it('prints the exact SRV reply for the kubernetes Service: priority 0, weight 100, the target in Additional', () => {
    const r = run(`SRV ${srvName}`);
    // the query id and cookie are random in BIND; here they are a hash of the question, pinned elsewhere
    const stdout = r.stdout.replace(/id: \d+\n/, 'id: ID\n').replace(/COOKIE: [0-9a-f]{16} /, 'COOKIE: C ');
    expect({ ...r, stdout }).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: [
        '',
        `; <<>> DiG ${bindVersion} <<>> SRV ${srvName}`,
        ';; global options: +cmd',
        ';; Got answer:',
        ';; WARNING: .local is reserved for Multicast DNS',
        ';; You are currently testing what happens when an mDNS query is leaked to DNS',
        ';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ID',
        ';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 2',
        ';; WARNING: recursion requested but not available',
        '',
        ';; OPT PSEUDOSECTION:',
        '; EDNS: version: 0, flags:; udp: 1232',
        '; COOKIE: C (echoed)',
        ';; QUESTION SECTION:',
        `;${srvName}. IN SRV`,
        '',
        ';; ANSWER SECTION:',
        `${srvName}. 30 IN SRV 0 100 443 kubernetes.default.svc.cluster.local.`,
        '',
        ';; ADDITIONAL SECTION:',
        'kubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1',
        '',
        ';; Query time: 0 msec',
        ';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)',
        ';; WHEN: Mon Jan 05 09:00:00 UTC 2026',
        // 12 header + 54 question + 104 SRV + 52 A + 23 OPT with cookie, names uncompressed
        ';; MSG SIZE  rcvd: 245',
        '',
        '',
      ].join('\n'),
    });
  });

  it('+short prints the SRV data whatever the order of type, name and option', () => {
    const data = '0 100 443 kubernetes.default.svc.cluster.local.\n';
    expect(run(`+short SRV ${srvName}`).stdout).toBe(data);
    expect(run(`SRV ${srvName} +short`).stdout).toBe(data);
    expect(run(`${srvName} +short srv`).stdout).toBe(data);
    expect(run(`@10.96.0.10 ${srvName} SRV +short`).stdout).toBe(data);
  });

  it('lets a later type win with a warning on stderr', () => {
    const r = run('SRV web.default.svc.cluster.local A');
    expect(question(r.stdout)).toBe(';web.default.svc.cluster.local.\tIN\tA');
    expect(r.stderr).toBe(';; Warning, extra type option\n');
    expect(run('-t A -t SRV web.default.svc.cluster.local').stderr).toBe(';; Warning, extra type option\n');
  });

  it('reads every word as a name once -t or -c was given', () => {
    const cmd = parseDigArgs(['-t', 'SRV', 'web', 'A'], bindVersion);
    expect('lookups' in cmd && cmd.lookups.map((l) => `${l.name} ${l.type}`)).toEqual(['web SRV', 'A SRV']);
  });

  it('applies options before the first name to every name, and options after a name to that name only', () => {
    const cmd = parseDigArgs(['SRV', '@10.96.0.10', 'web', 'db', 'TXT', '@172.18.0.1', 'cache'], bindVersion);
    expect('lookups' in cmd && cmd.lookups.map((l) => `${l.name} ${l.type} ${l.server}`)).toEqual(['web SRV 10.96.0.10', 'db TXT 172.18.0.1', 'cache SRV 10.96.0.10']);
  });

  it('takes a service named like a type for the type (`dig SRV a mx` asks the root for NS; `-q` forces a name)', () => {
    const cmd = parseDigArgs(['SRV', 'a', 'mx'], bindVersion);
    expect('lookups' in cmd && cmd.lookups.map((l) => `${l.name} ${l.type}`)).toEqual(['. NS']);
    expect('lookups' in cmd && cmd.warnings).toEqual([';; Warning, extra type option', ';; Warning, extra type option']);
    const forced = parseDigArgs(['-q', 'mx', 'SRV'], bindVersion);
    expect('lookups' in forced && forced.lookups.map((l) => `${l.name} ${l.type}`)).toEqual(['mx SRV']);
  });

  it('runs one lookup per name, the greeting only before the first', () => {
    const out = run('+nocomments +nostats web.default.svc.cluster.local kubernetes.default.svc.cluster.local').stdout;
    expect(out).toBe(
      `\n; <<>> DiG ${bindVersion} <<>> +nocomments +nostats web.default.svc.cluster.local kubernetes.default.svc.cluster.local\n;; global options: +cmd\n` +
        ';web.default.svc.cluster.local.\tIN\tA\nweb.default.svc.cluster.local. 30 IN\tA\t10.96.5.5\n' +
        ';kubernetes.default.svc.cluster.local. IN A\nkubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1\n',
    );
  });

  it('asks the root for NS when no name is given, even after a type (`dig ANY`)', () => {
    for (const line of ['+noall +question', 'ANY +noall +question']) expect(run(line).stdout).toBe(';.\t\t\t\tIN\tNS\n');
  });

  it('sends ANY over TCP and gets NODATA with the zone SOA (handler.go: a fake A lookup tells NODATA from NXDOMAIN)', () => {
    const r = run('web.default.svc.cluster.local ANY').stdout;
    expect(r).toContain(';; flags: qr aa rd; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n');
    expect(r).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (TCP)\n');
    expect(run('nosuch.default.svc.cluster.local MX').stdout).toContain('status: NXDOMAIN');
  });

  it('takes classes by word or -c, and prints the question in that class', () => {
    expect(question(run('CH web.default.svc.cluster.local').stdout)).toBe(';web.default.svc.cluster.local.\tCH\tA');
    // after -c every bare word is a name: TXT is a second lookup, in class CH too
    const cmd = parseDigArgs(['-c', 'chaos', 'web', 'TXT'], bindVersion);
    expect('lookups' in cmd && cmd.lookups.map((l) => `${l.name} ${l.qclass} ${l.type}`)).toEqual(['web CH A', 'TXT CH A']);
    expect(run('IN web.default.svc.cluster.local HS').stderr).toBe(';; Warning, extra class option\n');
  });

  it('-x asks PTR unless a type was set, and a type after it still applies', () => {
    expect(question(run('-x 10.96.0.1').stdout)).toBe(';1.0.96.10.in-addr.arpa.\tIN\tPTR');
    expect(question(run('-x 10.96.0.1 TXT').stdout)).toBe(';1.0.96.10.in-addr.arpa.\tIN\tTXT');
    expect(run('-x 10.96.0.300')).toEqual({ exitCode: 1, stdout: '', stderr: 'Invalid IP address 10.96.0.300\n' });
  });

  it('warns about an invalid -t type and a bare ixfr, and fails on unknown options with the usage', () => {
    expect(run('-t BOGUS web.default.svc.cluster.local').stderr).toBe(';; Warning, ignoring invalid type BOGUS\n');
    expect(run('ixfr web.default.svc.cluster.local').stderr).toBe(';; Warning, ixfr requires a serial number\n');
    const bad = run('+bogus web');
    expect([bad.exitCode, bad.stderr.split('\n')[0], bad.stderr.split('\n')[1]]).toEqual([1, 'Invalid option: +bogus', 'Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}']);
  });

  it('notes the server count in the greeting when @server comes before the name', () => {
    expect(run('@10.96.0.10 web.default.svc.cluster.local').stdout).toMatch(/^\n; <<>> DiG \S+ <<>> @10\.96\.0\.10 web\.default\.svc\.cluster\.local\n; \(1 server found\)\n;; global options: \+cmd\n/);
    expect(run('web.default.svc.cluster.local @10.96.0.10').stdout).not.toContain('server found');
  });

  it('reports a refused zone transfer, and a timeout with the greeting after the errors', () => {
    expect(run('AXFR cluster.local').stdout).toBe(`\n; <<>> DiG ${bindVersion} <<>> AXFR cluster.local\n;; global options: +cmd\n; Transfer failed.\n`);
    const t = run('SRV web.default.svc.cluster.local', false);
    expect(t.exitCode).toBe(9);
    expect(t.stdout).toBe(`${';; communications error to 10.96.0.10#53: timed out\n'.repeat(3)}\n; <<>> DiG ${bindVersion} <<>> SRV web.default.svc.cluster.local\n;; global options: +cmd\n;; no servers could be reached\n`);
  });
});

describe('BIND type and class words (rdata.c, rcode.c)', () => {
  it('knows mnemonics in any case and numbered forms', () => {
    expect(['srv', 'Mx', 'nsap-ptr', 'TYPE33', 'type65', 'TYPE999', 'https'].map(bindTypeFromText)).toEqual(['SRV', 'MX', 'NSAP-PTR', 'SRV', 'HTTPS', 'TYPE999', 'HTTPS']);
    expect(['web', 'TYPE70000', 'kubernetes', 'in'].map(bindTypeFromText)).toEqual([undefined, undefined, undefined, undefined]);
    expect(['in', 'chaos', 'CH', 'hesiod', 'CLASS1', 'CLASS42', 'any', 'web'].map(bindClassFromText)).toEqual(['IN', 'CH', 'CH', 'HS', 'IN', 'CLASS42', 'ANY', undefined]);
  });
});
