/**
 * A pod's environment for the Inspector: each container's process environment exactly as `kubectl exec -- env`
 * prints it (the engine's kubelet built it when the container started), and the catch of Service links — a
 * Service created after the container started has no variables in it (kubernetes/kubernetes
 * pkg/kubelet/kubelet_pods.go `getServiceEnvVarMap` runs at container start only).
 */
import type { Cluster } from '../engine';
import type { Pod, Service } from '../engine/api/types';
import { envVariableName, isServiceIPSet } from '../engine/kubelet/envvars';
import type { ReplyValue, WirePodEnv } from '../protocol/messages';

/** Undefined when there is no such pod. */
export function podEnvReply(cluster: Cluster, namespace: string, name: string): ReplyValue | undefined {
  const got = cluster.get('Pod', namespace, name);
  if (!got.ok) return undefined;
  const pod = got.value as Pod;
  const containers = (pod.spec?.containers ?? []).map((c) => {
    const env = cluster.simulation.containerEnv?.(namespace, name, c.name);
    return env ? { name: c.name, env } : { name: c.name };
  });
  const started = containers.filter((c) => c.env);
  const missingServices: string[] = [];
  const listed = cluster.list('Service', { namespace });
  if (started.length > 0 && pod.spec?.enableServiceLinks !== false && listed.ok) {
    for (const svc of listed.value.items as Service[]) {
      if (!isServiceIPSet(svc) || (svc.spec?.ports ?? []).length === 0) continue;
      const key = `${envVariableName(svc.metadata?.name ?? '')}_SERVICE_HOST=`;
      if (started.some((c) => !c.env?.some((e) => e.startsWith(key)))) missingServices.push(svc.metadata?.name ?? '');
    }
  }
  const env: WirePodEnv = { containers, missingServices };
  return { kind: 'podEnv', env };
}
