/**
 * `status.containerStatuses` from the runtime record (kubelet_pods.go `convertToAPIContainerStatuses` plus
 * the prober manager's `ready` / `started`). Statuses are sorted by container name, as the kubelet does.
 */
import type { Container, ContainerStatus, Pod } from '../api/types';
import { formatTimestamp } from '../clock';
import { type ContainerRuntime, initCompleted, type Termination } from './podRuntime';

/** containerStatuses entry with the 1.33+ `user` field. */
export type ContainerStatus134 = ContainerStatus & {
  user?: { linux: { uid: number; gid: number; supplementalGroups: number[] } };
};

function terminatedState(t: Termination) {
  return {
    containerID: t.containerID,
    exitCode: t.exitCode,
    finishedAt: formatTimestamp(t.finishedAt),
    ...(t.message ? { message: t.message } : {}),
    reason: t.reason,
    startedAt: formatTimestamp(t.startedAt),
  };
}

function volumeMountStatuses(c: Container) {
  if (!c.volumeMounts?.length) return undefined;
  return c.volumeMounts.map((m) => ({
    mountPath: m.mountPath,
    name: m.name,
    ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
  }));
}

// InPlacePodVerticalScaling (beta, on in 1.34): running containers report their cpu/memory/ephemeral-storage.
const reportedResources = ['cpu', 'memory', 'ephemeral-storage'];

function pick(list: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!list) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of reportedResources) if (list[k] !== undefined) out[k] = list[k];
  return Object.keys(out).length ? out : undefined;
}

/** Whether the container passes readiness: running, started, and its readiness probe (if any) succeeded. */
export function containerReady(cr: ContainerRuntime): boolean {
  if (cr.phase !== 'running' && cr.phase !== 'stopping') return false;
  if (!cr.started) return false;
  const r = cr.probes.get('Readiness');
  if (!cr.spec.readinessProbe) return true;
  return r?.state.current === 'success';
}

/**
 * One container's status. `podTerminal`: the pod has finished for good, so a container that never ran is
 * reported terminated with ContainerStatusUnknown (status manager `TerminatePod`). `defaultWaiting`: the
 * reason of a container with no runtime container yet, PodInitializing in a pod with init containers
 * (`convertToAPIContainerStatuses`).
 */
export function containerStatus(cr: ContainerRuntime, podTerminal: boolean, defaultWaiting = 'ContainerCreating'): ContainerStatus134 {
  const spec = cr.spec;
  const a = cr.attempt;
  const base: ContainerStatus134 = {
    name: cr.name,
    image: spec.image ?? '',
    imageID: '',
    lastState: cr.lastTermination ? { terminated: terminatedState(cr.lastTermination) } : {},
    // prober manager UpdatePodStatus: a regular init container is ready once it has exited 0
    ready: cr.kind === 'init' ? initCompleted(cr) : containerReady(cr),
    restartCount: cr.restartCount,
    started: (cr.phase === 'running' || cr.phase === 'stopping') && cr.started,
    state: { waiting: { reason: defaultWaiting } },
  };
  const mounts = volumeMountStatuses(spec);
  if (mounts) base.volumeMounts = mounts;
  if (!a) {
    if (podTerminal) {
      base.state = {
        terminated: { exitCode: 137, message: 'The container could not be located when the pod was terminated', reason: 'ContainerStatusUnknown' },
      };
    } else if (cr.waiting) base.state = { waiting: { ...cr.waiting } };
    return base;
  }
  base.containerID = a.containerID;
  base.image = a.statusImage;
  base.imageID = a.statusImageId;
  base.user = { linux: { uid: a.app.user.uid, gid: a.app.user.gid, supplementalGroups: [...a.app.user.supplementalGroups] } };
  const requests = pick(spec.resources?.requests as Record<string, unknown> | undefined);
  if (requests) base.allocatedResources = requests as ContainerStatus['allocatedResources'];
  if (cr.phase === 'running' || cr.phase === 'stopping') {
    base.state = { running: { startedAt: a.startedAtText } };
    const limits = pick(spec.resources?.limits as Record<string, unknown> | undefined);
    base.resources = { ...(limits ? { limits } : {}), ...(requests ? { requests } : {}) } as ContainerStatus['resources'];
  } else if (cr.terminated) {
    if (cr.waiting) {
      // crash-loop back-off: the exited attempt becomes lastState, the container waits
      base.state = { waiting: { ...cr.waiting } };
      base.lastState = { terminated: terminatedState(cr.terminated) };
    } else {
      base.state = { terminated: terminatedState(cr.terminated) };
    }
  }
  return base;
}

/** All app container statuses of a pod, sorted by name. */
export function containerStatuses(containers: readonly ContainerRuntime[], podTerminal: boolean, defaultWaiting?: string): ContainerStatus134[] {
  return containers.map((cr) => containerStatus(cr, podTerminal, defaultWaiting)).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

/**
 * `status.ephemeralContainerStatuses`, sorted by name: converted like init containers (no `resources`), never
 * ready and without `started` (the prober manager does not track them).
 */
export function ephemeralContainerStatuses(containers: readonly ContainerRuntime[]): ContainerStatus134[] {
  return containerStatuses(containers, false).map((s) => {
    const { started: _started, resources: _resources, allocatedResources: _allocated, ...rest } = s;
    return { ...rest, ready: false };
  });
}

/**
 * The init container statuses, in spec order (`SortStatusesOfInitContainers`). When the pod has finished for
 * good, TerminatePod marks the ones that have attempted to start (all but the trailing suffix still waiting,
 * and at least the first) terminated with ContainerStatusUnknown if they are not terminated already.
 */
export function initContainerStatuses(containers: readonly ContainerRuntime[], podTerminal: boolean): ContainerStatus134[] {
  const statuses = containers.map((cr) => containerStatus(cr, false, 'PodInitializing'));
  if (!podTerminal) return statuses;
  let attempted = statuses.length ? 1 : 0;
  for (let i = statuses.length - 1; i >= 0; i--) {
    if (!statuses[i].state?.waiting || statuses[i].lastState?.terminated) {
      attempted = i + 1;
      break;
    }
  }
  for (const s of statuses.slice(0, attempted)) {
    if (s.state?.terminated) continue;
    s.state = { terminated: { exitCode: 137, message: 'The container could not be located when the pod was terminated', reason: 'ContainerStatusUnknown' } };
  }
  return statuses;
}

/** The QoS class (v1qos.GetPodQOS) for pods admitted without one. */
export function podQOSClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  let any = false;
  let guaranteed = true;
  for (const c of pod.spec?.containers ?? []) {
    const req = (c.resources?.requests ?? {}) as Record<string, unknown>;
    const lim = (c.resources?.limits ?? {}) as Record<string, unknown>;
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
