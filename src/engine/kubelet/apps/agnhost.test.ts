/**
 * agnhost netexec (kubernetes/kubernetes `test/images/agnhost/netexec/netexec.go`, `pause/pause.go`,
 * `Dockerfile`): bodies without newline, `/clientip` = the connection's remote address, `NOW:` for every other path.
 */
import { describe, expect, it } from 'vitest';
import type { Container } from '../../api/types';
import { agnhostApp } from './agnhost';
import { type HttpRequest, newAppInstance } from './app';
import { appForContainer } from './registry';

const image = 'registry.k8s.io/e2e-test-images/agnhost:2.39';
const netexec: Container = { name: 'c', image, args: ['netexec', '--http-port=8080'] };
const process = { image, hostname: 'netexec-7d9f-abcde', addrs: ['10.244.1.5'], env: [], commandLine: [], dnsQuery: () => ({ ok: false as const, error: '' }) };
const get = (c: Container, path: string, at = 5_000) => {
  const app = agnhostApp(c);
  const instance = newAppInstance(app, () => at);
  const req: HttpRequest = { method: 'GET', path, port: 8080, remoteAddr: '172.18.0.3:51234', process };
  const out = app.http(instance, req);
  return { out: out.kind === 'response' ? out.response : undefined, log: instance.accessLog.map((e) => e.line) };
};

describe('agnhost netexec', () => {
  it('answers /hostname with the pod hostname and /clientip with the address the connection came from', () => {
    expect(get(netexec, '/hostname').out).toEqual({ status: 200, body: 'netexec-7d9f-abcde', headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    expect(get(netexec, '/hostName').out?.body).toBe('netexec-7d9f-abcde');
    expect(get(netexec, '/clientip').out?.body).toBe('172.18.0.3:51234');
  });

  it('echoes msg (query-decoded) with an optional status code, and logs the request the way log.Printf does', () => {
    const r = get(netexec, '/echo?msg=hello+world%21&code=503');
    expect([r.out?.status, r.out?.body]).toEqual([503, 'hello world!']);
    expect(r.log).toEqual(['1970/01/01 00:00:05 GET /echo?msg=hello world!&code=503']);
    expect(get(netexec, '/echo?msg=x&code=abc').out?.body).toBe(`argument 'code' must be an integer or empty, got "abc"\n`);
  });

  it('serves NOW: with Go time.String and its monotonic reading on / and any unmatched path', () => {
    expect(get(netexec, '/', 65_250).out?.body).toBe('NOW: 1970-01-01 00:01:05.25 +0000 UTC m=+0.000000000');
    expect(get(netexec, '/nothing/here').out?.status).toBe(200);
  });

  it('is healthy only while its UDP server runs, and listens where --http-port/--udp-port say', () => {
    expect(get(netexec, '/healthz').out?.status).toBe(200);
    const noUdp: Container = { ...netexec, args: ['netexec', '--http-port', '9000', '--udp-port=-1'] };
    expect(agnhostApp(noUdp).listeners(noUdp)).toEqual([{ port: 9000, protocol: 'TCP' }]);
    expect(agnhostApp(netexec).listeners(netexec)).toEqual([
      { port: 8080, protocol: 'TCP' },
      { port: 8081, protocol: 'UDP' },
    ]);
    expect(get({ ...netexec, args: ['netexec', '--udp-port=-1'] }, '/healthz').out?.status).toBe(412);
  });

  it('runs pause by default (prints Paused, exits 2 on SIGTERM) and has the Alpine tools the Dockerfile adds', () => {
    const app = appForContainer({ name: 'c', image });
    expect(app.listeners({ name: 'c', image })).toEqual([]);
    expect(app.startupLog?.({ name: 'c', image }, 0)).toEqual(['Paused']);
    expect(app.sigterm({ name: 'c', image })).toEqual({ exitAfterMs: 50, exitCode: 2 });
    expect([app.coreutils, app.dnsTools]).toEqual(['busybox', { nslookup: 'bind', bind: true, getent: true }]);
    // command: [/agnhost, netexec] works the same as args
    expect(appForContainer({ name: 'c', image, command: ['/agnhost', 'netexec'] }).listeners({ name: 'c', image })[0]).toEqual({ port: 8080, protocol: 'TCP' });
  });
});
