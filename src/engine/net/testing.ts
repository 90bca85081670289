/** A kind cluster with an nginx Deployment behind a Service, for the data-plane tests and benches. */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Service } from 'kubernetes-types/core/v1';
import { Cluster } from '../cluster';
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
