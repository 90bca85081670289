/**
 * traefik/whoami (`app.go` whoamiHandler, `Dockerfile` FROM scratch): `Name:`/`Hostname:`/`IP:`/`RemoteAddr:`
 * lines, then the request as go `net/http` `Request.Write` serialises it (Host, User-Agent, other headers sorted, CRLF).
 */
import { describe, expect, it } from 'vitest';
import type { Container } from '../../api/types';
import { type HttpRequest, newAppInstance } from './app';
import { linkLocalOf, whoamiApp } from './whoami';

const image = 'traefik/whoami:v1.11';
const process = { image, hostname: 'whoami-5d8c-xk2p9', addrs: ['10.244.2.7'], env: ['PATH=/bin', 'HOSTNAME=whoami-5d8c-xk2p9'], commandLine: [], dnsQuery: () => ({ ok: false as const, error: '' }) };
const get = (c: Container, path: string) => {
  const app = whoamiApp(c);
  const req: HttpRequest = { method: 'GET', path, port: 80, remoteAddr: '10.244.1.3:40008', headers: { Host: 'whoami', 'User-Agent': 'curl/8.14.1', Accept: '*/*' }, process };
  const out = app.http(newAppInstance(app, () => 0), req);
  return out.kind === 'response' ? out.response : undefined;
};

describe('traefik/whoami', () => {
  it('prints who answered, every interface address, the remote address as it arrived and the request', () => {
    expect(get({ name: 'c', image }, '/')?.body).toBe(
      `Hostname: whoami-5d8c-xk2p9\nIP: 127.0.0.1\nIP: ::1\nIP: 10.244.2.7\nIP: ${linkLocalOf('10.244.2.7')}\nRemoteAddr: 10.244.1.3:40008\n` +
        'GET / HTTP/1.1\r\nHost: whoami\r\nUser-Agent: curl/8.14.1\r\nAccept: */*\r\n\r\n',
    );
  });

  it('adds Name: from --name or WHOAMI_NAME, the environment with ?env=true, and listens on --port', () => {
    const named: Container = { name: 'c', image, args: ['--name', 'blue', '--port=8080'] };
    expect(get(named, '/')?.body.split('\n')[0]).toBe('Name: blue');
    expect(get({ name: 'c', image, env: [{ name: 'WHOAMI_NAME', value: 'green' }] }, '/')?.body.split('\n')[0]).toBe('Name: green');
    expect(get({ name: 'c', image }, '/?env=true')?.body.endsWith('\r\n\r\nPATH=/bin\nHOSTNAME=whoami-5d8c-xk2p9\n')).toBe(true);
    expect(whoamiApp(named).listeners(named)).toEqual([{ port: 8080, protocol: 'TCP' }]);
    expect(whoamiApp({ name: 'c', image }).listeners({ name: 'c', image })).toEqual([{ port: 80, protocol: 'TCP' }]);
  });

  it('has /api as JSON, /health empty, and no shell (scratch image)', () => {
    const api = JSON.parse(get({ name: 'c', image }, '/api')?.body ?? '{}');
    expect(api).toMatchObject({ hostname: 'whoami-5d8c-xk2p9', url: '/api', host: 'whoami', method: 'GET', remoteAddr: '10.244.1.3:40008', headers: { Accept: ['*/*'] } });
    expect(get({ name: 'c', image }, '/health')?.status).toBe(200);
    expect(whoamiApp({ name: 'c', image }).coreutils).toBe('none');
  });

  it('gives eth0 an EUI-64 link-local address (fe80::xxxx:xxff:fexx:xxxx)', () => {
    expect(linkLocalOf('10.244.2.7')).toMatch(/^fe80::[0-9a-f]{1,4}:[0-9a-f]{0,2}ff:fe[0-9a-f]{2}:[0-9a-f]{1,4}$/);
    expect(linkLocalOf('10.244.2.7')).not.toBe(linkLocalOf('10.244.2.8'));
  });
});
