/**
 * hashicorp/http-echo (`main.go`, `handlers.go`, `Dockerfile`): text plus newline on every path, app headers,
 * the stdout access log line, `ECHO_TEXT` from the 1.0 image env, exit 127 on bad arguments and 2 after SIGTERM.
 */
import { describe, expect, it } from 'vitest';
import type { Container } from '../../api/types';
import { type HttpRequest, newAppInstance } from './app';
import { httpEchoApp, httpEchoVersion } from './httpEcho';

const image = 'hashicorp/http-echo:1.0';
const get = (c: Container, path: string) => {
  const app = httpEchoApp(c);
  const instance = newAppInstance(app, () => 3_000);
  const req: HttpRequest = { method: 'GET', path, port: 5678, remoteAddr: '10.244.1.3:40009', headers: { Host: 'echo:5678', 'User-Agent': 'curl/8.14.1', Accept: '*/*' } };
  const out = app.http(instance, req);
  return { out: out.kind === 'response' ? out.response : undefined, log: instance.accessLog.map((e) => e.line) };
};

describe('hashicorp/http-echo', () => {
  it('answers every path with -text and a newline, its app headers, and one log line', () => {
    const r = get({ name: 'c', image, args: ['-text=blue'] }, '/any/path?x=1');
    expect(r.out).toEqual({ status: 200, body: 'blue\n', headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-App-Name': 'http-echo', 'X-App-Version': '1.0.0' } });
    expect(r.log).toEqual(['1970/01/01 00:00:03 echo:5678 10.244.1.3:40009 "GET /any/path HTTP/1.1" 200 5 "curl/8.14.1" 0s']);
    expect(get({ name: 'c', image, args: ['-text=blue'] }, '/health').out?.body).toBe('{"status":"ok"}\n');
  });

  it('falls back to ECHO_TEXT (hello-world in the 1.0 image), honours -listen and -status-code', () => {
    expect(get({ name: 'c', image }, '/').out?.body).toBe('hello-world\n');
    expect(get({ name: 'c', image, env: [{ name: 'ECHO_TEXT', value: 'env' }] }, '/').out?.body).toBe('env\n');
    const c: Container = { name: 'c', image, args: ['-listen=:8080', '-text', 'x', '-status-code=418'] };
    expect(httpEchoApp(c).listeners(c)).toEqual([{ port: 8080, protocol: 'TCP' }]);
    expect(get(c, '/').out?.status).toBe(418);
  });

  it('exits 127 on stray arguments (an unquoted -text=two words) and, for 0.2, without -text', () => {
    const words: Container = { name: 'c', image, args: ['-text=two', 'words'] };
    expect([httpEchoApp(words).plan(words).exit, httpEchoApp(words).startupLog?.(words, 0)]).toEqual([{ atMs: 0, code: 127 }, ['Too many arguments!']]);
    const old: Container = { name: 'c', image: 'hashicorp/http-echo:0.2.3' };
    expect([httpEchoVersion('hashicorp/http-echo:0.2.3'), httpEchoApp(old).startupLog?.(old, 0)]).toEqual(['0.2.3', ['Missing -text option!']]);
    expect(httpEchoApp({ name: 'c', image }).sigterm({ name: 'c', image })).toEqual({ exitAfterMs: 50, exitCode: 2 });
  });
});
