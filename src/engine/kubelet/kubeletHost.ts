/**
 * What the pod worker, the probe manager and the container lifecycle need from the kubelet that owns them:
 * the controller context, the node agents, and the few callbacks that cross between them.
 */
import type { TimerHandle } from '../clock';
import type { ControllerContext } from '../controllers/controller';
import type { ConfigSourceHistory } from './configVolumes';
import type { NodeAgent } from './nodeAgent';
import type { ContainerRuntime, PodRuntime } from './podRuntime';
import type { ProbeType } from './probes';

export interface KubeletHost {
  ctx: ControllerContext;
  agent(node: string): NodeAgent | undefined;
  /** Asks for a pod status sync at this instant (the kubelet queue deduplicates). */
  requestSync(pr: PodRuntime): void;
  /** The service variables a container of `namespace` gets now (getServiceEnvVarMap). */
  serviceEnv(namespace: string, enableServiceLinks: boolean): Map<string, string>;
  /** `v1.34.0` */
  kubeletVersion: string;
  /** A liveness or startup probe crossed its failure threshold. */
  probeFailed(pr: PodRuntime, cr: ContainerRuntime, type: ProbeType): void;
  /** The ConfigMaps and Secrets over time, for what a volume shows between refreshes. */
  configHistory: ConfigSourceHistory;
}

/** A timer that does nothing once the pod record is closed or its node's kubelet has stopped. */
export function podTimer(host: KubeletHost, pr: PodRuntime, delayMs: number, label: string, fn: () => void): TimerHandle {
  const handle = host.ctx.clock.schedule(delayMs, `kubelet ${pr.key}: ${label}`, () => {
    pr.timers.delete(handle);
    if (pr.closed || !host.agent(pr.node)?.running) return;
    fn();
  });
  pr.timers.add(handle);
  return handle;
}

/** Uniform delay in [min, max] from the cluster PRNG. */
export function jitter(host: KubeletHost, d: { minMs: number; maxMs: number }): number {
  return host.ctx.rand.between(d.minMs, d.maxMs);
}

/** Writes a cluster log line about a pod. */
export function logPod(host: KubeletHost, pr: PodRuntime, message: string): void {
  host.ctx.log.write(`kubelet/${pr.node}`, message, `Pod/${pr.key}`);
}
