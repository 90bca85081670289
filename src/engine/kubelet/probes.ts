/**
 * Container probes: defaults (pkg/apis/core/v1/defaults.go `SetDefaults_Probe`), one probe run
 * against the simulated app with the kubelet's exact output texts (pkg/probe/http, tcp, exec, grpc), and the
 * success/failure threshold bookkeeping of the prober worker (pkg/kubelet/prober/worker.go).
 */
import type { Container, Probe } from '../api/types';
import type { AppInstance } from './apps/app';
import { execInContainer } from './apps/containerExec';
import { expandEnvValue, staticVars } from './containerEnv';
import { formatGoDuration } from './goDuration';

export type ProbeType = 'Readiness' | 'Liveness' | 'Startup';

export interface ProbeSettings {
  initialDelayMs: number;
  periodMs: number;
  timeoutMs: number;
  successThreshold: number;
  failureThreshold: number;
}

/** Probe timing with the API defaults applied (pod defaulting may not have run). */
export function probeSettings(p: Probe): ProbeSettings {
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    periodMs: (p.periodSeconds || 10) * 1000,
    timeoutMs: (p.timeoutSeconds || 1) * 1000,
    successThreshold: p.successThreshold || 1,
    failureThreshold: p.failureThreshold || 3,
  };
}

/** The probe of each type a container declares. */
export function containerProbes(c: Container): Array<[ProbeType, Probe]> {
  const out: Array<[ProbeType, Probe]> = [];
  if (c.startupProbe) out.push(['Startup', c.startupProbe]);
  if (c.readinessProbe) out.push(['Readiness', c.readinessProbe]);
  if (c.livenessProbe) out.push(['Liveness', c.livenessProbe]);
  return out;
}

/** What a probe target offers: its IP, and the running app (undefined when the container is not running). */
export interface ProbeTarget {
  podIP: string;
  container: Container;
  instance: AppInstance | undefined;
  /** Source address of the kubelet's connection (`nodeIP:port`), for access logs. */
  source: string;
  kubeletVersion: string;
}

export type ProbeOutcome =
  | { result: 'success' | 'failure' | 'warning'; output: string }
  /** The probe could not run (bad port name): the worker throws the result away (prober.go). */
  | { result: 'error'; output: string };

function listening(t: ProbeTarget, port: number, protocol: 'TCP' | 'UDP'): boolean {
  if (!t.instance) return false;
  return t.instance.app.listeners(t.container).some((l) => l.port === port && l.protocol === protocol);
}

/** `probe.ResolveContainerPort`: a number, or a named containerPort. */
export function resolveProbePort(port: number | string | undefined, c: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

/** Runs one probe once. */
export function runProbe(p: Probe, t: ProbeTarget): ProbeOutcome {
  const timeout = formatGoDuration((p.timeoutSeconds || 1) * 1000);
  if (p.exec) {
    if (!t.instance) return { result: 'failure', output: '' };
    // the kubelet expands only the container's static `env` values in an exec probe's command, a valueFrom
    // variable as empty (kubernetes/kubernetes pkg/kubelet/prober/prober.go, ExpandContainerCommandOnlyStatic in
    // pkg/kubelet/container/helpers.go)
    const vars = staticVars(t.container);
    const command = (p.exec.command ?? []).map((arg) => expandEnvValue(arg, vars));
    const r = execInContainer(t.instance, command);
    return { result: r.exitCode === 0 ? 'success' : 'failure', output: r.stdout + r.stderr };
  }
  if (p.httpGet) {
    const port = resolveProbePort(p.httpGet.port, t.container);
    if (port === undefined) return { result: 'error', output: `couldn't find port: ${p.httpGet.port} in ${t.container.name}` };
    const scheme = (p.httpGet.scheme || 'HTTP').toLowerCase();
    const host = p.httpGet.host || t.podIP;
    let path = p.httpGet.path || '/';
    if (!path.startsWith('/')) path = `/${path}`;
    const url = `${scheme}://${host}:${port}${path}`;
    if (host !== t.podIP || !listening(t, port, 'TCP') || !t.instance) {
      return { result: 'failure', output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    }
    if (scheme === 'https') return { result: 'failure', output: `Get "${url}": http: server gave HTTP response to HTTPS client` };
    const headers: Record<string, string> = { 'User-Agent': `kube-probe/${t.kubeletVersion}`, Accept: '*/*' };
    for (const h of p.httpGet.httpHeaders ?? []) headers[h.name] = h.value;
    const out = t.instance.app.http(t.instance, { method: 'GET', path, port, headers, remoteAddr: t.source });
    if (out.kind === 'hang') {
      return { result: 'failure', output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` };
    }
    const { status, body } = out.response;
    if (status >= 200 && status < 300) return { result: 'success', output: body };
    if (status >= 300 && status < 400) return { result: 'warning', output: body };
    return { result: 'failure', output: `HTTP probe failed with statuscode: ${status}` };
  }
  if (p.tcpSocket) {
    const port = resolveProbePort(p.tcpSocket.port, t.container);
    if (port === undefined) return { result: 'error', output: `couldn't find port: ${p.tcpSocket.port} in ${t.container.name}` };
    const host = p.tcpSocket.host || t.podIP;
    if (host === t.podIP && listening(t, port, 'TCP')) return { result: 'success', output: '' };
    return { result: 'failure', output: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (p.grpc) {
    const addr = `${t.podIP}:${p.grpc.port}`;
    if (!listening(t, p.grpc.port, 'TCP') || !t.instance) {
      return { result: 'failure', output: `timeout: failed to connect service "${addr}" within ${timeout}: context deadline exceeded` };
    }
    const health = t.instance.app.grpcHealth?.(t.instance, p.grpc.port, p.grpc.service ?? '');
    if (health === undefined) {
      return {
        result: 'failure',
        output: `timeout: failed to connect service "${addr}" within ${timeout}: context deadline exceeded`,
      };
    }
    if (health !== 'SERVING') return { result: 'failure', output: `service unhealthy (responded with "${health}")` };
    return { result: 'success', output: 'service healthy' };
  }
  return { result: 'error', output: 'missing probe handler' };
}

/** The prober worker's memory for one probe of one container. */
export interface ProbeState {
  lastResult: 'success' | 'failure' | undefined;
  resultRun: number;
  /** The result the kubelet acts on (results manager). */
  current: 'success' | 'failure' | 'unknown';
  /** Set after a liveness/startup failure until a new container starts. */
  onHold: boolean;
}

/** The results manager's initial value (worker.go `initialValue`). */
export function initialProbeState(type: ProbeType): ProbeState {
  const current = type === 'Readiness' ? 'failure' : type === 'Liveness' ? 'success' : 'unknown';
  return { lastResult: undefined, resultRun: 0, current, onHold: false };
}

/**
 * Counts one probe result against the thresholds. Returns true when the acted-on result changed
 * (`resultsManager.Set` with a new value).
 */
export function recordProbeResult(state: ProbeState, type: ProbeType, result: 'success' | 'failure', s: ProbeSettings): boolean {
  if (state.lastResult === result) state.resultRun++;
  else {
    state.lastResult = result;
    state.resultRun = 1;
  }
  // liveness and startup probes must have successThreshold 1 (validation)
  const successThreshold = type === 'Readiness' ? s.successThreshold : 1;
  if ((result === 'failure' && state.resultRun < s.failureThreshold) || (result === 'success' && state.resultRun < successThreshold)) {
    return false;
  }
  const changed = state.current !== result;
  state.current = result;
  if (type !== 'Readiness' && result === 'failure') {
    state.onHold = true;
    state.resultRun = 0;
  }
  return changed;
}
