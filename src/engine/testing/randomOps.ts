/**
 * Random cluster operations for the property and determinism tests: a small label universe so Services and
 * pods keep meeting, and every kind of change a user can make (create, scale, delete, relabel, stop a node,
 * flip readiness, let time pass).
 */
import type { Cluster } from '../cluster';
import type { Container, Deployment, Pod, Service } from '../api/types';

export type Op =
  | { op: 'createDeployment'; name: string; app: string; tier: string; replicas: number; image: string }
  | { op: 'scale'; name: string; replicas: number }
  | { op: 'createService'; name: string; selector: Record<string, string>; port: number; type: 'ClusterIP' | 'NodePort' | 'LoadBalancer'; nodePort?: number }
  | { op: 'deleteService'; name: string }
  | { op: 'deleteDeployment'; name: string }
  | { op: 'deletePod'; index: number; grace?: number }
  | { op: 'relabelPod'; index: number; app: string }
  | { op: 'createPod'; name: string; app: string; image: string }
  | { op: 'setReady'; index: number; ready: boolean }
  | { op: 'stopNode'; index: number }
  | { op: 'startNode'; index: number }
  | { op: 'advance'; ms: number };

export const apps = ['alpaca', 'bandicoot', 'nginx'] as const;
export const tiers = ['web', 'api'] as const;
export const images = ['nginx:1.27', 'gcr.io/kuar-demo/kuard-amd64:blue', 'busybox:1.36'] as const;

/** The one container every generated workload runs: a client sleeps, a server declares its `http` port. */
function mainContainer(image: string): Container {
  return {
    name: 'main',
    image,
    ...(image.startsWith('busybox') ? { command: ['sleep', '3600'] } : {}),
    ports: [{ containerPort: image.startsWith('nginx') ? 80 : 8080, name: 'http' }],
  };
}

/** Applies one operation through the public API. Rejections are fine (that is bad input); throws are not. */
export function runOp(cluster: Cluster, o: Op): void {
  const pods = () => cluster.store.list('Pod', 'default');
  switch (o.op) {
    case 'createDeployment': {
      const labels = { app: o.app, tier: o.tier };
      const d: Deployment = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: o.name, labels },
        spec: {
          replicas: o.replicas,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              containers: [mainContainer(o.image)],
            },
          },
        },
      };
      cluster.create('Deployment', d);
      return;
    }
    case 'scale': {
      const d = cluster.store.get('Deployment', `default/${o.name}`);
      if (d) cluster.update('Deployment', { ...d, spec: { ...d.spec, replicas: o.replicas } as Deployment['spec'] });
      return;
    }
    case 'createService': {
      const s: Service = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: o.name },
        spec: {
          type: o.type,
          selector: o.selector,
          ports: [{ port: o.port, targetPort: 'http', protocol: 'TCP', ...(o.nodePort ? { nodePort: o.nodePort } : {}) }],
        },
      };
      cluster.create('Service', s);
      return;
    }
    case 'deleteService':
      cluster.delete('Service', 'default', o.name);
      return;
    case 'deleteDeployment':
      cluster.delete('Deployment', 'default', o.name);
      return;
    case 'deletePod': {
      const list = pods();
      if (list.length === 0) return;
      const p = list[o.index % list.length];
      cluster.delete('Pod', 'default', p.metadata?.name ?? '', o.grace === undefined ? {} : { gracePeriodSeconds: o.grace });
      return;
    }
    case 'relabelPod': {
      const list = pods();
      if (list.length === 0) return;
      const p = list[o.index % list.length];
      cluster.update('Pod', { ...p, metadata: { ...p.metadata, labels: { ...(p.metadata?.labels ?? {}), app: o.app } } } as Pod);
      return;
    }
    case 'createPod': {
      const pod: Pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: o.name, labels: { app: o.app } },
        spec: {
          containers: [mainContainer(o.image)],
        },
      };
      cluster.create('Pod', pod);
      return;
    }
    case 'setReady': {
      const list = pods();
      if (list.length === 0) return;
      const p = list[o.index % list.length];
      cluster.simulation.setAppHealth('default', p.metadata?.name ?? '', 'ready', o.ready);
      cluster.drain();
      return;
    }
    case 'stopNode': {
      const workers = cluster.config.nodes.filter((n) => n.role === 'worker');
      cluster.simulation.stopNode(workers[o.index % workers.length].name);
      cluster.drain();
      return;
    }
    case 'startNode': {
      const workers = cluster.config.nodes.filter((n) => n.role === 'worker');
      cluster.simulation.startNode(workers[o.index % workers.length].name);
      cluster.drain();
      return;
    }
    case 'advance':
      cluster.advance(o.ms);
      return;
  }
}
