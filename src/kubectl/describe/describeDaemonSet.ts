/**
 * `kubectl describe daemonset` (kubectl `pkg/describe/describe.go` `DaemonSetDescriber`; the `Namespace:` line
 * since kubernetes/kubernetes#130862, kubectl 1.33).
 */
import type { Cluster } from '../../engine';
import type { DaemonSet } from '../../engine/api/types';
import { formatLabels, formatLabelSelector, selectorString } from '../printers/labels';
import { describeEvents, searchEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeHelpers';
import { LEVEL_0, tabbedString } from './prefixWriter';
import { describePodTemplate, podStatusForController } from './describeWorkloads';

/** Describes a DaemonSet: node counts, its pods' phases, the template and Events. */
export function describeDaemonSet(ds: DaemonSet, cluster: Cluster): string {
  const meta = ds.metadata ?? {};
  const s = ds.status;
  const pods = podStatusForController(cluster, meta.namespace, selectorString(ds.spec?.selector), meta.uid);
  const events = searchEvents(cluster, ds, 'DaemonSet');
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(ds.spec?.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${s?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${s?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${s?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${s?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${s?.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`);
    describePodTemplate(ds.spec?.template, w);
    describeEvents(events, w, cluster.now());
  });
}
