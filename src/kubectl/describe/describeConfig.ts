/**
 * `kubectl describe configmap` and `describe secret` (kubernetes/kubectl v0.34.0 `pkg/describe/describe.go`
 * `ConfigMapDescriber`, `SecretDescriber` / `describeSecret`). A ConfigMap shows each data key under a `----`
 * rule with its value, then each binaryData key's size, then Events; a Secret shows its type and each data key's
 * size only (a service-account token's `token` is shown, as upstream does), and no Events: SecretDescriber
 * looks none up. Keys are sorted (`slices.Sorted(maps.Keys(...))`).
 */
import type { Cluster } from '../../engine';
import type { ConfigMap, Secret } from '../../engine/api/types';
import { decodeBase64Text, decodedLength } from '../../shared/goBase64';
import { byteOrder } from '../printers/labels';
import { describeEvents, searchEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeHelpers';
import { LEVEL_0, type PrefixWriter, tabbedString } from './prefixWriter';

const sortedKeys = (m: Readonly<Record<string, unknown>> | undefined) => Object.keys(m ?? {}).sort(byteOrder);

/** Name, Namespace, Labels and Annotations, as both describers open. */
function describeMeta(w: PrefixWriter, meta: NonNullable<ConfigMap['metadata']>): void {
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
}

/** Describes a ConfigMap: each data key with its value, then binaryData sizes, then Events. */
export function describeConfigMap(cm: ConfigMap, cluster: Cluster): string {
  const events = searchEvents(cluster, cm, 'ConfigMap');
  return tabbedString((w) => {
    describeMeta(w, cm.metadata ?? {});
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortedKeys(cm.data)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data?.[k] ?? ''}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of sortedKeys(cm.binaryData)) w.write(LEVEL_0, `${k}: ${decodedLength(cm.binaryData?.[k] ?? '')} bytes\n`);
    w.write(LEVEL_0, '\n');
    describeEvents(events, w, cluster.now());
  });
}

/** Describes a Secret: its type and each key's size in bytes, never a value (but a service-account token's). */
export function describeSecret(secret: Secret): string {
  return tabbedString((w) => {
    describeMeta(w, secret.metadata ?? {});
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortedKeys(secret.data)) {
      const v = secret.data?.[k] ?? '';
      if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${decodeBase64Text(v) ?? ''}\n`);
      else w.write(LEVEL_0, `${k}:\t${decodedLength(v)} bytes\n`);
    }
  });
}
