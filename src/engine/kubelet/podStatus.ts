/**
 * The kubelet's pod status (kubelet_pods.go `generateAPIPodStatus` and `getPhase`, pkg/kubelet/status
 * generate.go for the conditions, status manager for lastTransitionTime). 1.34 also writes
 * `observedGeneration` on the status and on each kubelet-owned condition (PodObservedGenerationTracking, beta).
 */
import type { Pod, PodCondition, PodStatus } from '../api/types';
import { type ContainerStatus134, containerStatuses, podQOSClass } from './containerStatuses';
import type { PodRuntime } from './podRuntime';
import { formatTimestamp } from '../clock';

export type PodCondition134 = PodCondition & { observedGeneration?: number };
export type PodStatus134 = Omit<PodStatus, 'conditions' | 'containerStatuses'> & {
  conditions?: PodCondition134[];
  containerStatuses?: ContainerStatus134[];
  observedGeneration?: number;
};

const kubeletConditions = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);

/** `getPhase` for pods without init containers. `podIsTerminal`: the kubelet has finished the pod for good. */
export function podPhase(pod: Pod, statuses: readonly ContainerStatus134[], podIsTerminal: boolean): string {
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.lastState?.terminated) stopped++;
    else waiting++;
  }
  const policy = pod.spec?.restartPolicy || 'Always';
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

function readyConditions(pod: Pod, statuses: readonly ContainerStatus134[], phase: string): Array<{ status: string; reason?: string; message?: string }> {
  // generate.go: ContainersReady, and Ready copying it (no readiness gates in the simulation)
  if (phase === 'Succeeded' || phase === 'Failed') {
    const reason = phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed';
    return [{ status: 'False', reason }];
  }
  const unready = (pod.spec?.containers ?? []).filter((c) => !statuses.find((s) => s.name === c.name)?.ready).map((c) => c.name);
  if (unready.length) return [{ status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` }];
  return [{ status: 'True' }];
}

/** Generates the pod status the kubelet reports now. */
export function generatePodStatus(pr: PodRuntime, hostIP: string, now: number): PodStatus134 {
  const pod = pr.pod;
  const old = (pr.statusCache ?? pod.status ?? {}) as PodStatus134;
  const statuses = containerStatuses(pr.containers, pr.terminal && !!pr.terminating);
  let phase = podPhase(pod, statuses, pr.terminal);
  // status manager TerminatePod: a finished pod always ends in a terminal phase
  if (pr.terminal && pr.terminating && phase !== 'Succeeded' && phase !== 'Failed') phase = 'Failed';
  // phases never leave Succeeded/Failed
  const apiPhase = pod.status?.phase;
  if (apiPhase === 'Succeeded' || apiPhase === 'Failed') phase = apiPhase;

  const generation = pod.metadata?.generation;
  const gen = generation !== undefined ? { observedGeneration: generation } : {};
  const ready = readyConditions(pod, statuses, phase)[0];
  const fresh: Array<Omit<PodCondition134, 'lastTransitionTime'>> = [
    { type: 'PodReadyToStartContainers', status: pr.sandbox ? 'True' : 'False' },
    { type: 'Initialized', status: 'True', ...(phase === 'Succeeded' ? { reason: 'PodCompleted' } : {}) },
    { type: 'Ready', ...ready },
    { type: 'ContainersReady', ...ready },
    { type: 'PodScheduled', status: 'True' },
  ];
  const conditions: PodCondition134[] = (pod.status?.conditions ?? []).filter((c) => !kubeletConditions.has(c.type)).map((c) => ({ ...c }));
  // a condition's time is formatted only when one transitions, once per status write
  let t: string | undefined;
  const conditionTime = (): string => {
    t ??= formatTimestamp(now);
    return t;
  };
  for (const c of fresh) {
    const prev = old.conditions?.find((o) => o.type === c.type);
    const lastTransitionTime = prev && prev.status === c.status && prev.lastTransitionTime ? prev.lastTransitionTime : conditionTime();
    conditions.push({ lastProbeTime: null as unknown as string, lastTransitionTime, ...gen, ...c } as PodCondition134);
  }

  const ip = pr.sandbox?.ip ?? pr.lastIP;
  const status: PodStatus134 = {
    conditions,
    containerStatuses: statuses,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...gen,
    phase,
    ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
    qosClass: pod.status?.qosClass ?? podQOSClass(pod),
    startTime: pod.status?.startTime ?? formatTimestamp(pr.startTime),
  };
  if (phase === pod.status?.phase) {
    if (pod.status?.reason) status.reason = pod.status.reason;
    if (pod.status?.message) status.message = pod.status.message;
  }
  if (pod.status?.nominatedNodeName) status.nominatedNodeName = pod.status.nominatedNodeName;
  return status;
}
