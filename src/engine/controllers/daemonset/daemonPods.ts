/**
 * What the DaemonSet controller puts into and checks against each node's daemon pod (kubernetes/kubernetes
 * `pkg/controller/daemon/util/daemonset_util.go` `CreatePodTemplate`, `AddOrUpdateDaemonPodTolerations`,
 * `ReplaceDaemonSetPodNodeNameNodeAffinity`; `daemon_controller.go` `NodeShouldRunDaemonPod`).
 */
import type { DaemonSet, Node, Pod, Taint, Toleration } from '../../api/types';
import { matchesNodeSelectorAndAffinity, untoleratedTaint } from '../../scheduler/nodeAffinity';
import { cloneJson } from '../../shared';
import type { PodTemplateSpec } from '../deployment/podTemplateHash';

export const revisionHashLabel = 'controller-revision-hash';
/** `extensions.DaemonSetTemplateGenerationKey`, still written by the 1.34 controller. */
export const templateGenerationLabel = 'pod-template-generation';

function toleration(key: string, effect: string): Toleration {
  return { key, operator: 'Exists', effect };
}

/** `AddOrUpdateDaemonPodTolerations`: daemon pods survive node conditions that evict other pods. */
export function daemonTolerations(spec: Pod['spec']): Toleration[] {
  const extra = [
    toleration('node.kubernetes.io/not-ready', 'NoExecute'),
    toleration('node.kubernetes.io/unreachable', 'NoExecute'),
    toleration('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    toleration('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    toleration('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    toleration('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(spec?.hostNetwork ? [toleration('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ];
  const out = [...(spec?.tolerations ?? [])];
  for (const t of extra) if (!out.some((o) => o.key === t.key && o.effect === t.effect && o.operator === t.operator)) out.push(t);
  return out;
}

/** `CreatePodTemplate`: the template with the generation and revision labels and the daemon tolerations. */
export function daemonPodTemplate(ds: DaemonSet, hash: string): PodTemplateSpec {
  const t = cloneJson(ds.spec?.template ?? {}) as PodTemplateSpec;
  t.metadata = { ...(t.metadata ?? {}), labels: { ...(t.metadata?.labels ?? {}), [revisionHashLabel]: hash, [templateGenerationLabel]: String(ds.metadata?.generation ?? 1) } };
  t.spec = { ...(t.spec ?? { containers: [] }), tolerations: daemonTolerations(t.spec) };
  return t;
}

/** `ReplaceDaemonSetPodNodeNameNodeAffinity`: the pod may only land on `node` (the scheduler places it). */
export function pinToNode(spec: NonNullable<Pod['spec']>, node: string): void {
  spec.affinity = {
    ...(spec.affinity ?? {}),
    nodeAffinity: {
      ...(spec.affinity?.nodeAffinity ?? {}),
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
      },
    },
  };
}

/** `NodeShouldRunDaemonPod`: node name, node selector/affinity and NoSchedule/NoExecute taints. */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): boolean {
  const spec = ds.spec?.template?.spec;
  if (spec?.nodeName && spec.nodeName !== node.metadata?.name) return false;
  const probe: Pod = { metadata: { name: 'probe' }, spec: { ...(spec ?? { containers: [] }), tolerations: daemonTolerations(spec) } };
  if (!matchesNodeSelectorAndAffinity(probe, node)) return false;
  return untoleratedTaint((node.spec?.taints ?? []) as Taint[], probe.spec?.tolerations) === undefined;
}
