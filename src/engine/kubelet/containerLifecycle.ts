/**
 * One container's way through the lifecycle stages: image check or pull, create and start, the process
 * plan (files, exit), stop on SIGTERM within the grace period, and the restart decision with crash-loop
 * back-off (kuberuntime_manager.go `computePodActions` / `doBackOff`, flowcontrol.Backoff).
 */
import { flushProcessOutput, newAppInstance, type ProcessIo, writeProcessOutput } from './apps/app';
import { genericApp } from './apps/genericApp';
import { imageLacksProgram } from './apps/imageExecutables';
import { appForContainer } from './apps/registry';
import { resolveEnvSources } from './configSources';
import { expandCommandAndArgs, kubeletEnv, kubeletVars, processEnvironment } from './containerEnv';
import { formatGoDuration } from './goDuration';
import { flatConcat } from '../shared';
import { normalizedNameError } from '../../shared/imageReference';
import { randomHex64 } from './hexIds';
import { podHostnameAndDomain } from './hostsFile';
import { defaultPullPolicy, imageKey, imageSizeBytes, statusImage, statusImageId } from './images';
import type { KubeletHost } from './kubeletHost';
import { jitter, logPod, podTimer } from './kubeletHost';
import { recordStageEvents } from './kubeletEvents';
import { crashLoopBackOff, imagePull, stages } from './lifecycleStages';
import { type ContainerRuntime, initCompleted, type PodRuntime } from './podRuntime';
import { formatPod } from './podRuntime';
import { runProcessScript } from './processScript';
import { startProbes, stopProbes, wakeProbes } from './probeManager';

/**
 * Starts what the pod runs next (kuberuntime_manager.go `computePodActions`): until the pod has initialized,
 * the first init container that has not completed (a sidecar: not yet started) and nothing after it; then
 * the app containers, one by one in spec order, as SyncPod starts them.
 */
export function advanceStart(host: KubeletHost, pr: PodRuntime): void {
  if (!pr.sandbox || pr.terminating || pr.terminal || pr.finishing) return;
  // SyncPod step 5: ephemeral containers start whether or not the pod has initialized
  for (const cr of pr.ephemeralContainers) if (cr.phase === 'pending' && !cr.waiting) beginStart(host, pr, cr);
  if (!pr.initialized) {
    for (const cr of pr.initContainers) {
      if (initCompleted(cr) || (cr.kind === 'sidecar' && cr.phase === 'running' && cr.started)) continue;
      if (cr.phase === 'pending' && !cr.waiting) beginStart(host, pr, cr);
      return;
    }
    pr.initialized = true;
  }
  if (pr.containers.some((c) => c.phase === 'starting')) return;
  const next = pr.containers.find((c) => c.phase === 'pending' && !c.waiting);
  if (next) {
    beginStart(host, pr, next);
    return;
  }
  if (!pr.initialSyncDone) {
    pr.initialSyncDone = true;
    host.requestSync(pr);
  }
}

/** Image check or pull, then create and start (one timer per container start). */
export function beginStart(host: KubeletHost, pr: PodRuntime, cr: ContainerRuntime): void {
  const agent = host.agent(pr.node);
  if (!agent) return;
  const { clock, rand, recorder } = host.ctx;
  const now = clock.now();
  const image = cr.spec.image ?? '';
  const key = imageKey(image);
  const policy = cr.spec.imagePullPolicy || defaultPullPolicy(image);
  const present = agent.hasImage(key, now);
  cr.phase = 'starting';
  cr.waiting = undefined;
  // image_manager.go EnsureImageExists: a reference that does not parse is InvalidImageName, before any pull
  const unparsable = normalizedNameError(image);
  if (unparsable !== undefined) {
    const message = `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${unparsable}`;
    cr.phase = 'pending';
    cr.waiting = { reason: 'InvalidImageName', message };
    const src = { component: 'kubelet', host: pr.node };
    recorder.event(pr.pod, 'Pod', src, 'Warning', 'InspectFailed', message, cr.fieldPath);
    recorder.event(pr.pod, 'Pod', src, 'Warning', 'Failed', 'Error: InvalidImageName', cr.fieldPath);
    host.requestSync(pr);
    return;
  }
  if (policy === 'Never' && !present) {
    cr.phase = 'pending';
    cr.waiting = { reason: 'ErrImageNeverPull', message: `Container image "${image}" is not present with pull policy of Never` };
    recorder.event(pr.pod, 'Pod', { component: 'kubelet', host: pr.node }, 'Warning', 'ErrImageNeverPull', cr.waiting.message, cr.fieldPath);
    host.requestSync(pr);
    return;
  }
  const startDelay = jitter(host, stages.containerStarted.delay);
  if (policy !== 'Always' && present) {
    cr.timer = podTimer(host, pr, startDelay, `start ${cr.name}`, () => {
      recordStageEvents(recorder, pr.node, pr.pod, stages.imagePresent.events, { image }, cr.fieldPath);
      startContainer(host, pr, cr);
    });
    return;
  }
  // serialized image pulls (serializeImagePulls: true): wait for the puller, then pull
  recordStageEvents(recorder, pr.node, pr.pod, stages.imagePulling.events, { image }, cr.fieldPath);
  const begin = Math.max(now, agent.pullFreeAt);
  const available = agent.imageAvailableAt(key);
  const pullMs =
    available !== undefined && available <= begin
      ? jitter(host, imagePull.presentRecheckMs)
      : imagePull.baseMs + Math.round(imageSizeBytes(image) / rand.between(imagePull.minBytesPerMs, imagePull.maxBytesPerMs));
  const end = begin + pullMs;
  agent.pullFreeAt = end;
  agent.markImage(key, end);
  cr.timer = podTimer(host, pr, end - now + startDelay, `pull and start ${cr.name}`, () => {
    recordStageEvents(recorder, pr.node, pr.pod, stages.imagePulled.events, {
      image,
      pullDuration: formatGoDuration(pullMs),
      totalDuration: formatGoDuration(end - now),
      size: imageSizeBytes(image),
    }, cr.fieldPath);
    startContainer(host, pr, cr);
  });
}

/** CreateContainer + StartContainer: a new attempt with its environment, app instance, plan and probes. */
export function startContainer(host: KubeletHost, pr: PodRuntime, cr: ContainerRuntime): void {
  const agent = host.agent(pr.node);
  if (!agent || !pr.sandbox) return;
  const { clock, rand, recorder, config } = host.ctx;
  const now = clock.now();
  // generateContainerConfig reads the ConfigMaps and Secrets the environment names before the container exists
  const resolved = resolveEnvSources(host.ctx.store, pr.pod.metadata?.namespace || 'default', cr.spec);
  if (!resolved.ok) {
    failContainerConfig(host, pr, cr, resolved.message);
    return;
  }
  if (cr.attempt) {
    cr.restartCount++;
    cr.lastTermination = cr.terminated;
    // the runtime keeps the exited container (and its log) until the next one replaces it: `logs --previous`
    cr.previousAttempt = cr.attempt;
  }
  cr.terminated = undefined;
  cr.waiting = undefined;
  const pod = pr.pod;
  // The Services visible now (an immutable, shared snapshot) and the pod as it is now fix the environment;
  // the strings are only built when someone reads them.
  const serviceEnv = host.serviceEnv(pod.metadata?.namespace || 'default', pod.spec?.enableServiceLinks !== false);
  const downward = { podIP: pr.sandbox.ip, hostIP: agent.ip };
  const spec = cr.spec;
  // the process runs what the kubelet hands the runtime: $(VAR) in command and args expanded from its variables
  const vars = kubeletVars(pod, spec, serviceEnv, downward, resolved.sources);
  const process = expandCommandAndArgs(spec, vars);
  const app = appForContainer(process, vars);
  // the runtime creates the container, then runc cannot exec a program the image does not have
  const program = app.argv?.(process)[0];
  const missing = program !== undefined && imageLacksProgram(app, spec.image ?? '', program) ? program : undefined;
  const events = missing === undefined ? stages.containerStarted.events : stages.containerStarted.events.filter((e) => e.reason === 'Created');
  recordStageEvents(recorder, pr.node, pr.pod, events, { container: cr.name }, cr.fieldPath);
  const instance = newAppInstance(app, () => clock.now());
  // an HTTP call that changes the app's answers (kuard's probe API) puts quiet probe workers back on their grid
  instance.changed = () => wakeProbes(host, pr);
  const { hostname } = podHostnameAndDomain(pod, config.clusterDomain);
  let env: string[] | undefined;
  const buildEnv = () => {
    env ??= processEnvironment(app.imageEnv(spec.image ?? ''), hostname, kubeletEnv(pod, spec, serviceEnv, downward, resolved.sources), app.home);
    return env;
  };
  cr.attempt = {
    containerID: flatConcat('containerd://', randomHex64(rand)),
    image: cr.spec.image ?? '',
    statusImage: statusImage(cr.spec.image ?? ''),
    statusImageId: statusImageId(cr.spec.image ?? ''),
    startedAt: now,
    startedAtText: clock.timestamp(),
    app,
    process,
    instance,
    get env() {
      return buildEnv();
    },
    timers: [],
  };
  if (missing !== undefined) {
    failToStart(host, pr, cr, missing);
    return;
  }
  cr.phase = 'running';
  cr.started = !cr.spec.startupProbe;
  cr.timer = undefined;
  logPod(host, pr, `started container ${cr.name} in ${pr.key}`);
  const attempt = cr.attempt;
  let plan = app.plan(process);
  const exit = (code: number) => processExited(host, pr, cr, code, false);
  // an init container of an image svcsim does not know: taken to do its setup and exit 0, as most do (the
  // cluster log says so); left running, it would hold the pod at Init:0/N forever
  if (cr.kind === 'init' && app === genericApp && !plan.script && !plan.exit) {
    plan = { exit: { atMs: 0, code: 0 } };
    logPod(host, pr, `svcsim does not know what image ${cr.spec.image ?? ''} does: init container ${cr.name} is taken to exit 0 at once`);
  }
  // a shell's script runs up to its first sleep now
  if (plan.script) attempt.timers.push(runProcessScript(host, pr, cr.name, plan.script(processIo(host, pr, cr.name, attempt, buildEnv)), exit));
  if (plan.exit) {
    const code = plan.exit.code;
    attempt.timers.push(podTimer(host, pr, plan.exit.atMs, `process exit ${cr.name}`, () => exit(code)));
  }
  startProbes(host, pr, cr);
  // each init container starts in a SyncPod of its own, whose status is written; app containers start in one
  if (pr.initialSyncDone || cr.kind !== 'app') host.requestSync(pr);
  advanceStart(host, pr);
}

/**
 * The container was created but its process could not start: the image has no such program. containerd
 * reports runc's error (`StartError`, exit code 128, never started: startedAt is the zero time), the kubelet
 * records it as `Failed`, and the restart policy decides as for any exit (kubernetes/kubernetes
 * `pkg/kubelet/kuberuntime/kuberuntime_container.go` startContainer; containerd's task create error).
 */
function failToStart(host: KubeletHost, pr: PodRuntime, cr: ContainerRuntime, program: string): void {
  const { clock, recorder } = host.ctx;
  const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${program}": executable file not found in $PATH: unknown`;
  recorder.event(pr.pod, 'Pod', { component: 'kubelet', host: pr.node }, 'Warning', 'Failed', `Error: ${message}`, cr.fieldPath);
  const containerID = cr.attempt?.containerID ?? '';
  cr.terminated = { containerID, exitCode: 128, reason: 'StartError', message, startedAt: 0, finishedAt: clock.now() };
  cr.phase = 'exited';
  cr.timer = undefined;
  logPod(host, pr, `container ${cr.name} in ${pr.key} could not start: the image has no ${program}`);
  cr.timer = podTimer(host, pr, jitter(host, stages.exitNoticed.delay), `notice start error ${cr.name}`, () => {
    cr.timer = undefined;
    host.requestSync(pr);
    decideRestart(host, pr, cr, false);
  });
}

/**
 * The container could not be created from its configuration (`ErrCreateContainerConfig`): it waits with
 * `CreateContainerConfigError`, the kubelet records `Error: <message>`, and the pod worker tries the pod again
 * after its back-off period (kubernetes/kubernetes `pkg/kubelet/pod_workers.go` completeWork: 10 s, jittered up
 * to 50 %), pulling or checking the image again first, as SyncPod does on every attempt.
 */
function failContainerConfig(host: KubeletHost, pr: PodRuntime, cr: ContainerRuntime, message: string): void {
  cr.phase = 'pending';
  cr.waiting = { reason: 'CreateContainerConfigError', message };
  host.ctx.recorder.event(pr.pod, 'Pod', { component: 'kubelet', host: pr.node }, 'Warning', 'Failed', `Error: ${message}`, cr.fieldPath);
  host.requestSync(pr);
  cr.timer = podTimer(host, pr, jitter(host, stages.configErrorRetry.delay), `retry ${cr.name}`, () => {
    cr.timer = undefined;
    if (cr.waiting?.reason !== 'CreateContainerConfigError') return;
    cr.waiting = undefined;
    advanceStart(host, pr);
  });
}

/**
 * What a shell's script does in its container: a client image's commands run there (nslookup, wget, echo …),
 * what it prints is the container's log, and the files it makes or removes are what exec probes see.
 */
function processIo(host: KubeletHost, pr: PodRuntime, container: string, attempt: NonNullable<ContainerRuntime['attempt']>, environ: () => readonly string[]): ProcessIo {
  const run = host.ctx.runInContainer;
  return {
    run: run && ((argv) => run(pr.pod, container, argv, environ())),
    environ,
    coreutils: attempt.app.coreutils,
    write: (text) => writeProcessOutput(attempt.instance, text),
    touch: (path) => {
      attempt.instance.files.add(path);
      wakeProbes(host, pr);
    },
    remove: (path) => {
      attempt.instance.files.delete(path);
      wakeProbes(host, pr);
    },
  };
}

/** The process of the current attempt has exited (on its own, or after SIGTERM / SIGKILL). */
export function processExited(host: KubeletHost, pr: PodRuntime, cr: ContainerRuntime, exitCode: number, killedByKubelet: boolean): void {
  const a = cr.attempt;
  if (!a || (cr.phase !== 'running' && cr.phase !== 'stopping')) return;
  const now = host.ctx.clock.now();
  flushProcessOutput(a.instance);
  for (const t of a.timers) t.cancel();
  a.timers = [];
  cr.timer?.cancel();
  cr.timer = undefined;
  stopProbes(cr);
  cr.terminated = { containerID: a.containerID, exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: a.startedAt, finishedAt: now };
  cr.phase = 'exited';
  logPod(host, pr, `container ${cr.name} in ${pr.key} exited with code ${exitCode}`);
  if (pr.terminating) {
    finishTerminationIfDone(host, pr);
    return;
  }
  if (killedByKubelet) {
    // the same SyncPod that killed it starts it again: no intermediate status
    const restart = cr.restartAfterStop;
    cr.restartAfterStop = false;
    decideRestart(host, pr, cr, restart);
    return;
  }
  // PLEG notices the exit at its next relist; that sync reports the terminated state, then acts
  cr.timer = podTimer(host, pr, jitter(host, stages.exitNoticed.delay), `notice exit ${cr.name}`, () => {
    cr.timer = undefined;
    host.requestSync(pr);
    decideRestart(host, pr, cr, false);
  });
}

/**
 * `ShouldContainerBeRestarted` plus `doBackOff`. An init container that completed is not restarted: the pod
 * goes on to the next one. A failed init container restarts unless the pod's policy is Never; a sidecar
 * always restarts (its own `restartPolicy: Always`), until the pod finishes.
 */
export function decideRestart(host: KubeletHost, pr: PodRuntime, cr: ContainerRuntime, forced: boolean): void {
  const t = cr.terminated;
  if (!t || pr.terminating) return;
  if (pr.finishing) {
    podMaybeFinished(host, pr);
    return;
  }
  // the kubelet never restarts an ephemeral container: it stays terminated (computePodActions skips it)
  if (cr.kind === 'ephemeral') {
    host.requestSync(pr);
    return;
  }
  if (cr.kind === 'init' && t.exitCode === 0) {
    advanceStart(host, pr);
    return;
  }
  const policy = cr.kind === 'sidecar' ? 'Always' : pr.pod.spec?.restartPolicy || 'Always';
  if (!forced && (policy === 'Never' || (policy === 'OnFailure' && t.exitCode === 0))) {
    cr.phase = 'exited';
    podMaybeFinished(host, pr);
    return;
  }
  const now = host.ctx.clock.now();
  let entry = cr.backoff;
  // flowcontrol.Backoff forgets entries not updated for twice the maximum
  if (entry && now - entry.lastUpdate > 2 * crashLoopBackOff.maxMs) entry = undefined;
  if (entry && now - t.finishedAt < entry.durationMs) {
    const remaining = t.finishedAt + entry.durationMs - now;
    cr.phase = 'backoff';
    cr.waiting = {
      reason: 'CrashLoopBackOff',
      message: `back-off ${formatGoDuration(entry.durationMs)} restarting failed container=${cr.name} pod=${formatPod(pr.pod)}`,
    };
    recordStageEvents(host.ctx.recorder, pr.node, pr.pod, stages.backOff.events, { container: cr.name, pod: formatPod(pr.pod) }, cr.fieldPath);
    host.requestSync(pr);
    cr.timer = podTimer(host, pr, remaining, `back-off ${cr.name}`, () => {
      cr.timer = undefined;
      decideRestart(host, pr, cr, forced);
    });
    return;
  }
  cr.backoff = entry
    ? { durationMs: Math.min(entry.durationMs * 2, crashLoopBackOff.maxMs), lastUpdate: now }
    : { durationMs: crashLoopBackOff.initialMs, lastUpdate: now };
  cr.waiting = undefined;
  cr.phase = 'pending';
  beginStart(host, pr, cr);
}

/**
 * A pod whose app containers all finished and will not restart, or whose init container failed under
 * `restartPolicy: Never`, is done: its sidecars are stopped (SIGTERM, the pod's grace period), then the
 * sandbox goes (not the pod).
 */
export function podMaybeFinished(host: KubeletHost, pr: PodRuntime): void {
  const initFailed = pr.initContainers.some((c) => c.kind === 'init' && c.phase === 'exited' && c.terminated?.exitCode !== 0);
  if (initFailed || pr.containers.every((c) => c.phase === 'exited')) {
    if (stopSidecars(host, pr, (pr.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000)) pr.finishing = true;
    else {
      tearDownSandbox(host, pr);
      pr.terminal = true;
    }
  }
  host.requestSync(pr);
}

/**
 * SIGTERM to the pod's running sidecars and ephemeral containers (within `graceMs`), once what they serve has
 * exited; one not running is not started again. Whether any is still running or stopping.
 */
function stopSidecars(host: KubeletHost, pr: PodRuntime, graceMs: number): boolean {
  let left = false;
  for (const c of pr.ephemeralContainers.length ? [...pr.initContainers, ...pr.ephemeralContainers] : pr.initContainers) {
    if (c.kind !== 'sidecar' && c.kind !== 'ephemeral') continue;
    if (c.phase === 'running') stopContainer(host, pr, c, `Stopping container ${c.name}`, graceMs, false);
    else if (c.phase !== 'stopping') {
      abandonStart(c);
      continue;
    }
    left = true;
  }
  return left;
}

/** A container that is not running when the pod goes away (or finishes) will not be started any more. */
export function abandonStart(cr: ContainerRuntime): void {
  cr.timer?.cancel();
  cr.timer = undefined;
  stopProbes(cr);
  cr.waiting = undefined;
  cr.phase = 'exited';
}

/** StopPodSandbox + CNI DEL: the IP goes back to the node's pool (the status keeps showing it). */
export function tearDownSandbox(host: KubeletHost, pr: PodRuntime): void {
  if (!pr.sandbox) return;
  host.agent(pr.node)?.ipam.release(pr.sandbox.id);
  pr.lastIP = pr.sandbox.ip;
  pr.sandbox = undefined;
}

/** kubelet killContainer: the minimum grace period it ever uses. */
const minimumGracePeriodMs = 2000;

/**
 * Sends SIGTERM (after a preStop hook) and schedules the exit: the app's own exit if it comes within the
 * grace period, SIGKILL (137) at its end otherwise.
 */
export function stopContainer(host: KubeletHost, pr: PodRuntime, cr: ContainerRuntime, message: string, graceMs: number, restartAfter: boolean): void {
  const a = cr.attempt;
  if (!a || cr.phase !== 'running') return;
  recordStageEvents(host.ctx.recorder, pr.node, pr.pod, stages.containerKilling.events, { message }, cr.fieldPath);
  logPod(host, pr, `killing container ${cr.name} in ${pr.key}: ${message}`);
  cr.phase = 'stopping';
  cr.restartAfterStop = restartAfter;
  stopProbes(cr, true);
  for (const t of a.timers) t.cancel();
  a.timers = [];
  const grace = Math.max(graceMs, minimumGracePeriodMs);
  const preStop = preStopMs(cr);
  const behaviour = a.app.sigterm(a.process);
  const exitAt = behaviour === 'ignore' ? Number.POSITIVE_INFINITY : preStop + behaviour.exitAfterMs;
  const [delay, code] = exitAt <= grace && behaviour !== 'ignore' ? [exitAt, behaviour.exitCode] : [grace, 137];
  cr.timer = podTimer(host, pr, delay, `stop ${cr.name}`, () => {
    cr.timer = undefined;
    processExited(host, pr, cr, code, true);
  });
}

/** How long a preStop hook holds SIGTERM back: `sleep.seconds`, or an exec of `sleep N`. */
function preStopMs(cr: ContainerRuntime): number {
  const hook = cr.spec.lifecycle?.preStop as { sleep?: { seconds?: number }; exec?: { command?: string[] } } | undefined;
  if (!hook) return 0;
  if (hook.sleep?.seconds) return hook.sleep.seconds * 1000;
  const cmd = hook.exec?.command ?? [];
  const text = cmd.join(' ');
  const m = /\bsleep\s+(\d+)/.exec(text);
  return m ? Number(m[1]) * 1000 : 0;
}

/**
 * Once every app container and regular init container of a terminating pod has exited, its sidecars get
 * SIGTERM within what is left of the grace period (they outlive the app containers they serve); once they
 * have exited too: stop the sandbox, release the IP, go terminal.
 */
export function finishTerminationIfDone(host: KubeletHost, pr: PodRuntime): void {
  if (!pr.terminating || pr.terminal) return;
  const busy = (c: ContainerRuntime) => c.phase === 'running' || c.phase === 'stopping';
  if (pr.containers.some(busy) || pr.initContainers.some((c) => c.kind === 'init' && busy(c))) return;
  if (stopSidecars(host, pr, pr.terminating.deadline - host.ctx.clock.now())) return;
  tearDownSandbox(host, pr);
  pr.terminal = true;
  host.requestSync(pr);
}
