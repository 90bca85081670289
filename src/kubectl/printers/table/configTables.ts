/**
 * `kubectl get configmaps` and `secrets` (kubernetes/kubernetes `pkg/printers/internalversion/printers.go`
 * `printConfigMap`, `printSecret`): how many keys each holds, never their values.
 */
import type { ConfigMap, Secret } from '../../../engine/api/types';
import { translateTimestampSince } from '../timestamps';
import { type KindTablePrinter, ageColumn, nameColumn } from './tableTypes';

export const configMapTable: KindTablePrinter<ConfigMap> = {
  columns: [nameColumn, { name: 'Data', type: 'integer' }, ageColumn],
  row(cm, { now }) {
    const n = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
    return [cm.metadata?.name ?? '', n, translateTimestampSince(cm.metadata?.creationTimestamp, now)];
  },
};

export const secretTable: KindTablePrinter<Secret> = {
  columns: [nameColumn, { name: 'Type', type: 'string' }, { name: 'Data', type: 'string' }, ageColumn],
  row(secret, { now }) {
    return [secret.metadata?.name ?? '', secret.type ?? '', Object.keys(secret.data ?? {}).length, translateTimestampSince(secret.metadata?.creationTimestamp, now)];
  },
};
