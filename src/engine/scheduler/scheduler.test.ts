import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../api/types';
import type { Cluster } from '../cluster';
import { clusterWithoutKubelets } from '../controllers/replicaset/testing/podLifecycle';

function pod(name: string, spec: Partial<NonNullable<Pod['spec']>> = {}): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } };
}

const get = (c: Cluster, name: string) => c.store.get('Pod', `default/${name}`) as Pod;
const podEvents = (c: Cluster, name: string) =>
  c.store
    .list('Event', 'default')
    .filter((e) => e.involvedObject.kind === 'Pod' && e.involvedObject.name === name)
    .map((e) => `${e.type} ${e.reason} ${e.message}`);

function editNode(c: Cluster, name: string, change: (n: Node) => Node): void {
  const n = c.store.get('Node', name) as Node;
  expect(c.update('Node', change(n)).ok).toBe(true);
}

// The message format of framework.FitError plus the DefaultPreemption PostFilter (kube-scheduler v1.34.0).
const selectorMiss =
  "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.";

describe('default-scheduler', () => {
  it('binds a pod and records Scheduled', () => {
    const c = clusterWithoutKubelets();
    c.create('Pod', pod('web'));
    const p = get(c, 'web');
    expect(p.spec?.nodeName).toMatch(/^kind-worker/);
    expect(p.status?.conditions?.find((x) => x.type === 'PodScheduled')?.status).toBe('True');
    expect(podEvents(c, 'web')).toEqual([`Normal Scheduled Successfully assigned default/web to ${p.spec?.nodeName}`]);
  });

  it('leaves a pod that fits nowhere Pending with Unschedulable and FailedScheduling', () => {
    const c = clusterWithoutKubelets();
    c.create('Pod', pod('ssd', { nodeSelector: { disk: 'ssd' } }));
    const p = get(c, 'ssd');
    expect(p.spec?.nodeName).toBeUndefined();
    expect(p.status?.conditions?.find((x) => x.type === 'PodScheduled')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message: selectorMiss,
    });
    expect(podEvents(c, 'ssd')).toEqual([`Warning FailedScheduling ${selectorMiss}`]);
  });

  it('retries when a node starts to match', () => {
    const c = clusterWithoutKubelets();
    c.create('Pod', pod('ssd', { nodeSelector: { disk: 'ssd' } }));
    editNode(c, 'kind-worker2', (n) => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata?.labels, disk: 'ssd' } } }));
    // still within the 1 s backoff of the first attempt
    expect(get(c, 'ssd').spec?.nodeName).toBeUndefined();
    c.advance(1_000);
    expect(get(c, 'ssd').spec?.nodeName).toBe('kind-worker2');
  });

  it('keeps pods off cordoned nodes and says so', () => {
    const c = clusterWithoutKubelets();
    for (const w of ['kind-worker', 'kind-worker2', 'kind-worker3']) editNode(c, w, (n) => ({ ...n, spec: { ...n.spec, unschedulable: true } }));
    c.create('Pod', pod('web'));
    expect(get(c, 'web').status?.conditions?.find((x) => x.type === 'PodScheduled')?.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) were unschedulable. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
    editNode(c, 'kind-worker3', (n) => ({ ...n, spec: { ...n.spec, unschedulable: false } }));
    c.advance(1_000);
    expect(get(c, 'web').spec?.nodeName).toBe('kind-worker3');
  });

  it('tolerations let a pod onto the control plane', () => {
    const c = clusterWithoutKubelets();
    c.create(
      'Pod',
      pod('cp', {
        nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
      }),
    );
    expect(get(c, 'cp').spec?.nodeName).toBe('kind-control-plane');
  });

  it('reports resource shortfalls, which preemption could help with', () => {
    const c = clusterWithoutKubelets();
    c.create('Pod', pod('big', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '16' } } }] }));
    expect(get(c, 'big').status?.conditions?.find((x) => x.type === 'PodScheduled')?.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
  });

  it('ignores pods for another scheduler', () => {
    const c = clusterWithoutKubelets();
    c.create('Pod', pod('other', { schedulerName: 'my-scheduler' }));
    expect(get(c, 'other').spec?.nodeName).toBeUndefined();
    expect(podEvents(c, 'other')).toEqual([]);
  });

  it('spreads the pods of one ReplicaSet over the workers', () => {
    const c = clusterWithoutKubelets();
    const labels = { app: 'spread' };
    c.create('ReplicaSet', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'spread', namespace: 'default' },
      spec: { replicas: 6, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    const perNode = new Map<string, number>();
    for (const p of c.store.list('Pod', 'default')) perNode.set(p.spec?.nodeName ?? '', (perNode.get(p.spec?.nodeName ?? '') ?? 0) + 1);
    expect([...perNode].sort()).toEqual([
      ['kind-worker', 2],
      ['kind-worker2', 2],
      ['kind-worker3', 2],
    ]);
  });
});
