/**
 * The pod worker: walks a pod through the lifecycle stages (`lifecycleStages.ts`) on its node — admission,
 * sandbox and IP, container starts, graceful termination, power cycles of the node — by mutating the
 * runtime record and scheduling timers. It never writes the Pod: it asks for a status sync, and the
 * kubelet's `sync(key)` generates and writes the status from the record.
 */
import type { Container, Pod } from '../api/types';
import { abandonStart, advanceStart, decideRestart, finishTerminationIfDone, processExited, stopContainer, tearDownSandbox } from './containerLifecycle';
import { randomHex64 } from './hexIds';
import type { KubeletHost } from './kubeletHost';
import { jitter, podTimer } from './kubeletHost';
import { recordStageEvents } from './kubeletEvents';
import { stages } from './lifecycleStages';
import { unmountableVolumes } from './configVolumes';
import { allContainers, newContainerRuntime, newPodRuntime, type PodRuntime } from './podRuntime';

/** Admits a pod bound to the node: the first status, then the sandbox after its delay. */
export function admitPod(host: KubeletHost, pod: Pod, node: string): PodRuntime {
  const pr = newPodRuntime(pod, node, host.ctx.clock.now());
  scheduleSandbox(host, pr, jitter(host, stages.sandboxReady.delay));
  return pr;
}

function scheduleSandbox(host: KubeletHost, pr: PodRuntime, delayMs: number): void {
  podTimer(host, pr, delayMs, 'sandbox', () => createSandbox(host, pr));
}

/**
 * The volume manager's exponential back-off between mount attempts of a volume that failed
 * (kubernetes/kubernetes `pkg/util/goroutinemap/exponentialbackoff`: 500 ms doubling, at most 2 min 2 s).
 */
const mountBackoff = { initialMs: 500, maxMs: 122_000 };

/**
 * Mounts the pod's volumes (WaitForAttachAndMount comes before the sandbox in SyncPod): a ConfigMap or Secret
 * volume that cannot be set up records `FailedMount` and is tried again after the back-off; true once all are
 * mounted.
 */
function mountVolumes(host: KubeletHost, pr: PodRuntime): boolean {
  if (pr.volumesMountedAt !== undefined) return true;
  const { store, recorder, clock } = host.ctx;
  const ns = pr.pod.metadata?.namespace || 'default';
  const failed = unmountableVolumes(pr.pod, (kind, name) => store.get(kind, `${ns}/${name}`));
  if (!failed.length) {
    pr.volumesMountedAt = clock.now();
    pr.mountBackoffMs = undefined;
    return true;
  }
  for (const f of failed) {
    recorder.event(pr.pod, 'Pod', { component: 'kubelet', host: pr.node }, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${f.volume}" : ${f.message}`);
  }
  const wait = pr.mountBackoffMs === undefined ? mountBackoff.initialMs : Math.min(pr.mountBackoffMs * 2, mountBackoff.maxMs);
  pr.mountBackoffMs = wait;
  podTimer(host, pr, wait, 'mount volumes', () => createSandbox(host, pr));
  return false;
}

function createSandbox(host: KubeletHost, pr: PodRuntime): void {
  const agent = host.agent(pr.node);
  if (!agent || pr.terminating || pr.terminal) return;
  if (!mountVolumes(host, pr)) return;
  const id = randomHex64(host.ctx.rand);
  // host-network pods share the node's network namespace: no CNI, the pod IP is the node IP
  const ip = pr.pod.spec?.hostNetwork ? agent.ip : agent.ipam.allocate(id);
  if (!ip) {
    const message =
      `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${id}": ` +
      `plugin type="ptp" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${agent.podCIDR}`;
    host.ctx.recorder.event(pr.pod, 'Pod', { component: 'kubelet', host: pr.node }, 'Warning', 'FailedCreatePodSandBox', message);
    scheduleSandbox(host, pr, 10_000);
    return;
  }
  pr.sandbox = { id, ip };
  pr.lastIP = ip;
  advanceStart(host, pr);
}

/** Cancels everything still scheduled for the pod. */
export function cancelPodTimers(pr: PodRuntime): void {
  for (const t of pr.timers) t.cancel();
  pr.timers.clear();
  for (const c of allContainers(pr)) {
    c.timer = undefined;
    if (c.attempt) c.attempt.timers = [];
    for (const w of c.probes.values()) {
      w.timer = undefined;
      w.quietSince = undefined;
    }
  }
}

/** Forgets a pod: its containers are gone and its IP is released (pod removed from the API). */
export function tearDownPod(host: KubeletHost, pr: PodRuntime): void {
  cancelPodTimers(pr);
  tearDownSandbox(host, pr);
  pr.closed = true;
}

/** Starts graceful termination: SIGTERM to running containers, nothing new is started. */
export function beginTermination(host: KubeletHost, pr: PodRuntime, graceMs: number): void {
  const now = host.ctx.clock.now();
  const deadline = now + graceMs;
  if (pr.terminating) {
    // a second delete may only shorten the grace period: kill what is still stopping at the new deadline
    if (deadline >= pr.terminating.deadline) return;
    pr.terminating.deadline = deadline;
    for (const cr of allContainers(pr)) {
      if (cr.phase !== 'stopping') continue;
      cr.timer?.cancel();
      cr.timer = podTimer(host, pr, graceMs, `kill ${cr.name}`, () => processExited(host, pr, cr, 137, true));
    }
    return;
  }
  pr.terminating = { since: now, deadline };
  // app and regular init containers get SIGTERM now; running sidecars once those have exited
  for (const cr of allContainers(pr)) {
    if (cr.phase === 'running' && cr.kind !== 'sidecar') stopContainer(host, pr, cr, `Stopping container ${cr.name}`, graceMs, false);
    else if (cr.phase !== 'stopping' && cr.phase !== 'running') abandonStart(cr);
  }
  finishTerminationIfDone(host, pr);
}

/**
 * A container whose image changed in the spec (the only mutable container field) is killed and started
 * again with the new definition (computePodActions: "definition changed").
 */
export function applySpecChange(host: KubeletHost, pr: PodRuntime, pod: Pod): void {
  addEphemeralContainers(host, pr, pod);
  // an init container's new image is what its next run uses (a run that completed does not run again)
  for (const c of pod.spec?.initContainers ?? []) {
    const cr = pr.initContainers.find((x) => x.name === c.name);
    if (cr) cr.spec = c;
  }
  for (const c of pod.spec?.containers ?? []) {
    const cr = pr.containers.find((x) => x.name === c.name);
    if (!cr || cr.spec === c) continue;
    const changed = cr.spec.image !== c.image;
    cr.spec = c;
    if (!changed || pr.terminating || pr.terminal) continue;
    const message = `Container ${c.name} definition changed, will be restarted`;
    if (cr.phase === 'running') {
      stopContainer(host, pr, cr, message, (pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000, true);
    } else if (cr.phase === 'backoff' || cr.phase === 'exited') {
      cr.timer?.cancel();
      cr.timer = undefined;
      decideRestart(host, pr, cr, true);
    } else if (cr.phase === 'pending' && cr.waiting) {
      // a container the kubelet could not start (InvalidImageName, ErrImageNeverPull, CreateContainerConfigError)
      // is tried with the new image now, its pending retry dropped
      cr.timer?.cancel();
      cr.timer = undefined;
      cr.waiting = undefined;
      advanceStart(host, pr);
    }
  }
}

/** Powers the pod's containers off with the node: processes vanish, nothing is written anywhere. */
export function powerOffPod(pr: PodRuntime): void {
  cancelPodTimers(pr);
}

/**
 * The node is back: a deleted pod finishes (its containers died with the node, exit 255), a live pod gets
 * a new sandbox (new IP: the IPAM state was on tmpfs) and its containers start again.
 */
export function powerOnPod(host: KubeletHost, pr: PodRuntime, stoppedAt: number): void {
  pr.statusCache = undefined;
  for (const cr of allContainers(pr)) {
    if ((cr.phase === 'running' || cr.phase === 'stopping') && cr.attempt) {
      cr.terminated = { containerID: cr.attempt.containerID, exitCode: 255, reason: 'Unknown', startedAt: cr.attempt.startedAt, finishedAt: stoppedAt };
      cr.phase = 'exited';
    } else if (cr.phase === 'starting' || cr.phase === 'backoff') {
      cr.phase = cr.attempt ? 'exited' : 'pending';
    }
    cr.restartAfterStop = false;
  }
  pr.sandbox = undefined;
  if (pr.terminating || pr.pod.metadata?.deletionTimestamp) {
    pr.terminating ??= { since: host.ctx.clock.now(), deadline: host.ctx.clock.now() };
    for (const cr of allContainers(pr)) if (cr.phase !== 'exited') abandonStart(cr);
    finishTerminationIfDone(host, pr);
    return;
  }
  if (pr.terminal) return;
  recordStageEvents(host.ctx.recorder, pr.node, pr.pod, stages.sandboxChanged.events, {});
  // a new sandbox runs its init containers again, completed ones included (computePodActions); an ephemeral
  // container that has a status is never started again
  for (const cr of allContainers(pr)) if (cr.phase === 'exited' && (cr.kind !== 'ephemeral' || !cr.attempt)) cr.phase = 'pending';
  pr.initialized = pr.initContainers.length === 0;
  pr.initialSyncDone = false;
  scheduleSandbox(host, pr, jitter(host, stages.sandboxReady.delay));
  host.requestSync(pr);
}

/** A runtime record for containers added to a spec the kubelet did not know (never happens for pods; kept safe). */
export function ensureContainers(pr: PodRuntime, pod: Pod): void {
  for (const c of pod.spec?.containers ?? []) if (!pr.containers.some((x) => x.name === c.name)) pr.containers.push(newContainerRuntime(c));
}

/**
 * Ephemeral containers added through the `ephemeralcontainers` subresource (kuberuntime_manager.go
 * `computePodActions`: one without a status is started, in a running sandbox, with no wait for initialization).
 */
function addEphemeralContainers(host: KubeletHost, pr: PodRuntime, pod: Pod): void {
  const added = (pod.spec?.ephemeralContainers ?? []).filter((c) => !pr.ephemeralContainers.some((x) => x.name === c.name));
  if (!added.length) return;
  for (const c of added) pr.ephemeralContainers.push(newContainerRuntime(c as Container, 'ephemeral'));
  advanceStart(host, pr);
}
