/**
 * Recording kubelet events: source `kubelet` on the node, container events pointing at
 * `spec.containers{<name>}` or `spec.initContainers{<name>}` (kubecontainer.GenerateContainerRef).
 */
import type { Pod } from '../api/types';
import type { EventRecorder } from '../events/eventRecorder';
import { type EventTemplate, fillTemplate } from './lifecycleStages';

/** Records the events of a stage about a pod (and optionally one of its containers, by its field path). */
export function recordStageEvents(
  recorder: EventRecorder,
  node: string,
  pod: Pod,
  events: readonly EventTemplate[],
  values: Record<string, string | number>,
  fieldPath?: string,
): void {
  for (const e of events) {
    recorder.event(
      pod,
      'Pod',
      { component: 'kubelet', host: node },
      e.type,
      e.reason,
      fillTemplate(e.message, values),
      fieldPath,
    );
  }
}
