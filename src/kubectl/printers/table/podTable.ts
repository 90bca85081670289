/** `kubectl get pods` columns and row (`printPod`, pkg/printers/internalversion/printers.go). */
import type { Pod } from '../../../engine/api/types';
import { humanDuration } from '../../../shared/humanDuration';
import { translateTimestampSince } from '../timestamps';
import { podDisplay } from '../../podStatus';
import { type KindTablePrinter, ageColumn, nameColumn } from './tableTypes';

export const podTable: KindTablePrinter<Pod> = {
  columns: [
    nameColumn,
    { name: 'Ready', type: 'string' },
    { name: 'Status', type: 'string' },
    { name: 'Restarts', type: 'string' },
    ageColumn,
    { name: 'IP', type: 'string', priority: 1 },
    { name: 'Node', type: 'string', priority: 1 },
    { name: 'Nominated Node', type: 'string', priority: 1 },
    { name: 'Readiness Gates', type: 'string', priority: 1 },
  ],
  row(pod, { now }) {
    const d = podDisplay(pod);
    const restarts = d.restarts !== 0 && d.lastRestart !== undefined ? `${d.restarts} (${humanDuration(now - d.lastRestart)} ago)` : String(d.restarts);
    const gates = pod.spec?.readinessGates ?? [];
    let readinessGates = '<none>';
    if (gates.length > 0) {
      const trueConditions = gates.filter((g) => (pod.status?.conditions ?? []).find((c) => c.type === g.conditionType)?.status === 'True').length;
      readinessGates = `${trueConditions}/${gates.length}`;
    }
    return [
      pod.metadata?.name ?? '',
      d.ready,
      d.status,
      restarts,
      translateTimestampSince(pod.metadata?.creationTimestamp, now),
      pod.status?.podIPs?.[0]?.ip || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates,
    ];
  },
};
