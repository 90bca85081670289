/**
 * Switching kube-proxy's mode the way a kind user does: set `mode:` in the `kube-system/kube-proxy` ConfigMap's
 * config.conf, then `kubectl rollout restart ds/kube-proxy -n kube-system` (kubectl
 * `pkg/polymorphichelpers/objectrestarter.go` stamps the pod template with `kubectl.kubernetes.io/restartedAt`).
 * Each node changes mode when its new kube-proxy pod starts, one node at a time as the DaemonSet rolls.
 */
import { type ApiResult, badRequest, fail } from '../api/status';
import type { ConfigMap, DaemonSet } from '../api/types';
import type { Cluster } from '../cluster';
import { formatTimestamp } from '../clock';
import type { ProxyMode } from '../config';

/** config.conf with its top-level `mode:` line set to `mode`. */
export function withProxyMode(configConf: string, mode: ProxyMode): string {
  return /^mode:.*$/m.test(configConf) ? configConf.replace(/^mode:.*$/m, `mode: ${mode}`) : `${configConf}\nmode: ${mode}`;
}

/** Edits the ConfigMap's mode and restarts the kube-proxy DaemonSet; the caller lets time pass for the roll. */
export function setKubeProxyMode(cluster: Cluster, mode: ProxyMode): ApiResult<DaemonSet> {
  const cm = cluster.get('ConfigMap', 'kube-system', 'kube-proxy');
  if (!cm.ok) return cm;
  const text = cm.value.data?.['config.conf'];
  if (text === undefined) return fail(badRequest('configmap kube-system/kube-proxy has no config.conf'));
  const edited: ConfigMap = { ...cm.value, data: { ...cm.value.data, 'config.conf': withProxyMode(text, mode) } };
  const updated = cluster.update('ConfigMap', edited);
  if (!updated.ok) return updated;
  const restartedAt = formatTimestamp(cluster.now());
  return cluster.patch('DaemonSet', 'kube-system', 'kube-proxy', 'strategic', { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } } } } });
}
