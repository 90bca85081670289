/**
 * The kubelet's in-memory picture of what runs on a node: one record per pod (its sandbox and IP) and per
 * container (the current attempt, its last termination, probe state, restart back-off). This is what
 * containerd plus the kubelet's caches hold in a real node; the Pod object's status is generated from it.
 */
import type { TimerHandle } from '../clock';
import type { Container, Pod } from '../api/types';
import type { AppInstance, SimulatedApp } from './apps/app';
import type { ProbeState, ProbeType } from './probes';
import { flatConcat } from '../shared';

/** Where a container is in its lifecycle. */
export type ContainerPhase =
  /** waiting for the sandbox or for an earlier container of the same sync */
  | 'pending'
  /** image being pulled or container being created and started */
  | 'starting'
  | 'running'
  /** SIGTERM sent, waiting for the process to exit */
  | 'stopping'
  | 'exited'
  /** exited and waiting out the crash-loop back-off */
  | 'backoff';

/** A finished container attempt (`state.terminated` / `lastState.terminated`). */
export interface Termination {
  /** As statuses report it: `containerd://<64 hex>`. */
  containerID: string;
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
}

/** One container attempt (a containerd container). */
export interface ContainerAttempt {
  /** `containerStatuses[].containerID`, `containerd://<64 hex>`, built once (every status write reports it). */
  containerID: string;
  /** The image as written in the spec when this attempt was created. */
  image: string;
  /** `containerStatuses[].image` and `imageID` for that image (every status write reports them). */
  statusImage: string;
  statusImageId: string;
  /** `startedAt` as `state.running.startedAt` spells it (every status write of a running container reports it). */
  startedAtText: string;
  startedAt: number;
  app: SimulatedApp;
  /** The container as the runtime was handed it: the spec with `$(VAR)` in command and args expanded. */
  process: Container;
  instance: AppInstance;
  /**
   * The process environment, fixed when the container started: the inputs are captured then, the strings are
   * built on first read (`kubectl exec -- env`), so starting a container costs O(1), not O(Services).
   */
  readonly env: string[];
  /** Timers of the process plan (file steps, exit); cancelled when it stops. */
  timers: TimerHandle[];
}

export interface ProbeWorker {
  state: ProbeState;
  timer?: TimerHandle;
  /**
   * Set while the probe is quiet: its last run (at this instant) changed nothing and its answer cannot change
   * until something happens to the pod, so it has no timer; its runs stay on the grid `quietSince + k·period`.
   */
  quietSince?: number;
  /** The ephemeral source port of the worker's next connection (access logs). */
  nextPort: number;
}

/**
 * What kind of container a runtime record runs: an app container, a regular init container (runs to
 * completion before the next one starts), or a sidecar (an init container with `restartPolicy: Always`, which
 * starts in init order and then runs beside the app containers), or an ephemeral container (added through the
 * `ephemeralcontainers` subresource to a running pod, started once and never restarted).
 */
export type ContainerKind = 'app' | 'init' | 'sidecar' | 'ephemeral';

export interface ContainerRuntime {
  name: string;
  kind: ContainerKind;
  /** Where events about it point: `spec.containers{name}`, `spec.initContainers{name}` or `spec.ephemeralContainers{name}` (GenerateContainerRef). */
  fieldPath: string;
  /** The spec the current (or next) attempt runs. */
  spec: Container;
  phase: ContainerPhase;
  restartCount: number;
  attempt?: ContainerAttempt;
  /** The attempt before the current one, kept for its log (`kubectl logs --previous`). */
  previousAttempt?: ContainerAttempt;
  /** The current attempt's exit, while it is the latest container. */
  terminated?: Termination;
  /** The exit of the attempt before the current one (`lastState`). */
  lastTermination?: Termination;
  /** `state.waiting` reason and message set by the kubelet (CrashLoopBackOff, ErrImageNeverPull). */
  waiting?: { reason: string; message: string };
  /** flowcontrol.Backoff entry for this container. */
  backoff?: { durationMs: number; lastUpdate: number };
  probes: Map<ProbeType, ProbeWorker>;
  /** Startup probe passed (or there is none) for the current attempt. */
  started: boolean;
  /** Pending start / stop timer. */
  timer?: TimerHandle;
  /** Restart right after the current stop completes (liveness failure, changed definition). */
  restartAfterStop: boolean;
}

export interface PodSandbox {
  id: string;
  ip: string;
}

export interface PodRuntime {
  /** `namespace/name` */
  key: string;
  uid: string;
  node: string;
  /** The latest version of the Pod the kubelet has seen. */
  pod: Pod;
  /** When the kubelet first saw the pod (`status.startTime`). */
  startTime: number;
  sandbox?: PodSandbox;
  /** The last pod IP, kept in the status after the sandbox is gone. */
  lastIP?: string;
  containers: ContainerRuntime[];
  /** The init containers (regular and sidecars), in spec order. */
  initContainers: ContainerRuntime[];
  /** The ephemeral containers added so far, in the order the kubelet saw them. */
  ephemeralContainers: ContainerRuntime[];
  /**
   * Every regular init container has completed and every sidecar before the app containers has started, in
   * this sandbox: the app containers may start. Set at once for a pod without init containers.
   */
  initialized: boolean;
  /** The first SyncPod (sandbox + all containers started) has completed. */
  initialSyncDone: boolean;
  /** Graceful termination in progress: when it ends at the latest. */
  terminating?: { since: number; deadline: number };
  /**
   * The pod will not run again (its app containers are done, or an init container failed with
   * `restartPolicy: Never`): its sidecars are being stopped before the sandbox goes.
   */
  finishing?: boolean;
  /** Every container has stopped and the sandbox is gone. */
  terminal: boolean;
  /** The kubelet already asked the apiserver to remove the pod. */
  deleteSent: boolean;
  /** When every volume was set up (the periodic refreshes of ConfigMap and Secret volumes count from here). */
  volumesMountedAt?: number;
  /** The volume manager's back-off before the next mount attempt (nestedpendingoperations), after a failed one. */
  mountBackoffMs?: number;
  /** Pod-level timers (sandbox creation). */
  timers: Set<TimerHandle>;
  /** The status the kubelet generated last (status manager cache), for lastTransitionTime. */
  statusCache?: Pod['status'];
  /** Torn down: timers that still fire for it do nothing. */
  closed: boolean;
}

/** A fresh record for a pod the kubelet has just admitted. */
export function newPodRuntime(pod: Pod, node: string, now: number): PodRuntime {
  const meta = pod.metadata ?? {};
  return {
    key: `${meta.namespace ?? 'default'}/${meta.name ?? ''}`,
    uid: meta.uid ?? '',
    node,
    pod,
    startTime: now,
    containers: (pod.spec?.containers ?? []).map((c) => newContainerRuntime(c)),
    initContainers: (pod.spec?.initContainers ?? []).map((c) => newContainerRuntime(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init')),
    ephemeralContainers: [],
    initialized: !pod.spec?.initContainers?.length,
    initialSyncDone: false,
    terminal: false,
    deleteSent: false,
    timers: new Set(),
    closed: false,
  };
}

/** A container the kubelet has not started yet. */
export function newContainerRuntime(spec: Container, kind: ContainerKind = 'app'): ContainerRuntime {
  const fieldPath = flatConcat(kind === 'app' ? 'spec.containers{' : kind === 'ephemeral' ? 'spec.ephemeralContainers{' : 'spec.initContainers{', spec.name, '}');
  return { name: spec.name, kind, fieldPath, spec, phase: 'pending', restartCount: 0, probes: new Map(), started: false, restartAfterStop: false };
}

/** Every container of the pod: init containers (spec order), then app containers, then ephemeral containers. */
export function allContainers(pr: PodRuntime): ContainerRuntime[] {
  if (!pr.initContainers.length && !pr.ephemeralContainers.length) return pr.containers;
  return [...pr.initContainers, ...pr.containers, ...pr.ephemeralContainers];
}

/** A regular init container that exited 0 in this sandbox: it does not run again. */
export function initCompleted(cr: ContainerRuntime): boolean {
  return cr.kind === 'init' && cr.phase === 'exited' && cr.terminated?.exitCode === 0;
}

/** `format.Pod`: `name_namespace(uid)`, as used in kubelet messages. */
export function formatPod(pod: Pod): string {
  const m = pod.metadata ?? {};
  return `${m.name}_${m.namespace}(${m.uid})`;
}
