import { describe, expect, it } from 'vitest';
import type { Container } from '../api/types';
import { newAppInstance } from './apps/app';
import { appForContainer } from './apps/registry';
import { initialProbeState, probeSettings, recordProbeResult, runProbe } from './probes';

const kuard: Container = { name: 'kuard', image: 'gcr.io/kuar-demo/kuard-amd64:blue', ports: [{ name: 'http', containerPort: 8080 }] };

function target(c: Container, running = true) {
  const app = appForContainer(c);
  return { podIP: '10.244.1.5', container: c, instance: running ? newAppInstance(app, () => 0) : undefined, source: '172.18.0.3:40000', kubeletVersion: '1.34' };
}

describe('probe defaults (SetDefaults_Probe)', () => {
  it('fills period 10s, timeout 1s, success 1, failure 3, no initial delay', () => {
    expect(probeSettings({ httpGet: { port: 8080 } })).toEqual({ initialDelayMs: 0, periodMs: 10_000, timeoutMs: 1_000, successThreshold: 1, failureThreshold: 3 });
  });
});

describe('runProbe output texts', () => {
  it('httpGet against a port nothing listens on: Go net/http dial error', () => {
    // pkg/probe/http returns err.Error() of the client: `Get "<url>": dial tcp <ip>:<port>: connect: connection refused`
    const out = runProbe({ httpGet: { path: '/ready', port: 8000 } }, target(kuard));
    expect(out).toEqual({ result: 'failure', output: 'Get "http://10.244.1.5:8000/ready": dial tcp 10.244.1.5:8000: connect: connection refused' });
  });

  it('httpGet with a 404 or a failing kuard probe page: HTTP probe failed with statuscode', () => {
    expect(runProbe({ httpGet: { path: '/nope', port: 8080 } }, target(kuard))).toEqual({ result: 'failure', output: 'HTTP probe failed with statuscode: 404' });
    const t = target(kuard);
    if (t.instance) t.instance.ready = false;
    // kuard's debugprobe answers 500 "fail, permanent" (kuard pkg/debugprobe/probe.go)
    expect(runProbe({ httpGet: { path: '/ready', port: 'http' } }, t)).toEqual({ result: 'failure', output: 'HTTP probe failed with statuscode: 500' });
  });

  it('httpGet by named port succeeds with the page body', () => {
    expect(runProbe({ httpGet: { path: '/healthy', port: 'http' } }, target(kuard))).toEqual({ result: 'success', output: 'ok' });
  });

  it('tcpSocket: dial error without a listener', () => {
    expect(runProbe({ tcpSocket: { port: 8080 } }, target(kuard)).result).toBe('success');
    expect(runProbe({ tcpSocket: { port: 9090 } }, target(kuard))).toEqual({ result: 'failure', output: 'dial tcp 10.244.1.5:9090: connect: connection refused' });
  });

  it('exec: busybox cat of a missing file', () => {
    const bb: Container = { name: 'bb', image: 'busybox', command: ['sleep', '3600'] };
    const t = target(bb);
    expect(runProbe({ exec: { command: ['cat', '/tmp/healthy'] } }, t)).toEqual({ result: 'failure', output: "cat: can't open '/tmp/healthy': No such file or directory\n" });
    t.instance?.files.add('/tmp/healthy');
    expect(runProbe({ exec: { command: ['cat', '/tmp/healthy'] } }, t).result).toBe('success');
  });

  it('grpc: no server within the timeout (pkg/probe/grpc)', () => {
    expect(runProbe({ grpc: { port: 9090 }, timeoutSeconds: 1 }, target(kuard))).toEqual({
      result: 'failure',
      output: 'timeout: failed to connect service "10.244.1.5:9090" within 1s: context deadline exceeded',
    });
  });
});

describe('probe thresholds (prober worker.go)', () => {
  it('readiness turns failure only after failureThreshold failures in a row', () => {
    const s = initialProbeState('Readiness');
    const cfg = probeSettings({ httpGet: { port: 1 } });
    expect(recordProbeResult(s, 'Readiness', 'success', cfg)).toBe(true);
    expect(recordProbeResult(s, 'Readiness', 'failure', cfg)).toBe(false);
    expect(recordProbeResult(s, 'Readiness', 'failure', cfg)).toBe(false);
    expect(recordProbeResult(s, 'Readiness', 'failure', cfg)).toBe(true);
    expect(s.current).toBe('failure');
  });

  it('liveness failure puts the worker on hold until a new container', () => {
    const s = initialProbeState('Liveness');
    const cfg = probeSettings({ httpGet: { port: 1 }, failureThreshold: 1 });
    expect(recordProbeResult(s, 'Liveness', 'failure', cfg)).toBe(true);
    expect(s.onHold).toBe(true);
  });
});
