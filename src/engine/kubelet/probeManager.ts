/**
 * Probe workers (pkg/kubelet/prober): one per probe of a running container, and only for containers that
 * declare probes, so pods without probes cost no timers. A worker first runs `initialDelaySeconds` after the
 * container started (readiness is triggered at once then, as the prober manager does when it sees a running
 * container with no result), then every `periodSeconds`. Startup gates the other two.
 *
 * A run that changes nothing (same result as the one acted on, thresholds already met, no Event, no access-log
 * line) makes the worker quiet: its answer depends only on the container's app state, which does not change
 * until something happens to the pod, so it sets no timer. `wakeProbes` puts it back on its period grid when
 * something does; the runs skipped in between would all have given the same answer and written nothing.
 */
import type { KubeletHost } from './kubeletHost';
import { logPod, podTimer } from './kubeletHost';
import { recordStageEvents } from './kubeletEvents';
import { stages } from './lifecycleStages';
import { allContainers, type ContainerRuntime, type PodRuntime, type ProbeWorker } from './podRuntime';
import { containerProbes, initialProbeState, type ProbeType, probeSettings, recordProbeResult, runProbe } from './probes';

/** The Linux ephemeral port range (net.ipv4.ip_local_port_range 32768 60999). */
const firstEphemeralPort = 32768;
const lastEphemeralPort = 60999;

/** Sets up the workers of a container attempt that just started. */
export function startProbes(host: KubeletHost, pr: PodRuntime, cr: ContainerRuntime): void {
  for (const [type] of containerProbes(cr.spec)) {
    let w = cr.probes.get(type);
    if (!w) {
      w = { state: initialProbeState(type), nextPort: host.agent(pr.node)?.sourcePort() ?? firstEphemeralPort };
      cr.probes.set(type, w);
    }
    // a new container ID: back to the initial result, probing resumes (worker.go)
    w.state.current = initialProbeState(type).current;
    w.state.onHold = false;
    w.quietSince = undefined;
    if (type === 'Startup' || cr.started) scheduleFirst(host, pr, cr, type);
  }
}

/** Schedules the first run of the non-startup probes once the startup probe passed. */
export function startGatedProbes(host: KubeletHost, pr: PodRuntime, cr: ContainerRuntime): void {
  for (const [type] of containerProbes(cr.spec)) if (type !== 'Startup') scheduleFirst(host, pr, cr, type);
}

/** Stops the workers of a container (exited, or killed); `keepReadiness` lets readiness run while stopping. */
export function stopProbes(cr: ContainerRuntime, keepReadiness = false): void {
  for (const [type, w] of cr.probes) {
    if (keepReadiness && type === 'Readiness') continue;
    w.timer?.cancel();
    w.timer = undefined;
    w.quietSince = undefined;
  }
}

/**
 * Something happened to the pod (a sync, an app flag, a file of the process plan): quiet workers go back on
 * their period grid at the next run instant. A run due at this very instant counts as not yet run when the
 * event that woke it is a timer set before that run's timer would have been (it fires first at equal times).
 */
export function wakeProbes(host: KubeletHost, pr: PodRuntime): void {
  const now = host.ctx.clock.now();
  for (const cr of allContainers(pr)) {
    for (const [type, w] of cr.probes) {
      if (w.quietSince === undefined) continue;
      const probe = probeOf(cr, type);
      if (!probe) continue;
      const period = probeSettings(probe).periodMs;
      const elapsed = now - w.quietSince;
      let runs = Math.ceil(elapsed / period);
      if (elapsed % period === 0) {
        const setAt = host.ctx.clock.runningTimerSetAt();
        const dueNowNotRun = elapsed > 0 && setAt !== undefined && setAt < now - period;
        runs = dueNowNotRun ? elapsed / period : elapsed / period + 1;
      }
      const quietSince = w.quietSince;
      w.quietSince = undefined;
      // the skipped runs each opened a connection too
      skipPorts(w, Math.max(0, runs - 1));
      schedule(host, pr, cr, type, quietSince + runs * period - now);
    }
  }
}

function skipPorts(w: ProbeWorker, n: number): void {
  const span = lastEphemeralPort - firstEphemeralPort + 1;
  w.nextPort = firstEphemeralPort + ((((w.nextPort - firstEphemeralPort + n) % span) + span) % span);
}

function scheduleFirst(host: KubeletHost, pr: PodRuntime, cr: ContainerRuntime, type: ProbeType): void {
  const probe = probeOf(cr, type);
  if (!probe || !cr.attempt) return;
  const s = probeSettings(probe);
  const due = Math.max(cr.attempt.startedAt + s.initialDelayMs, host.ctx.clock.now());
  schedule(host, pr, cr, type, due - host.ctx.clock.now());
}

function probeOf(cr: ContainerRuntime, type: ProbeType) {
  return type === 'Readiness' ? cr.spec.readinessProbe : type === 'Liveness' ? cr.spec.livenessProbe : cr.spec.startupProbe;
}

function schedule(host: KubeletHost, pr: PodRuntime, cr: ContainerRuntime, type: ProbeType, delayMs: number): void {
  const w = cr.probes.get(type);
  if (!w) return;
  w.timer?.cancel();
  w.quietSince = undefined;
  w.timer = podTimer(host, pr, delayMs, `${type.toLowerCase()} probe ${cr.name}`, () => {
    w.timer = undefined;
    tick(host, pr, cr, type);
  });
}

function tick(host: KubeletHost, pr: PodRuntime, cr: ContainerRuntime, type: ProbeType): void {
  const w = cr.probes.get(type);
  const probe = probeOf(cr, type);
  const agent = host.agent(pr.node);
  if (!w || !probe || !cr.attempt || !agent || !pr.sandbox) return;
  if (cr.phase !== 'running' && cr.phase !== 'stopping') return;
  if (w.state.onHold) return;
  // graceful shutdown: liveness and startup stop probing (worker.go)
  if (pr.pod.metadata?.deletionTimestamp && type !== 'Readiness') return;
  const s = probeSettings(probe);
  if (type === 'Startup' && cr.started) return;
  const instance = cr.attempt.instance;
  const lastLogged = instance.accessLog.at(-1);
  const port = w.nextPort;
  skipPorts(w, 1);
  const outcome = runProbe(probe, {
    podIP: pr.sandbox.ip,
    container: cr.attempt.process,
    instance,
    source: `${agent.ip}:${port}`,
    kubeletVersion: host.kubeletVersion.replace(/^v(\d+\.\d+).*$/, '$1'),
  });
  if (outcome.result === 'error') {
    schedule(host, pr, cr, type, s.periodMs);
    return;
  }
  if (outcome.result === 'failure') {
    recordStageEvents(host.ctx.recorder, pr.node, pr.pod, stages.probeFailed.events, { probe: type, output: outcome.output }, cr.fieldPath);
  } else if (outcome.result === 'warning') {
    recordStageEvents(host.ctx.recorder, pr.node, pr.pod, stages.probeWarning.events, { probe: type, output: outcome.output }, cr.fieldPath);
  }
  const result = outcome.result === 'failure' ? 'failure' : 'success';
  const before = { current: w.state.current, onHold: w.state.onHold };
  const changed = recordProbeResult(w.state, type, result, s);
  if (type === 'Readiness') {
    if (changed) {
      logPod(host, pr, `container ${cr.name} in ${pr.key} is ${result === 'success' ? 'ready' : 'not ready'}`);
      host.requestSync(pr);
    }
  } else if (type === 'Startup' && w.state.current === 'success' && !cr.started) {
    cr.started = true;
    host.requestSync(pr);
    startGatedProbes(host, pr, cr);
    return;
  } else if (w.state.current === 'failure' && w.state.onHold) {
    host.probeFailed(pr, cr, type);
    return;
  }
  const quiet =
    outcome.result === 'success' &&
    type !== 'Startup' &&
    !changed &&
    before.current === 'success' &&
    !before.onHold &&
    instance.accessLog.at(-1) === lastLogged &&
    !instance.logListeners?.size &&
    !host.ctx.config.tickQuietProbes;
  if (quiet) {
    w.quietSince = host.ctx.clock.now();
    return;
  }
  schedule(host, pr, cr, type, s.periodMs);
}
