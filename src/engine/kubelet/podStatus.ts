/**
 * The kubelet's pod status (kubelet_pods.go `generateAPIPodStatus` and `getPhase`, pkg/kubelet/status
 * generate.go for the conditions, status manager for lastTransitionTime). 1.34 also writes
 * `observedGeneration` on the status and on each kubelet-owned condition (PodObservedGenerationTracking, beta).
 */
import type { Pod, PodCondition, PodStatus } from '../api/types';
import { type ContainerStatus134, containerStatuses, ephemeralContainerStatuses, initContainerStatuses, podQOSClass } from './containerStatuses';
import type { PodRuntime } from './podRuntime';
import { formatTimestamp } from '../clock';

export type PodCondition134 = PodCondition & { observedGeneration?: number };
export type PodStatus134 = Omit<PodStatus, 'conditions' | 'containerStatuses'> & {
  conditions?: PodCondition134[];
  containerStatuses?: ContainerStatus134[];
  observedGeneration?: number;
};

const kubeletConditions = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);

function isTerminatedWithFailure(s: ContainerStatus134 | undefined, last: boolean): boolean {
  const t = last ? s?.lastState?.terminated : s?.state?.terminated;
  return !!t && t.exitCode !== 0;
}

/**
 * `getPhase` (kubelet_pods.go, ContainerRestartRules off as in 1.34's defaults). `podIsTerminal`: the kubelet
 * has finished the pod for good. `podHasInitialized`: an app container of this sandbox has started.
 */
export function podPhase(
  pod: Pod,
  statuses: readonly ContainerStatus134[],
  podIsTerminal: boolean,
  initStatuses: readonly ContainerStatus134[] = [],
  podHasInitialized = true,
): string {
  let pendingRegularInit = 0;
  let pendingSidecars = 0;
  let failedInitialization = 0;
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  const initSpecs = pod.spec?.initContainers ?? [];
  for (const c of initSpecs) {
    if (c.restartPolicy === 'Always') continue;
    const s = initStatuses.find((x) => x.name === c.name);
    if (!s || s.state?.running) pendingRegularInit++;
    else if (s.state?.terminated) {
      if (isTerminatedWithFailure(s, false)) failedInitialization++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) {
        if (isTerminatedWithFailure(s, true)) failedInitialization++;
      } else pendingRegularInit++;
    } else pendingRegularInit++;
  }
  for (const c of initSpecs) {
    if (c.restartPolicy !== 'Always') continue;
    const s = initStatuses.find((x) => x.name === c.name);
    if (!s) unknown++;
    else if (s.state?.running) {
      if (!s.started) pendingSidecars++;
      running++;
    } else if (s.state?.waiting && !s.lastState?.terminated) {
      pendingSidecars++;
      waiting++;
    } else if (!s.state?.terminated && !s.state?.waiting) {
      pendingSidecars++;
      unknown++;
    }
  }
  for (const s of statuses) {
    if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.lastState?.terminated) stopped++;
    else waiting++;
  }
  const policy = pod.spec?.restartPolicy || 'Always';
  if (failedInitialization > 0 && policy === 'Never') return 'Failed';
  if (pendingRegularInit > 0 || (pendingSidecars > 0 && !podHasInitialized) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

type ConditionFields = { status: string; reason?: string; message?: string };

/** generate.go `GenerateContainersReadyCondition` (Ready copies it: no readiness gates in the simulation). */
function readyConditions(pod: Pod, statuses: readonly ContainerStatus134[], initStatuses: readonly ContainerStatus134[], phase: string): ConditionFields[] {
  if (phase === 'Succeeded' || phase === 'Failed') {
    const reason = phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed';
    return [{ status: 'False', reason }];
  }
  // sidecars first, in spec order, then the app containers (one pass each: every status write of every pod comes here)
  const unready: string[] = [];
  for (const c of pod.spec?.initContainers ?? []) if (c.restartPolicy === 'Always' && !initStatuses.find((s) => s.name === c.name)?.ready) unready.push(c.name);
  for (const c of pod.spec?.containers ?? []) if (!statuses.find((s) => s.name === c.name)?.ready) unready.push(c.name);
  if (unready.length) return [{ status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` }];
  return [{ status: 'True' }];
}

/** generate.go `GeneratePodInitializedCondition`. */
function initializedCondition(pod: Pod, statuses: readonly ContainerStatus134[], initStatuses: readonly ContainerStatus134[], phase: string): ConditionFields {
  if (phase === 'Succeeded') return { status: 'True', reason: 'PodCompleted' };
  // an app container that has run means the pod initialized before (sidecars may be restarting)
  if (statuses.some((s) => s.state?.running || s.state?.terminated)) return { status: 'True' };
  const incomplete = (pod.spec?.initContainers ?? [])
    .filter((c) => {
      const s = initStatuses.find((x) => x.name === c.name);
      return c.restartPolicy === 'Always' ? !s?.started : !s?.ready;
    })
    .map((c) => c.name);
  if (incomplete.length) return { status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${incomplete.join(' ')}]` };
  return { status: 'True' };
}

/**
 * status manager `hasPodInitialized`, from the status last written: an app container left waiting, or the last
 * init container completed (a sidecar: running and started).
 */
function podHasInitialized(pod: Pod): boolean {
  const status = pod.status;
  if ((status?.containerStatuses ?? []).some((s) => s.lastState?.terminated || !s.state?.waiting)) return true;
  const inits = status?.initContainerStatuses ?? [];
  const last = inits.at(-1);
  const spec = pod.spec?.initContainers?.[inits.length - 1];
  if (!last || !spec) return false;
  if (spec.restartPolicy === 'Always') return !!last.state?.running && !!last.started;
  return last.lastState?.terminated?.exitCode === 0 || last.state?.terminated?.exitCode === 0;
}

/** Generates the pod status the kubelet reports now. */
export function generatePodStatus(pr: PodRuntime, hostIP: string, now: number): PodStatus134 {
  const pod = pr.pod;
  const old = (pr.statusCache ?? pod.status ?? {}) as PodStatus134;
  const podTerminal = pr.terminal && !!pr.terminating;
  const hasInit = pr.initContainers.length > 0;
  const initStatuses = hasInit ? initContainerStatuses(pr.initContainers, podTerminal) : [];
  // TerminatePod: app containers that never ran stay waiting until the pod has initialized (hasPodInitialized)
  const appTerminal = podTerminal && (!hasInit || podHasInitialized(pod));
  const statuses = containerStatuses(pr.containers, appTerminal, hasInit ? 'PodInitializing' : undefined);
  const sandboxStarted = pr.containers.some((c) => c.phase === 'running' || c.phase === 'stopping' || (c.phase === 'exited' && !!c.attempt));
  let phase = podPhase(pod, statuses, pr.terminal, initStatuses, sandboxStarted);
  // status manager TerminatePod: a finished pod always ends in a terminal phase
  if (pr.terminal && pr.terminating && phase !== 'Succeeded' && phase !== 'Failed') phase = 'Failed';
  // phases never leave Succeeded/Failed
  const apiPhase = pod.status?.phase;
  if (apiPhase === 'Succeeded' || apiPhase === 'Failed') phase = apiPhase;

  const generation = pod.metadata?.generation;
  const gen = generation !== undefined ? { observedGeneration: generation } : {};
  const ready = readyConditions(pod, statuses, initStatuses, phase)[0];
  const fresh: Array<Omit<PodCondition134, 'lastTransitionTime'>> = [
    { type: 'PodReadyToStartContainers', status: pr.sandbox ? 'True' : 'False' },
    { type: 'Initialized', ...initializedCondition(pod, statuses, initStatuses, phase) },
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
    ...(pr.ephemeralContainers.length ? { ephemeralContainerStatuses: ephemeralContainerStatuses(pr.ephemeralContainers) } : {}),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(hasInit ? { initContainerStatuses: initStatuses } : {}),
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
