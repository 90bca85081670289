/**
 * Test helpers for the kubelet: a cluster with an extra tainted worker the scheduler never uses (so IPs and
 * images on it are predictable), pod builders, and a status recorder for golden fixtures.
 */
import { Cluster } from '../cluster';
import { kindNodes } from '../config';
import type { Container, Event, Pod } from '../api/types';

/** A worker nobody schedules to: tests bind pods to it with spec.nodeName. */
export const testNode = 'kind-worker4';

/** A frozen-object cluster with kind's four nodes plus `kind-worker4` (10.244.4.0/24, 172.18.0.6). */
export function testCluster(): Cluster {
  const nodes = kindNodes('kind', 3);
  nodes.push({
    name: testNode,
    role: 'worker',
    ip: '172.18.0.6',
    podCIDR: '10.244.4.0/24',
    taints: [{ key: 'svcsim.test/reserved', effect: 'NoSchedule' }],
  });
  return new Cluster({ freezeObjects: true, nodes });
}

/** A pod bound to `node` with the given containers. */
export function boundPod(name: string, containers: Container[], extra: Partial<Pod['spec']> = {}, node = testNode): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { nodeName: node, containers, ...extra },
  } as Pod;
}

/** Creates a pod and fails loudly when the apiserver refuses it. */
export function mustCreate(c: Cluster, pod: Pod): Pod {
  const r = c.create('Pod', pod);
  if (!r.ok) throw new Error(`create ${pod.metadata?.name}: ${r.status.message}`);
  return r.value;
}

export function getPod(c: Cluster, name: string, namespace = 'default'): Pod | undefined {
  const r = c.get('Pod', namespace, name);
  return r.ok ? r.value : undefined;
}

/** Events about one pod, oldest first, as `Reason: message`. */
export function podEvents(c: Cluster, name: string, namespace = 'default'): string[] {
  const r = c.list('Event', { namespace });
  if (!r.ok) return [];
  return r.value.items
    .filter((e: Event) => e.involvedObject.name === name && e.involvedObject.kind === 'Pod')
    .sort((a, b) => (a.firstTimestamp ?? '').localeCompare(b.firstTimestamp ?? '') || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''))
    .map((e) => `${e.reason}: ${e.message}`);
}

/** The Ready condition status of a pod. */
export function readyStatus(pod: Pod | undefined): string | undefined {
  return pod?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
}

/**
 * Replaces what differs between runs of differently seeded clusters (IDs, timestamps, IPs) with
 * placeholders, so golden fixtures pin the shape, reasons and messages.
 */
export function normalizeStatus(status: unknown): unknown {
  return JSON.parse(
    JSON.stringify(status)
      .replace(/containerd:\/\/[0-9a-f]{64}/g, 'containerd://<id>')
      .replace(/kube-api-access-[a-z0-9]{5}/g, 'kube-api-access-<id>')
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/g, '<time>')
      .replace(/pod=([a-z0-9-]+)_default\([0-9a-f-]+\)/g, 'pod=$1_default(<uid>)'),
  );
}
