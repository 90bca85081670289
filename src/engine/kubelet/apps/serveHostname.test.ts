/**
 * serve-hostname (kubernetes/kubernetes test/images/agnhost/serve-hostname/serve_hostname.go), the server of the
 * Kubernetes docs' Debug Services page: the bare hostname over HTTP on 9376, `HTTP request from ADDR` logged per
 * request and `Serving on port N.` at start, the standalone image and `agnhost serve-hostname` alike.
 */
import { describe, expect, it } from 'vitest';
import type { Container } from '../../api/types';
import { agnhostApp } from './agnhost';
import { type HttpRequest, newAppInstance, type SimulatedApp } from './app';
import { appForImage } from './registry';

function get(app: SimulatedApp, port = 9376) {
  const instance = newAppInstance(app, () => 3_000);
  const req: HttpRequest = { method: 'GET', path: '/', port, remoteAddr: '10.244.1.3:40009', headers: {}, process: { hostname: 'hostnames-79b94c645c-ccq47' } as HttpRequest['process'] };
  const out = app.http(instance, req);
  return { out: out.kind === 'response' ? out.response : out.kind, log: instance.accessLog.map((e) => e.line) };
}

describe('serve-hostname', () => {
  it('answers with the bare hostname on 9376 and logs the client', () => {
    const c: Container = { name: 'c', image: 'registry.k8s.io/serve_hostname' };
    const app = appForImage(c.image ?? '', c);
    expect(app.listeners(c)).toEqual([{ port: 9376, protocol: 'TCP' }]);
    expect(app.startupLog?.(c, 0)).toEqual(['1970/01/01 00:00:00 Serving on port 9376.']);
    const r = get(app);
    expect(r.out).toEqual({ status: 200, body: 'hostnames-79b94c645c-ccq47', headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    expect(r.log).toEqual(['1970/01/01 00:00:03 HTTP request from 10.244.1.3:40009']);
    expect(get(app, 80).out).toBe('hang');
  });

  it('takes --port, and refuses HTTP together with the raw modes', () => {
    const agn: Container = { name: 'c', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', args: ['serve-hostname', '--port=8080'] };
    expect(agnhostApp(agn).listeners(agn)).toEqual([{ port: 8080, protocol: 'TCP' }]);
    expect(get(agnhostApp(agn), 8080).log).toEqual(['1970/01/01 00:00:03 HTTP request from 10.244.1.3:40009']);
    const both: Container = { name: 'c', image: 'registry.k8s.io/serve_hostname', args: ['-udp'] };
    const app = appForImage(both.image ?? '', both);
    expect([app.listeners(both), app.plan(both).exit]).toEqual([[], { atMs: 0, code: 1 }]);
    expect(app.startupLog?.(both, 0)).toEqual(["1970/01/01 00:00:00 Can't server TCP/UDP mode and HTTP mode at the same time"]);
    // --http=false -udp: the raw UDP server alone
    const udp: Container = { name: 'c', image: 'registry.k8s.io/serve_hostname', args: ['-http=false', '-udp'] };
    expect(appForImage(udp.image ?? '', udp).listeners(udp)).toEqual([{ port: 9376, protocol: 'UDP' }]);
  });
});
