/** A kind cluster with an nginx Deployment behind a Service, for the data-plane tests and benches. */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Service } from 'kubernetes-types/core/v1';
import { Cluster } from '../cluster';
import { formatTimestamp } from '../clock';
import type { ClusterConfig } from '../config';

export function nginxDeployment(replicas: number, name = 'nginx'): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } },
    },
  };
}

export function nginxService(spec: Partial<NonNullable<Service['spec']>> = {}, name = 'nginx'): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 80 }], ...spec } };
}

/** A settled cluster with `replicas` nginx pods behind the `nginx` Service. */
export function nginxCluster(replicas: number, config: Partial<ClusterConfig> = {}, spec: Partial<NonNullable<Service['spec']>> = {}): Cluster {
  const c = new Cluster(config);
  c.apply('Deployment', nginxDeployment(replicas));
  c.apply('Service', nginxService(spec));
  c.advance(30_000);
  return c;
}

/**
 * Sets `iptables.minSyncPeriod` in kube-proxy's config.conf and rolls the DaemonSet as `kubectl rollout restart`
 * does, then lets the roll finish: each node's kube-proxy syncs at the period its new pod read.
 */
export function setIptablesMinSyncPeriod(cluster: Cluster, period: string): void {
  const cm = cluster.get('ConfigMap', 'kube-system', 'kube-proxy');
  if (!cm.ok) throw new Error('no kube-proxy ConfigMap');
  const conf = cm.value.data?.['config.conf'] ?? '';
  const edited = conf.replace(/(\niptables:\n(?: {2}.*\n)*? {2}minSyncPeriod: )\S+\n/, `$1${period}\n`);
  if (!cluster.update('ConfigMap', { ...cm.value, data: { ...cm.value.data, 'config.conf': edited } }).ok) throw new Error('ConfigMap update failed');
  const at = formatTimestamp(cluster.now());
  if (!cluster.patch('DaemonSet', 'kube-system', 'kube-proxy', 'strategic', { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } }).ok) throw new Error('restart failed');
  cluster.advance(120_000);
}
