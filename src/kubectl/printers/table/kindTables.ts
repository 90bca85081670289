/** The table printer for each kind the simulated apiserver serves (what its TableConvertor would return). */
import type { Kind, KubeObject } from '../../../engine';
import { eventTable, namespaceTable, nodeTable } from './clusterTables';
import { endpointSliceTable } from './endpointSliceTable';
import { endpointsTable } from './endpointsTable';
import { podTable } from './podTable';
import { serviceTable } from './serviceTable';
import type { KindTablePrinter, RowContext, Table } from './tableTypes';
import { controllerRevisionTable, deploymentTable, replicaSetTable, statefulSetTable } from './workloadTables';
import { configMapTable, secretTable } from './configTables';
import { daemonSetTable } from './daemonSetTables';

const printers: Record<Kind, KindTablePrinter> = {
  Pod: podTable as KindTablePrinter,
  Service: serviceTable as KindTablePrinter,
  Endpoints: endpointsTable as KindTablePrinter,
  EndpointSlice: endpointSliceTable as KindTablePrinter,
  Deployment: deploymentTable as KindTablePrinter,
  ReplicaSet: replicaSetTable as KindTablePrinter,
  Node: nodeTable as KindTablePrinter,
  Namespace: namespaceTable as KindTablePrinter,
  Event: eventTable as KindTablePrinter,
  DaemonSet: daemonSetTable as KindTablePrinter,
  StatefulSet: statefulSetTable as KindTablePrinter,
  ControllerRevision: controllerRevisionTable as KindTablePrinter,
  ConfigMap: configMapTable as KindTablePrinter,
  Secret: secretTable as KindTablePrinter,
};

/** The table printer of a kind. */
export function tablePrinterFor(kind: Kind): KindTablePrinter {
  return printers[kind];
}

/** Builds the server-side table for objects of one kind. */
export function buildTable(kind: Kind, objects: readonly KubeObject[], ctx: RowContext): Table {
  const p = tablePrinterFor(kind);
  return { columns: p.columns, rows: objects.map((o) => ({ cells: p.row(o, ctx), object: o })) };
}
