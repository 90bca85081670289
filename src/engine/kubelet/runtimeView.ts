/**
 * Read-only access to what runs on the nodes: which pod owns an IP and which app instances listen there.
 * This is the seam for later work (packet delivery, curl, port-forward, `kubectl exec`/`logs`): an app
 * instance answers HTTP and keeps its access log.
 */
import { addressInCidr } from '../../shared/ipv4';
import type { AccessLogEntry, AppInstance, Listener } from './apps/app';
import type { NodeAgent } from './nodeAgent';
import { allContainers, type ContainerAttempt, type PodRuntime } from './podRuntime';

export interface RuntimeContainerView {
  name: string;
  /** The process is running (a stopped node runs nothing). */
  running: boolean;
  /** The current app instance, while the container has one. */
  instance?: AppInstance;
  listeners: Listener[];
  restartCount: number;
  /** When the current (or last) attempt started, virtual ms; undefined before the first start. */
  startedAt?: number;
  /** The container log of the current (or last) attempt: startup lines, then what the app wrote. */
  log(): AccessLogEntry[] | undefined;
  /** The log of the attempt before it (`kubectl logs --previous`); undefined when it never restarted. */
  previousLog(): AccessLogEntry[] | undefined;
  /** Tells `listener` of every line the current attempt writes from now on; returns the unsubscribe. */
  followLog(listener: (entry: AccessLogEntry) => void): () => void;
}

/** What the runtime's log file of one attempt holds. */
function attemptLog(a: ContainerAttempt | undefined): AccessLogEntry[] | undefined {
  if (!a) return undefined;
  const head = (a.app.startupLog?.(a.process, a.startedAt) ?? []).map((line) => ({ time: a.startedAt, line }));
  const tail = a.instance.logTail;
  return tail ? [...head, ...a.instance.accessLog, tail] : [...head, ...a.instance.accessLog];
}

export interface RuntimePodView {
  namespace: string;
  name: string;
  node: string;
  nodeRunning: boolean;
  ip?: string;
  containers: RuntimeContainerView[];
}

export interface KubeletRuntimeView {
  /** The pod whose sandbox currently holds `ip`. */
  podByIP(ip: string): RuntimePodView | undefined;
  /** A pod's runtime state by name. */
  pod(namespace: string, name: string): RuntimePodView | undefined;
}

function view(pr: PodRuntime, agent: NodeAgent): RuntimePodView {
  const [namespace, name] = pr.key.split('/');
  return {
    namespace,
    name,
    node: pr.node,
    nodeRunning: agent.running,
    ip: pr.sandbox?.ip,
    containers: allContainers(pr).map((c) => {
      const running = agent.running && (c.phase === 'running' || c.phase === 'stopping');
      return {
        name: c.name,
        running,
        instance: c.attempt?.instance,
        listeners: running && c.attempt ? c.attempt.app.listeners(c.attempt.process) : [],
        restartCount: c.restartCount,
        startedAt: c.attempt?.startedAt,
        log: () => attemptLog(c.attempt),
        previousLog: () => attemptLog(c.previousAttempt),
        followLog(listener) {
          const inst = c.attempt?.instance;
          if (!inst) return () => {};
          inst.logListeners ??= new Set();
          const listeners = inst.logListeners;
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      };
    }),
  };
}

/** Builds the view over the kubelets' node agents. */
export function runtimeView(agents: ReadonlyMap<string, NodeAgent>): KubeletRuntimeView {
  return {
    podByIP(ip) {
      for (const a of agents.values()) {
        if (!addressInCidr(ip, a.podCIDR)) continue;
        for (const pr of a.pods.values()) if (pr.sandbox?.ip === ip) return view(pr, a);
      }
      return undefined;
    },
    pod(namespace, name) {
      const key = `${namespace || 'default'}/${name}`;
      for (const a of agents.values()) {
        const pr = a.pods.get(key);
        if (pr) return view(pr, a);
      }
      return undefined;
    },
  };
}
