import { describe, expect, it } from 'vitest';
import { Cluster } from '../engine';
import { dnsQuery, localForwards, localHttp } from './localhostReplies';
import { TerminalSessions } from './terminalSessions';

function seedCluster(): { cluster: Cluster; terminals: TerminalSessions; streamed: string[] } {
  const cluster = new Cluster();
  const streamed: string[] = [];
  const terminals = new TerminalSessions(() => cluster, (_s, chunks) => streamed.push(...chunks.map((c) => c.text)));
  terminals.run('a', 'kubectl run alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8080 --labels="ver=1,app=alpaca,env=prod"');
  terminals.run('a', 'kubectl expose pod alpaca-prod');
  cluster.advance(30_000);
  return { cluster, terminals, streamed };
}

describe('your machine and DNS replies', () => {
  it('list the port-forwards, and a request to localhost:48858 reaches kuard through the forward', () => {
    const { cluster, terminals, streamed } = seedCluster();
    expect(localHttp(cluster, terminals.portForwards(), { type: 'localHttp', port: 48858, method: 'GET', path: '/healthy' })).toMatchObject({ kind: 'http', response: { ok: false, error: 'refused' } });
    terminals.run('a', 'kubectl port-forward alpaca-prod 48858:8080');
    expect(localForwards(terminals.portForwards())).toEqual({ kind: 'localForwards', forwards: [{ localPort: 48858, namespace: 'default', pod: 'alpaca-prod', remotePort: 8080 }] });
    const r = localHttp(cluster, terminals.portForwards(), { type: 'localHttp', port: 48858, method: 'POST', path: '/dns/api', body: '{"type":"A","name":"alpaca-prod"}' });
    expect(r.kind === 'http' && r.response.ok && JSON.parse(r.response.body).result).toMatch(/;; ANSWER SECTION:\nalpaca-prod\.default\.svc\.cluster\.local\.\t30\tIN\tA\t10\.\d+\.\d+\.\d+\n$/);
    expect(streamed).toContain('Handling connection for 48858\n');
    // the curl in a second terminal goes through the same forward
    const curl = terminals.run('b', 'curl -s localhost:48858/ready');
    expect('output' in curl && curl.output.map((c) => c.text).join('')).toBe('ok');
  });

  it("answers a pod's DNS query with each name the search list tried, and refuses what cannot be asked", () => {
    const { cluster } = seedCluster();
    const r = dnsQuery(cluster, { type: 'dnsQuery', namespace: 'default', pod: 'alpaca-prod', name: 'kubernetes.default', qtype: 'A' });
    expect(typeof r !== 'string' && r.kind === 'dns' && r.dns.tried.map((t) => t.rcode)).toEqual(['NXDOMAIN', 'NOERROR']);
    expect(typeof r !== 'string' && r.kind === 'dns' && r.dns.tried[1].answer[0]).toBe('kubernetes.default.svc.cluster.local.\t30\tIN\tA\t10.96.0.1');
    const ptr = dnsQuery(cluster, { type: 'dnsQuery', namespace: 'default', pod: 'alpaca-prod', name: '10.96.0.1', qtype: 'PTR' });
    expect(typeof ptr !== 'string' && ptr.kind === 'dns' && ptr.dns.tried.at(-1)?.answer[0]).toBe('1.0.96.10.in-addr.arpa.\t30\tIN\tPTR\tkubernetes.default.svc.cluster.local.');
    expect(dnsQuery(cluster, { type: 'dnsQuery', namespace: 'default', pod: 'nope', name: 'x', qtype: 'A' })).toMatch(/has no \/etc\/resolv.conf/);
    // a headless Service: one A per ready pod; an ExternalName: its CNAME
    cluster.apply('Service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'alpaca-headless', namespace: 'default' }, spec: { clusterIP: 'None', selector: { app: 'alpaca' }, ports: [{ port: 8080 }] } } as never);
    cluster.apply('Service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'docs', namespace: 'default' }, spec: { type: 'ExternalName', externalName: 'kubernetes.io' } } as never);
    cluster.advance(5_000);
    const podIP = cluster.runtime.pod('default', 'alpaca-prod')?.ip;
    const headless = dnsQuery(cluster, { type: 'dnsQuery', namespace: 'default', pod: 'alpaca-prod', name: 'alpaca-headless', qtype: 'A' });
    expect(typeof headless !== 'string' && headless.kind === 'dns' && headless.dns.tried[0].answer).toEqual([`alpaca-headless.default.svc.cluster.local.\t30\tIN\tA\t${podIP}`]);
    const cname = dnsQuery(cluster, { type: 'dnsQuery', namespace: 'default', pod: 'alpaca-prod', name: 'docs', qtype: 'CNAME' });
    expect(typeof cname !== 'string' && cname.kind === 'dns' && cname.dns.tried[0].answer).toEqual(['docs.default.svc.cluster.local.\t30\tIN\tCNAME\tkubernetes.io.']);
    expect(dnsQuery(cluster, { type: 'dnsQuery', namespace: 'default', pod: 'alpaca-prod', name: 'x', qtype: 'MX' })).toMatch(/unsupported record type "MX"/);
  });
});
