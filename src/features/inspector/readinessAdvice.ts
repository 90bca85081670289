/**
 * What "Make /ready fail" can do for a pod. Without a readiness probe the kubelet reports the container ready
 * as soon as it runs, whatever the app answers, so the pod stays in its Services' endpoints
 * (kubernetes/kubernetes pkg/kubelet/prober/prober_manager.go: no probe → ready once started). A probe cannot
 * be added to a running pod (pod updates may change only images, activeDeadlineSeconds, tolerations, … —
 * pkg/apis/core/validation ValidatePodUpdate), so it goes into the owning Deployment's template (a rollout
 * of new pods), or a bare pod has to be re-created.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';

/** kuard serves its debug probes on :8080 whatever containerPort the manifest declares. */
export const kuardReadinessProbe = { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 2, failureThreshold: 3 } as const;

export type ReadinessAdvice =
  | { kind: 'probed' }
  | { kind: 'deployment'; deployment: string; container: string }
  | { kind: 'recreate'; owner?: string };

/** `deploymentOf(rs)` names the Deployment controlling a ReplicaSet (from the cluster mirror). */
export function readinessAdvice(pod: Pod, container: Container, deploymentOf: (replicaSet: string) => string | undefined): ReadinessAdvice {
  if (container.readinessProbe) return { kind: 'probed' };
  const owner = pod.metadata?.ownerReferences?.find((r) => r.controller);
  const deployment = owner?.kind === 'ReplicaSet' ? deploymentOf(owner.name) : undefined;
  if (deployment) return { kind: 'deployment', deployment, container: container.name };
  return { kind: 'recreate', owner: owner ? `${owner.kind.toLowerCase()}/${owner.name}` : undefined };
}

/** The strategic merge patch (containers merge by name) that gives the Deployment's container the probe. */
export function addProbePatch(container: string): unknown {
  return { spec: { template: { spec: { containers: [{ name: container, readinessProbe: kuardReadinessProbe }] } } } };
}
