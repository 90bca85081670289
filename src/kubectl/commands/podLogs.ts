/**
 * The server side of `GET pods/NAME/log`: the kubelet's `validateContainerLogStatus` (which attempt's log to
 * read, or the BadRequest text kubectl prints), then the container log from the kubelet's runtime view,
 * filtered by `--tail`, `--since`/`--since-time`, `--limit-bytes` and stamped with `--timestamps`.
 */
import { type AccessLogEntry, type ApiStatus, formatTimestamp } from '../../engine';
import type { ContainerStatus, Pod } from '../../engine/api/types';
import type { CommandEnv } from '../cli/command';

export interface LogOptions {
  container: string;
  previous: boolean;
  timestamps: boolean;
  /** Last N lines; undefined for all. */
  tail?: number;
  /** Only lines at or after this time (ms). */
  since?: number;
  limitBytes?: number;
}

function badRequest(message: string): ApiStatus {
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason: 'BadRequest', code: 400 };
}

/** A container's status in a pod: app, init or ephemeral container (what the kubelet's log request looks up). */
export function containerStatusOf(pod: Pod, container: string): ContainerStatus | undefined {
  const s = pod.status;
  return [...(s?.containerStatuses ?? []), ...(s?.initContainerStatuses ?? []), ...(s?.ephemeralContainerStatuses ?? [])].find((x) => x.name === container);
}

/** Which attempt the kubelet reads: the current one, the previous one, or an error (`validateContainerLogStatus`). */
function logSource(pod: Pod, container: string, previous: boolean): 'current' | 'previous' | ApiStatus {
  const podName = pod.metadata?.name ?? '';
  const s = containerStatusOf(pod, container);
  if (!s) return badRequest(`container "${container}" in pod "${podName}" is not available`);
  const last = s.lastState?.terminated;
  if (previous) {
    if (!last?.containerID) return badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
    return 'previous';
  }
  if (s.state?.running) return 'current';
  if (s.state?.terminated) {
    if (s.state.terminated.containerID) return 'current';
    if (last?.containerID) return 'previous';
    return badRequest(`container "${container}" in pod "${podName}" is terminated`);
  }
  if (last) {
    if (!last.containerID) return badRequest(`container "${container}" in pod "${podName}" is terminated`);
    return 'previous';
  }
  const waiting = s.state?.waiting;
  if (waiting) {
    if (waiting.reason === 'ErrImagePull') return badRequest(`container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`);
    if (waiting.reason === 'ImagePullBackOff') return badRequest(`container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`);
    return badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${waiting.reason ?? ''}`);
  }
  return badRequest(`container "${container}" in pod "${podName}" is waiting to start - no logs yet`);
}

/** RFC 3339 with nanoseconds, trailing zeros dropped (`time.RFC3339Nano`), as `--timestamps` prefixes lines. */
export function rfc3339Nano(ms: number): string {
  const frac = String(((ms % 1000) + 1000) % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${formatTimestamp(ms).slice(0, 19)}${frac ? `.${frac}` : ''}Z`;
}

/** Formats log entries as the log stream carries them. */
export function renderLog(entries: readonly AccessLogEntry[], o: LogOptions): string {
  let lines = o.since !== undefined ? entries.filter((e) => e.time >= (o.since as number)) : [...entries];
  if (o.tail !== undefined && o.tail >= 0) lines = o.tail === 0 ? [] : lines.slice(-o.tail);
  let text = lines.map((e) => `${o.timestamps ? `${rfc3339Nano(e.time)} ` : ''}${e.line}\n`).join('');
  if (o.limitBytes !== undefined && o.limitBytes > 0) {
    const bytes = new TextEncoder().encode(text);
    if (bytes.length > o.limitBytes) text = new TextDecoder().decode(bytes.slice(0, o.limitBytes));
  }
  return text;
}

/** The log of one container: the text, or the apiserver/kubelet error. */
export function containerLog(env: CommandEnv, pod: Pod, o: LogOptions): { entries: AccessLogEntry[] } | { error: ApiStatus } {
  // a pod not yet on a node has no log location: the apiserver streams nothing
  if (!pod.spec?.nodeName) return { entries: [] };
  const source = logSource(pod, o.container, o.previous);
  if (typeof source !== 'string') return { error: source };
  const view = env.cluster.runtime.pod(pod.metadata?.namespace ?? 'default', pod.metadata?.name ?? '');
  const c = view?.containers.find((x) => x.name === o.container);
  const entries = (source === 'previous' ? c?.previousLog() : c?.log()) ?? [];
  return { entries };
}
