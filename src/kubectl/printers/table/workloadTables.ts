/**
 * `kubectl get deployments`, `replicasets` and `statefulsets` (kubernetes/kubernetes
 * `pkg/printers/internalversion/printers.go` `printDeployment`, `printReplicaSet`, `printStatefulSet`,
 * `printControllerRevision`, `layoutContainerCells`).
 */
import type { Container, ControllerRevision, Deployment, ReplicaSet, StatefulSet } from '../../../engine/api/types';
import { formatLabelSelector, selectorString } from '../labels';
import { translateTimestampSince } from '../timestamps';
import { type KindTablePrinter, ageColumn, nameColumn } from './tableTypes';

/** Container names and images of a template, comma-joined. */
function layoutContainerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

const wideWorkloadColumns = [
  { name: 'Containers', type: 'string', priority: 1 },
  { name: 'Images', type: 'string', priority: 1 },
  { name: 'Selector', type: 'string', priority: 1 },
] as const;

export const deploymentTable: KindTablePrinter<Deployment> = {
  columns: [
    nameColumn,
    { name: 'Ready', type: 'string' },
    { name: 'Up-to-date', type: 'string' },
    { name: 'Available', type: 'string' },
    ageColumn,
    ...wideWorkloadColumns,
  ],
  row(d, { now }) {
    const [names, images] = layoutContainerCells(d.spec?.template?.spec?.containers);
    return [
      d.metadata?.name ?? '',
      `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
      d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0,
      translateTimestampSince(d.metadata?.creationTimestamp, now),
      names,
      images,
      selectorString(d.spec?.selector),
    ];
  },
};

export const replicaSetTable: KindTablePrinter<ReplicaSet> = {
  columns: [
    nameColumn,
    { name: 'Desired', type: 'integer' },
    { name: 'Current', type: 'integer' },
    { name: 'Ready', type: 'integer' },
    ageColumn,
    ...wideWorkloadColumns,
  ],
  row(rs, { now }) {
    const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers);
    return [
      rs.metadata?.name ?? '',
      rs.spec?.replicas ?? 1,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      translateTimestampSince(rs.metadata?.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};

/** `printStatefulSet`: READY is ready replicas over `spec.replicas`; wide adds containers and images, no selector. */
export const statefulSetTable: KindTablePrinter<StatefulSet> = {
  columns: [nameColumn, { name: 'Ready', type: 'string' }, ageColumn, wideWorkloadColumns[0], wideWorkloadColumns[1]],
  row(s, { now }) {
    const [names, images] = layoutContainerCells(s.spec?.template?.spec?.containers);
    return [s.metadata?.name ?? '', `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 1}`, translateTimestampSince(s.metadata?.creationTimestamp, now), names, images];
  },
};

/**
 * `printControllerRevision`: CONTROLLER is the controller reference as `kind.group/name` in lower case
 * (`formatResourceName` with its kind), `<none>` for an orphan.
 */
export const controllerRevisionTable: KindTablePrinter<ControllerRevision> = {
  columns: [nameColumn, { name: 'Controller', type: 'string' }, { name: 'Revision', type: 'integer' }, ageColumn],
  row(cr, { now }) {
    const ref = cr.metadata?.ownerReferences?.find((r) => r.controller);
    const group = ref?.apiVersion.includes('/') ? ref.apiVersion.slice(0, ref.apiVersion.indexOf('/')) : '';
    const controller = ref ? `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}` : '<none>';
    return [cr.metadata?.name ?? '', controller, cr.revision ?? 0, translateTimestampSince(cr.metadata?.creationTimestamp, now)];
  },
};
