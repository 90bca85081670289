/**
 * CoreDNS kubernetes plugin semantics (coredns/coredns `plugin/kubernetes/handler_test.go`, `kubernetes.go`
 * `findServices`, `plugin/backend_lookup.go` SOA/SRV; kubernetes/dns `docs/specification.md`).
 */
import { describe, expect, it } from 'vitest';
import type { Service } from '../api/types';
import type { DnsCatalog, DnsEndpoint } from './dnsCatalog';
import { type DnsQuestion, recordString, type RRType } from './dnsMessage';
import { kubernetesPlugin } from './kubernetesPlugin';

const svc = (ns: string, name: string, spec: Service['spec']): Service => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec });

const services: Service[] = [
  svc('default', 'web', { clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
  svc('default', 'db', { clusterIP: 'None', clusterIPs: ['None'], ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }),
  svc('default', 'empty', { clusterIP: 'None', ports: [{ port: 80, protocol: 'TCP' }] }),
  svc('default', 'ext', { type: 'ExternalName', externalName: 'example.com' }),
];
const endpoints: Record<string, DnsEndpoint[]> = {
  'default/db': [
    { ip: '10.244.1.7', hostname: 'db-0', ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] },
    { ip: '10.244.2.9', ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] },
  ],
};
const catalog: DnsCatalog = {
  namespaceExists: (ns) => ns === 'default' || ns === 'kube-system',
  service: (ns, name) => services.find((s) => s.metadata?.namespace === ns && s.metadata?.name === name),
  services: () => services,
  readyEndpoints: (ns, name) => endpoints[`${ns}/${name}`] ?? [],
};
const cfg = { zone: 'cluster.local', ttl: 30, serial: 1767603600 };
const upstream = (name: string) => (name === 'example.com.' ? [{ name, ttl: 300, type: 'A' as const, data: '192.0.2.10' }] : []);
const ask = (name: string, type: RRType = 'A') => kubernetesPlugin(catalog, cfg, { name, type } as DnsQuestion, upstream);
const lines = (name: string, type: RRType = 'A') => ask(name, type)?.answer.map(recordString);
const soa = 'cluster.local.\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1767603600 7200 1800 86400 30';

describe('kubernetes plugin', () => {
  it('answers a ClusterIP Service with its ClusterIP, TTL 30, authoritatively', () => {
    expect(lines('web.default.svc.cluster.local.')).toEqual(['web.default.svc.cluster.local.\t30\tIN\tA\t10.96.5.5']);
    expect(ask('WEB.default.svc.cluster.local.')?.answer[0].data).toBe('10.96.5.5');
    expect(ask('web.default.svc.cluster.local.')?.authoritative).toBe(true);
  });

  it('answers one A per ready endpoint of a headless Service, and NXDOMAIN with the SOA when none is ready', () => {
    expect(lines('db.default.svc.cluster.local.')).toEqual(['db.default.svc.cluster.local.\t30\tIN\tA\t10.244.1.7', 'db.default.svc.cluster.local.\t30\tIN\tA\t10.244.2.9']);
    const none = ask('empty.default.svc.cluster.local.');
    expect(none?.rcode).toBe('NXDOMAIN');
    expect(none?.authority.map(recordString)).toEqual([soa]);
  });

  it('names endpoints by hostname, else by dashed address', () => {
    expect(lines('db-0.db.default.svc.cluster.local.')).toEqual(['db-0.db.default.svc.cluster.local.\t30\tIN\tA\t10.244.1.7']);
    expect(lines('10-244-2-9.db.default.svc.cluster.local.')).toEqual(['10-244-2-9.db.default.svc.cluster.local.\t30\tIN\tA\t10.244.2.9']);
    expect(ask('db-9.db.default.svc.cluster.local.')?.rcode).toBe('NXDOMAIN');
  });

  it('answers SRV for named ports with the target in Additional, weight shared among targets', () => {
    const r = ask('_http._tcp.web.default.svc.cluster.local.', 'SRV');
    expect(r?.answer.map(recordString)).toEqual(['_http._tcp.web.default.svc.cluster.local.\t30\tIN\tSRV\t0 100 80 web.default.svc.cluster.local.']);
    expect(r?.additional.map(recordString)).toEqual(['web.default.svc.cluster.local.\t30\tIN\tA\t10.96.5.5']);
    expect(lines('_pg._tcp.db.default.svc.cluster.local.', 'SRV')).toEqual([
      '_pg._tcp.db.default.svc.cluster.local.\t30\tIN\tSRV\t0 50 5432 db-0.db.default.svc.cluster.local.',
      '_pg._tcp.db.default.svc.cluster.local.\t30\tIN\tSRV\t0 50 5432 10-244-2-9.db.default.svc.cluster.local.',
    ]);
    expect(ask('_nope._tcp.web.default.svc.cluster.local.', 'SRV')?.rcode).toBe('NXDOMAIN');
  });

  it('answers an ExternalName with a CNAME and the target resolved upstream', () => {
    expect(lines('ext.default.svc.cluster.local.')).toEqual(['ext.default.svc.cluster.local.\t30\tIN\tCNAME\texample.com.', 'example.com.\t300\tIN\tA\t192.0.2.10']);
  });

  it('gives NODATA (NOERROR, SOA) for AAAA of an IPv4 Service and NXDOMAIN for unknown names', () => {
    const aaaa = ask('web.default.svc.cluster.local.', 'AAAA');
    expect([aaaa?.rcode, aaaa?.answer.length, aaaa?.authority.map(recordString)]).toEqual(['NOERROR', 0, [soa]]);
    for (const n of ['nope.default.svc.cluster.local.', 'web.nons.svc.cluster.local.', 'web.cluster.local.', 'web.svc.cluster.local.']) expect(ask(n)?.rcode).toBe('NXDOMAIN');
  });

  it('answers pod names in `pods insecure` mode from the dashed address', () => {
    expect(lines('10-244-1-3.default.pod.cluster.local.')).toEqual(['10-244-1-3.default.pod.cluster.local.\t30\tIN\tA\t10.244.1.3']);
    expect(ask('10-244-1-3.nons.pod.cluster.local.')?.rcode).toBe('NXDOMAIN');
    expect(ask('bogus.default.pod.cluster.local.')?.rcode).toBe('NXDOMAIN');
  });

  it('answers PTR for Service and endpoint addresses, and falls through for others', () => {
    expect(lines('5.5.96.10.in-addr.arpa.', 'PTR')).toEqual(['5.5.96.10.in-addr.arpa.\t30\tIN\tPTR\tweb.default.svc.cluster.local.']);
    expect(lines('7.1.244.10.in-addr.arpa.', 'PTR')).toEqual(['7.1.244.10.in-addr.arpa.\t30\tIN\tPTR\tdb-0.db.default.svc.cluster.local.']);
    expect(ask('9.9.9.9.in-addr.arpa.', 'PTR')).toBeUndefined();
  });

  it('leaves names outside its zones to the next plugin and serves dns-version', () => {
    expect(ask('example.com.')).toBeUndefined();
    expect(lines('dns-version.cluster.local.', 'TXT')).toEqual(['dns-version.cluster.local.\t30\tIN\tTXT\t"1.1.0"']);
  });
});
