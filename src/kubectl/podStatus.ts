/**
 * The READY, STATUS and RESTARTS columns of `kubectl get pods`, ported from `printPod` in
 * kubernetes/kubernetes `pkg/printers/internalversion/printers.go` (1.3x): the reason a user sees
 * (ContainerCreating, CrashLoopBackOff, Init:0/1, Terminating, ...), readiness counting restartable init
 * (sidecar) containers, and restarts with the time of the last one (`2 (5m12s ago)`).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { parseTimestamp } from '../engine';

export interface PodDisplay {
  /** `Running`, `ContainerCreating`, `Terminating`, ... */
  status: string;
  /** `1/1` */
  ready: string;
  readyContainers: number;
  totalContainers: number;
  restarts: number;
  /** Finish time (ms) of the most recent restart that counts, if any. */
  lastRestart: number | undefined;
  /** The pod's Ready condition is True. */
  podReady: boolean;
}

const terminalPhases = new Set(['Succeeded', 'Failed']);

function finishedAt(s: { lastState?: { terminated?: { finishedAt?: string } } }): number | undefined {
  const t = s.lastState?.terminated?.finishedAt;
  if (!t) return undefined;
  const ms = parseTimestamp(t);
  return Number.isNaN(ms) ? undefined : ms;
}

const later = (a: number | undefined, b: number | undefined) => (b !== undefined && (a === undefined || a < b) ? b : a);

/** Computes the pod row's status cells the way printPod does. */
export function podDisplay(pod: Pod): PodDisplay {
  const spec = pod.spec;
  const status = pod.status ?? {};
  let restarts = 0;
  let sidecarRestarts = 0;
  let total = spec?.containers?.length ?? 0;
  let ready = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  const phase = status.phase ?? '';
  let reason = status.reason || phase;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const initContainers = new Map((spec?.initContainers ?? []).map((c) => [c.name, c]));
  const isSidecar = (name: string) => initContainers.get(name)?.restartPolicy === 'Always';
  for (const c of spec?.initContainers ?? []) if (c.restartPolicy === 'Always') total++;

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, finishedAt(c));
    if (isSidecar(c.name)) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, finishedAt(c));
    }
    const term = c.state?.terminated;
    if (term && term.exitCode === 0) continue;
    if (isSidecar(c.name) && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
  if (!initializing || initializedTrue) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, finishedAt(c));
      const term = c.state?.terminated;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    // a pod whose containers completed but one still runs shows Running (or NotReady)
    if (reason === 'Completed' && hasRunning) reason = podReady ? 'Running' : 'NotReady';
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && !terminalPhases.has(phase)) reason = 'Terminating';

  return { status: reason, ready: `${ready}/${total}`, readyContainers: ready, totalContainers: total, restarts, lastRestart, podReady };
}
