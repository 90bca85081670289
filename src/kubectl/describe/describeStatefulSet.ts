/**
 * `kubectl describe statefulset` (kubernetes/kubectl `pkg/describe/describe.go` `StatefulSetDescriber`,
 * `describeStatefulSet`, `describeVolumeClaimTemplates`): replicas desired against total, the update strategy with
 * its partition, the pods' phases, the pod template, the volume claim templates and Events.
 */
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { Cluster } from '../../engine';
import type { StatefulSet } from '../../engine/api/types';
import { selectorString } from '../printers/labels';
import { formatQuantity, parseQuantity } from '../printers/quantity';
import { formatRFC1123Z } from '../printers/timestamps';
import { describeEvents, searchEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeHelpers';
import { LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString } from './prefixWriter';
import { describePodTemplate, podStatusForController } from './describeWorkloads';

/** `storageutil.GetPersistentVolumeClaimClass`: the beta annotation wins over spec.storageClassName. */
function claimClass(pvc: PersistentVolumeClaim): string {
  const annotations = pvc.metadata?.annotations ?? {};
  if ('volume.beta.kubernetes.io/storage-class' in annotations) return annotations['volume.beta.kubernetes.io/storage-class'];
  return pvc.spec?.storageClassName ?? '';
}

/** `describeVolumeClaimTemplates`: labels and annotations both print as `k=v` lines, access modes as a Go slice. */
function describeVolumeClaimTemplates(templates: readonly PersistentVolumeClaim[] | undefined, w: PrefixWriter): void {
  if (!templates?.length) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${claimClass(pvc)}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ', '\t');
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ', '\t');
    const storage = pvc.spec?.resources?.requests?.storage;
    const capacity = storage === undefined ? '<default>' : (formatQuantityText(String(storage)) ?? String(storage));
    w.write(LEVEL_1, `Capacity:\t${capacity}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

/** The canonical form the apiserver stores (`Quantity.String()`), or undefined when it does not parse. */
function formatQuantityText(s: string): string | undefined {
  const q = parseQuantity(s);
  return q ? formatQuantity(q) : undefined;
}

/** Describes a StatefulSet: replicas, update strategy, its pods' phases, the template, claims and Events. */
export function describeStatefulSet(sts: StatefulSet, cluster: Cluster): string {
  const meta = sts.metadata ?? {};
  const selector = selectorString(sts.spec?.selector);
  const pods = podStatusForController(cluster, meta.namespace, selector, meta.uid);
  const events = searchEvents(cluster, sts, 'StatefulSet');
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(meta.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Replicas:\t${sts.spec?.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${sts.spec?.updateStrategy?.type ?? ''}\n`);
    const ru = sts.spec?.updateStrategy?.rollingUpdate;
    // maxUnavailable is printed only under a partition, as upstream nests it
    if (ru?.partition !== undefined) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`);
    describePodTemplate(sts.spec?.template, w);
    describeVolumeClaimTemplates(sts.spec?.volumeClaimTemplates, w);
    describeEvents(events, w, cluster.now());
  });
}
