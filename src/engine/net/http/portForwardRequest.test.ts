import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { explainSearch } from '../../dns/searchExplain';
import { podDnsContext } from '../../dns/podDnsContext';
import { type ForwardTarget, forwardedHttp } from './portForwardRequest';

const alpaca = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'alpaca-prod', namespace: 'default', labels: { app: 'alpaca' } },
  spec: {
    containers: [{ name: 'alpaca-prod', image: 'gcr.io/kuar-demo/kuard-amd64:blue', ports: [{ containerPort: 8080 }], readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 2, failureThreshold: 1 } }],
  },
} as const;

function setup(): { c: Cluster; fw: ForwardTarget; connects: () => number } {
  const c = new Cluster({});
  c.create('Pod', structuredClone(alpaca) as never);
  c.apply('Service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'alpaca-prod', namespace: 'default' }, spec: { selector: { app: 'alpaca' }, ports: [{ port: 8080 }] } } as never);
  c.advance(30_000);
  let n = 0;
  return { c, fw: { namespace: 'default', pod: 'alpaca-prod', remotePort: 8080, connect: () => n++ }, connects: () => n };
}

const endpointCount = (c: Cluster) => c.store.list('EndpointSlice', 'default').filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === 'alpaca-prod').flatMap((s) => s.endpoints ?? []).filter((e) => e.conditions?.ready).length;

describe('a request over kubectl port-forward', () => {
  it("drives kuard's readiness probe: PUT failNext -1 makes the kubelet's /ready fail and the endpoint leave", () => {
    const { c, fw, connects } = setup();
    expect(endpointCount(c)).toBe(1);
    const put = forwardedHttp(c, fw, { method: 'PUT', path: '/ready/api', headers: {}, body: '{"failNext":-1}' });
    expect(put.kind === 'response' && JSON.parse(put.response.body).failNext).toBe(-1);
    expect(connects()).toBe(1);
    c.advance(5_000);
    expect(endpointCount(c)).toBe(0);
    const status = forwardedHttp(c, fw, { method: 'GET', path: '/ready/api', headers: {} });
    // the kubelet's probe calls are in kuard's history, failing with 500
    expect(status.kind === 'response' && (JSON.parse(status.response.body).history as { code: number }[]).some((h) => h.code === 500)).toBe(true);
    forwardedHttp(c, fw, { method: 'PUT', path: '/ready/api', headers: {}, body: '{"failNext":0}' });
    c.advance(5_000);
    expect(endpointCount(c)).toBe(1);
  });

  it('sees a loopback client and nothing when no process listens on the remote port', () => {
    const { c, fw } = setup();
    const page = forwardedHttp(c, fw, { method: 'GET', path: '/', headers: { Host: 'localhost:48858' } });
    expect(page.kind === 'response' && page.response.body).toMatch(/"requestAddr":"127\.0\.0\.1:\d+"/);
    expect(forwardedHttp(c, { ...fw, remotePort: 9999 }, { method: 'GET', path: '/', headers: {} })).toEqual({ kind: 'error', error: 'empty' });
  });

  it("explains the pod resolver's search walk: NXDOMAIN for each miss until the Service name answers", () => {
    const { c } = setup();
    const ctx = podDnsContext(c, 'default', 'alpaca-prod');
    expect(ctx).toBeDefined();
    if (!ctx) return;
    const r = explainSearch(ctx, 'alpaca-prod', 'A', 'resolver');
    expect(r.tried.map((t) => [t.name, t.response?.rcode])).toEqual([['alpaca-prod.default.svc.cluster.local.', 'NOERROR']]);
    const miss = explainSearch(ctx, 'alpaca-prod.default', 'A', 'resolver');
    expect(miss.tried.map((t) => [t.name, t.response?.rcode])).toEqual([
      ['alpaca-prod.default.default.svc.cluster.local.', 'NXDOMAIN'],
      ['alpaca-prod.default.svc.cluster.local.', 'NOERROR'],
    ]);
    // ndots:5: the full name has four dots, so every search suffix is tried (and misses) before it
    const fq = explainSearch(ctx, 'alpaca-prod.default.svc.cluster.local', 'A', 'resolver');
    expect(fq.tried.map((t) => t.response?.rcode)).toEqual(['NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN', 'NOERROR']);
    expect(fq.tried[3].name).toBe('alpaca-prod.default.svc.cluster.local.');
    expect(fq.used).toBe(3);
  });
});
