/**
 * The STATUS and READY columns of `kubectl get pods` (printPod in pkg/printers/internalversion/printers.go):
 * the reason a user sees (ContainerCreating, CrashLoopBackOff, Terminating, ...), not just the phase.
 */
import type { Pod } from 'kubernetes-types/core/v1';

export interface PodDisplay {
  /** `Running`, `ContainerCreating`, `Terminating`, ... */
  status: string;
  /** `1/1` */
  ready: string;
  readyContainers: number;
  totalContainers: number;
  restarts: number;
  /** The pod's Ready condition is True. */
  podReady: boolean;
}

export function podDisplay(pod: Pod): PodDisplay {
  const total = pod.spec?.containers?.length ?? 0;
  let ready = 0;
  let restarts = 0;
  let reason = pod.status?.reason || pod.status?.phase || 'Pending';
  const initStatuses = pod.status?.initContainerStatuses ?? [];
  let initializing = false;
  const initTotal = pod.spec?.initContainers?.length ?? 0;
  initStatuses.forEach((c, i) => {
    restarts += c.restartCount ?? 0;
    if (c.state?.terminated?.exitCode === 0) return;
    if (c.state?.terminated) {
      reason = c.state.terminated.reason ? `Init:${c.state.terminated.reason}` : `Init:ExitCode:${c.state.terminated.exitCode}`;
      initializing = true;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
      initializing = true;
    } else if (!initializing) {
      reason = `Init:${i}/${initTotal}`;
      initializing = true;
    }
  });
  if (!initializing) {
    let hasRunning = false;
    const statuses = pod.status?.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated) {
        reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    const podReady = (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
    if (reason === 'Completed' && hasRunning) reason = podReady ? 'Running' : 'NotReady';
  }
  if (pod.metadata?.deletionTimestamp) {
    reason = pod.status?.reason === 'NodeLost' ? 'Unknown' : pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded' ? reason : 'Terminating';
  }
  const podReady = (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
  return { status: reason, ready: `${ready}/${total}`, readyContainers: ready, totalContainers: total, restarts, podReady };
}
