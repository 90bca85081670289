/**
 * Recording kubelet events: source `kubelet` on the node, container events pointing at
 * `spec.containers{<name>}` (kubecontainer.GenerateContainerRef).
 */
import { flatConcat } from '../shared';
import type { Pod } from '../api/types';
import type { EventRecorder } from '../events/eventRecorder';
import { type EventTemplate, fillTemplate } from './lifecycleStages';

/** Records the events of a stage about a pod (and optionally one of its containers). */
export function recordStageEvents(
  recorder: EventRecorder,
  node: string,
  pod: Pod,
  events: readonly EventTemplate[],
  values: Record<string, string | number>,
  container?: string,
): void {
  for (const e of events) {
    recorder.event(
      pod,
      'Pod',
      { component: 'kubelet', host: node },
      e.type,
      e.reason,
      fillTemplate(e.message, values),
      container ? flatConcat('spec.containers{', container, '}') : undefined,
    );
  }
}
