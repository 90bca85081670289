/**
 * `kubectl describe deployment` and `replicaset` (`describeDeployment`, `describeReplicaSet`,
 * `DescribePodTemplate`, `getPodStatusForController`, `printReplicaSetsByLabels` in kubectl
 * `pkg/describe/describe.go`).
 */
import type { Cluster } from '../../engine';
import type { Deployment, ReplicaSet } from '../../engine/api/types';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { formatLabelSelector, selectorString } from '../printers/labels';
import { formatRFC1123Z } from '../printers/timestamps';
import { describeContainers, describeVolumes } from './containers';
import { describeEvents, searchEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './describeHelpers';
import { controlledBy } from './describePod';
import { LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString } from './prefixWriter';

/** DescribePodTemplate: the `Pod Template:` block, indented by two spaces. */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  const spec = template.spec;
  if (spec?.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec?.initContainers?.length) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec?.containers ?? [], undefined, undefined, w, '  ');
  describeVolumes(spec?.volumes, w, '  ');
  if (spec?.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec?.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec?.tolerations);
}

/** Counts pods owned by `uid` by phase, as getPodStatusForController does. */
export function podStatusForController(cluster: Cluster, namespace: string | undefined, selector: string, uid: string | undefined) {
  const r = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  const listed = cluster.list('Pod', { namespace, labelSelector: selector });
  if (!listed.ok) return r;
  for (const pod of listed.value.items) {
    const owner = (pod.metadata?.ownerReferences ?? []).find((o) => o.controller);
    if (!owner || owner.uid !== uid) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running') r.running++;
    else if (phase === 'Pending') r.waiting++;
    else if (phase === 'Succeeded') r.succeeded++;
    else if (phase === 'Failed') r.failed++;
  }
  return r;
}

/** Describes a ReplicaSet with its pods' phases. */
export function describeReplicaSet(rs: ReplicaSet, cluster: Cluster): string {
  const meta = rs.metadata ?? {};
  const pods = podStatusForController(cluster, meta.namespace, selectorString(rs.spec?.selector), meta.uid);
  const events = searchEvents(cluster, rs, 'ReplicaSet');
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    const owner = controlledBy(meta);
    if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`);
    describePodTemplate(rs.spec?.template, w);
    if (rs.status?.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of rs.status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    describeEvents(events, w, cluster.now());
  });
}

const intOrPercent = (v: number | string | undefined) => (v === undefined ? '0' : String(v));

function replicaSetsText(list: readonly ReplicaSet[]): string {
  const s = list.map((rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ');
  return s || '<none>';
}

/** The Deployment's ReplicaSets split into the new one (same template) and the old ones, as deploymentutil does. */
function replicaSetsOf(d: Deployment, cluster: Cluster): { oldRSs: ReplicaSet[]; newRSs: ReplicaSet[] } {
  const listed = cluster.list('ReplicaSet', { namespace: d.metadata?.namespace, labelSelector: selectorString(d.spec?.selector) });
  const owned = (listed.ok ? listed.value.items : []).filter((rs) => (rs.metadata?.ownerReferences ?? []).some((o) => o.controller && o.uid === d.metadata?.uid));
  const strip = (t: unknown) => {
    const c = JSON.parse(JSON.stringify(t ?? {})) as { metadata?: { labels?: Record<string, string> } };
    delete c.metadata?.labels?.['pod-template-hash'];
    return JSON.stringify(c);
  };
  const wanted = strip(d.spec?.template);
  const sorted = [...owned].sort((a, b) => (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? ''));
  const newRS = sorted.find((rs) => strip(rs.spec?.template) === wanted);
  // old ReplicaSets are only those that still have pods or desire some (FindOldReplicaSets keeps all but the new)
  return { newRSs: newRS ? [newRS] : [], oldRSs: sorted.filter((rs) => rs !== newRS) };
}

/** Describes a Deployment with its ReplicaSets. */
export function describeDeployment(d: Deployment, cluster: Cluster): string {
  const meta = d.metadata ?? {};
  const events = searchEvents(cluster, d, 'Deployment');
  const { oldRSs, newRSs } = replicaSetsOf(d, cluster);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(meta.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(d.spec?.selector)}\n`);
    const st = d.status ?? {};
    w.write(
      LEVEL_0,
      `Replicas:\t${d.spec?.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
    const ru = d.spec?.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrPercent(ru.maxUnavailable)} max unavailable, ${intOrPercent(ru.maxSurge)} max surge\n`);
    describePodTemplate(d.spec?.template, w);
    if (st.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of st.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (oldRSs.length > 0 || newRSs.length > 0) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsText(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsText(newRSs)}\n`);
    }
    describeEvents(events, w, cluster.now());
  });
}
