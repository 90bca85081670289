/**
 * "Export for a real cluster": the objects a user made (in any namespace but kind's own), cleaned of what the
 * cluster filled in, as one multi-document `manifests.yaml` in apply order, and the `kind.yaml` that creates a
 * matching cluster. `kind create cluster --config kind.yaml && kubectl apply -f manifests.yaml` reproduces it.
 */
import type { Cluster } from '../../engine';
import { toGoYaml } from '../printers/goYaml';
import { cleanManifest } from './cleanManifest';
import { kindClusterFile } from './kindClusterFile';

export interface RealClusterFiles {
  kindConfig: string;
  manifests: string;
  /** How many objects manifests.yaml holds. */
  objects: number;
}

type Json = Record<string, unknown>;
type Meta = { name?: string; namespace?: string; labels?: Record<string, string>; ownerReferences?: Array<{ controller?: boolean }>; deletionTimestamp?: string };

/** kind's and Kubernetes' own namespaces: what is in them came with the cluster. */
const systemNamespaces: readonly string[] = ['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'];
/**
 * Apply order: namespaces and config before the workloads that read them, Services last. A user's Secrets go
 * with the ConfigMaps: pods that mount or read them would not start on the real cluster without them.
 */
const kinds = ['Namespace', 'ConfigMap', 'Secret', 'Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'Pod', 'Service', 'Endpoints', 'EndpointSlice'] as const;
const controllerSlices: readonly string[] = ['endpointslice-controller.k8s.io', 'endpointslicemirroring-controller.k8s.io'];

/** kube-proxy's mode as its ConfigMap says (what a restarted kube-proxy would run). */
function configuredProxyMode(cluster: Cluster): string {
  const cm = cluster.get('ConfigMap', 'kube-system', 'kube-proxy');
  const conf = cm.ok ? ((cm.value as { data?: Record<string, string> }).data?.['config.conf'] ?? '') : '';
  const m = /^mode:\s*"?([A-Za-z]*)"?\s*$/m.exec(conf);
  return m?.[1] || cluster.config.proxyMode;
}

function madeByUser(kind: string, obj: Json, selectorless: Set<string>): boolean {
  const meta = (obj.metadata ?? {}) as Meta;
  if (meta.deletionTimestamp) return false;
  if (kind === 'Namespace') return meta.name !== 'default' && !systemNamespaces.includes(meta.name ?? '');
  if (systemNamespaces.includes(meta.namespace ?? '')) return false;
  if (meta.ownerReferences?.some((o) => o.controller)) return false;
  const key = `${meta.namespace}/${meta.name}`;
  // the API server's own Service, with its Endpoints and EndpointSlice (kubernetes/kubernetes pkg/controlplane/reconcilers)
  if (key === 'default/kubernetes' && (kind === 'Service' || kind === 'Endpoints' || kind === 'EndpointSlice')) return false;
  switch (kind) {
    case 'ConfigMap':
      return meta.name !== 'kube-root-ca.crt';
    case 'Endpoints':
      // the endpoints controller writes those of Services with a selector; a selector-less Service's are the user's
      return selectorless.has(key);
    case 'EndpointSlice':
      return !controllerSlices.includes(meta.labels?.['endpointslice.kubernetes.io/managed-by'] ?? '');
    default:
      return true;
  }
}

export function exportForKind(cluster: Cluster): RealClusterFiles {
  const list = (kind: (typeof kinds)[number]) => {
    const r = cluster.list(kind, {});
    return r.ok ? (r.value.items as unknown as Json[]) : [];
  };
  const selectorless = new Set(
    list('Service')
      .filter((s) => !(s.spec as { selector?: object } | undefined)?.selector)
      .map((s) => `${(s.metadata as Meta).namespace}/${(s.metadata as Meta).name}`),
  );
  const docs: string[] = [];
  for (const kind of kinds) {
    for (const obj of list(kind)) {
      if (!madeByUser(kind, obj, selectorless)) continue;
      const { apiVersion, kind: k, ...rest } = cleanManifest({ ...obj, kind });
      docs.push(toGoYaml({ apiVersion: apiVersion ?? apiVersionOf(kind), kind: k, ...rest }));
    }
  }
  const head = '# kubectl apply -f manifests.yaml   (after: kind create cluster --config kind.yaml)\n';
  const loadBalancers = list('Service').some((s) => (s.spec as { type?: string } | undefined)?.type === 'LoadBalancer');
  return { kindConfig: kindClusterFile(cluster.config, configuredProxyMode(cluster), loadBalancers), manifests: head + (docs.length ? docs.join('---\n') : '# the cluster has no objects of your own\n'), objects: docs.length };
}

function apiVersionOf(kind: string): string {
  if (kind === 'Deployment' || kind === 'DaemonSet' || kind === 'StatefulSet' || kind === 'ReplicaSet') return 'apps/v1';
  if (kind === 'EndpointSlice') return 'discovery.k8s.io/v1';
  return 'v1';
}
