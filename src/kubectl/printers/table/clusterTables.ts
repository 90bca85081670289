/** `kubectl get nodes`, `namespaces` and `events` (`printNode`, `printNamespace`, `printEvent` in printers.go). */
import type { Event, Namespace, Node } from '../../../engine/api/types';
import { byteOrder } from '../labels';
import { translateTimestampSince } from '../timestamps';
import { type KindTablePrinter, ageColumn, nameColumn } from './tableTypes';

const nodeRolePrefix = 'node-role.kubernetes.io/';

/** Roles from `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role=<role>`, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(nodeRolePrefix)) {
      const role = k.slice(nodeRolePrefix.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort(byteOrder);
}

/** `Ready`, `NotReady`, `Unknown`, plus `SchedulingDisabled` when cordoned. */
export function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop();
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

const address = (node: Node, type: string) => (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';

export const nodeTable: KindTablePrinter<Node> = {
  columns: [
    nameColumn,
    { name: 'Status', type: 'string' },
    { name: 'Roles', type: 'string' },
    ageColumn,
    { name: 'Version', type: 'string' },
    { name: 'Internal-IP', type: 'string', priority: 1 },
    { name: 'External-IP', type: 'string', priority: 1 },
    { name: 'OS-Image', type: 'string', priority: 1 },
    { name: 'Kernel-Version', type: 'string', priority: 1 },
    { name: 'Container-Runtime', type: 'string', priority: 1 },
  ],
  row(node, { now }) {
    const info = node.status?.nodeInfo;
    return [
      node.metadata?.name ?? '',
      nodeStatus(node),
      nodeRoles(node).join(',') || '<none>',
      translateTimestampSince(node.metadata?.creationTimestamp, now),
      info?.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};

export const namespaceTable: KindTablePrinter<Namespace> = {
  columns: [nameColumn, { name: 'Status', type: 'string' }, ageColumn],
  row(ns, { now }) {
    return [ns.metadata?.name ?? '', ns.status?.phase ?? '', translateTimestampSince(ns.metadata?.creationTimestamp, now)];
  },
};

/** `formatEventSource`: component, plus `, host` when known (reportingController/Instance as fallbacks). */
export function formatEventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

export const eventTable: KindTablePrinter<Event> = {
  columns: [
    { name: 'Last Seen', type: 'string' },
    { name: 'Type', type: 'string' },
    { name: 'Reason', type: 'string' },
    { name: 'Object', type: 'string' },
    { name: 'Subobject', type: 'string', priority: 1 },
    { name: 'Source', type: 'string', priority: 1 },
    { name: 'Message', type: 'string' },
    { name: 'First Seen', type: 'string', priority: 1 },
    { name: 'Count', type: 'string', priority: 1 },
    { name: 'Name', type: 'string', priority: 1, format: 'name' },
  ],
  row(e, { now }) {
    let first = translateTimestampSince(e.firstTimestamp, now);
    if (!e.firstTimestamp) first = translateTimestampSince(e.eventTime, now);
    let last = translateTimestampSince(e.lastTimestamp, now);
    if (!e.lastTimestamp) last = first;
    let count = e.count ?? 0;
    if (e.series) {
      last = translateTimestampSince(e.series.lastObservedTime, now);
      count = e.series.count ?? 0;
    } else if (count === 0) count = 1;
    const involved = e.involvedObject;
    const target = involved?.name ? `${(involved.kind ?? '').toLowerCase()}/${involved.name}` : (involved?.kind ?? '').toLowerCase();
    return [last, e.type ?? '', e.reason ?? '', target, involved?.fieldPath ?? '', formatEventSource(e), (e.message ?? '').trim(), first, count, e.metadata?.name ?? ''];
  },
};
