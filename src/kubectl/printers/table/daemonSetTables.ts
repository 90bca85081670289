/**
 * `kubectl get daemonsets` (kubernetes/kubernetes `pkg/printers/internalversion/printers.go`
 * `printDaemonSet`).
 */
import type { DaemonSet } from '../../../engine/api/types';
import { formatLabelSelector } from '../labels';
import { translateTimestampSince } from '../timestamps';
import { type KindTablePrinter, ageColumn, nameColumn } from './tableTypes';

/** `labels.FormatLabels` of a node selector: sorted `k=v` pairs, `<none>` when empty. */
function formatNodeSelector(sel: Record<string, string> | undefined): string {
  const keys = Object.keys(sel ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${sel?.[k]}`).join(',') : '<none>';
}

export const daemonSetTable: KindTablePrinter<DaemonSet> = {
  columns: [
    nameColumn,
    { name: 'Desired', type: 'integer' },
    { name: 'Current', type: 'integer' },
    { name: 'Ready', type: 'integer' },
    { name: 'Up-to-date', type: 'integer' },
    { name: 'Available', type: 'integer' },
    { name: 'Node Selector', type: 'string' },
    ageColumn,
    { name: 'Containers', type: 'string', priority: 1 },
    { name: 'Images', type: 'string', priority: 1 },
    { name: 'Selector', type: 'string', priority: 1 },
  ],
  row(ds, { now }) {
    const containers = ds.spec?.template?.spec?.containers ?? [];
    const s = ds.status;
    return [
      ds.metadata?.name ?? '',
      s?.desiredNumberScheduled ?? 0,
      s?.currentNumberScheduled ?? 0,
      s?.numberReady ?? 0,
      s?.updatedNumberScheduled ?? 0,
      s?.numberAvailable ?? 0,
      formatNodeSelector(ds.spec?.template?.spec?.nodeSelector),
      translateTimestampSince(ds.metadata?.creationTimestamp, now),
      containers.map((c) => c.name).join(','),
      containers.map((c) => c.image ?? '').join(','),
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};
