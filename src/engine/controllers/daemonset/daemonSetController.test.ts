/**
 * The DaemonSet controller (kubernetes/kubernetes `pkg/controller/daemon/daemon_controller.go`, `update.go`,
 * `util/daemonset_util.go`): one pod per eligible node pinned by node affinity, daemon tolerations, taints and
 * node selectors honoured, rolling replacement after a template change.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import type { DaemonSet, Pod } from '../../api/types';

const ds = (name: string, spec: Partial<NonNullable<NonNullable<DaemonSet['spec']>['template']['spec']>> = {}): DaemonSet => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name, namespace: 'default' },
  spec: {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }], ...spec } },
  },
});

const podsOf = (cluster: ReturnType<typeof createCluster>, name: string): Pod[] =>
  cluster.store.list('Pod', 'default').filter((p) => p.metadata?.ownerReferences?.[0]?.name === name && !p.metadata?.deletionTimestamp);

describe('DaemonSet controller', () => {
  it('runs one pod on each node whose taints it tolerates, pinned by node affinity on metadata.name', () => {
    const c = createCluster({ seed: 4 });
    expect(c.create('DaemonSet', ds('agent')).ok).toBe(true);
    c.advance(30_000);
    const pods = podsOf(c, 'agent');
    // the control plane is tainted NoSchedule and this template tolerates nothing of its own
    expect(pods.map((p) => p.spec?.nodeName).sort()).toEqual(['kind-worker', 'kind-worker2', 'kind-worker3']);
    for (const p of pods) {
      const term = p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0];
      expect(term?.matchFields).toEqual([{ key: 'metadata.name', operator: 'In', values: [p.spec?.nodeName] }]);
      expect(p.spec?.tolerations?.map((t) => `${t.key}:${t.effect}`)).toContain('node.kubernetes.io/unreachable:NoExecute');
      expect(p.metadata?.labels?.['pod-template-generation']).toBe('1');
      expect(p.metadata?.labels?.['controller-revision-hash']).toMatch(/^[a-z0-9]+$/);
    }
    const status = c.store.get('DaemonSet', 'default/agent')?.status;
    expect([status?.desiredNumberScheduled, status?.currentNumberScheduled, status?.numberReady, status?.updatedNumberScheduled]).toEqual([3, 3, 3, 3]);
  });

  it('follows tolerations and node selectors, and removes pods from nodes that stop qualifying', () => {
    const c = createCluster({ seed: 4 });
    c.create('DaemonSet', ds('everywhere', { tolerations: [{ operator: 'Exists' }] }));
    c.create('DaemonSet', ds('picky', { nodeSelector: { disk: 'ssd' } }));
    c.advance(30_000);
    expect(podsOf(c, 'everywhere')).toHaveLength(4);
    expect(podsOf(c, 'picky')).toHaveLength(0);
    const node = c.store.get('Node', 'kind-worker2');
    c.update('Node', { ...node, metadata: { ...node?.metadata, name: 'kind-worker2', labels: { ...node?.metadata?.labels, disk: 'ssd' } } });
    c.advance(30_000);
    expect(podsOf(c, 'picky').map((p) => p.spec?.nodeName)).toEqual(['kind-worker2']);
    const again = c.store.get('Node', 'kind-worker2');
    const labels = { ...again?.metadata?.labels };
    delete labels.disk;
    c.update('Node', { ...again, metadata: { ...again?.metadata, name: 'kind-worker2', labels } });
    c.advance(60_000);
    expect(podsOf(c, 'picky')).toHaveLength(0);
  });

  it('replaces pods one node at a time after a template change and bumps the template generation', () => {
    const c = createCluster({ seed: 4 });
    c.create('DaemonSet', ds('agent'));
    c.advance(30_000);
    const before = podsOf(c, 'agent').map((p) => p.metadata?.name);
    const cur = c.store.get('DaemonSet', 'default/agent') as DaemonSet;
    const template = { ...cur.spec?.template, metadata: { ...cur.spec?.template.metadata, annotations: { 'kubectl.kubernetes.io/restartedAt': 'now' } } };
    c.update('DaemonSet', { ...cur, spec: { ...cur.spec, selector: cur.spec?.selector ?? {}, template } });
    c.drain();
    // maxUnavailable 1: exactly one old pod is going away at first
    expect(podsOf(c, 'agent').filter((p) => before.includes(p.metadata?.name))).toHaveLength(2);
    c.advance(120_000);
    const after = podsOf(c, 'agent');
    expect(after).toHaveLength(3);
    expect(after.some((p) => before.includes(p.metadata?.name))).toBe(false);
    expect(after.every((p) => p.metadata?.labels?.['pod-template-generation'] === '2')).toBe(true);
    expect(c.store.get('DaemonSet', 'default/agent')?.metadata?.annotations?.['deprecated.daemonset.template.generation']).toBe('2');
  });

  it('rejects an invalid update strategy the way the apiserver words it', () => {
    const c = createCluster({ seed: 4 });
    const bad = ds('bad');
    if (bad.spec) bad.spec.updateStrategy = { type: 'Sometimes' };
    const r = c.create('DaemonSet', bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.status.message).toBe('DaemonSet.apps "bad" is invalid: spec.updateStrategy.type: Unsupported value: "Sometimes": supported values: "OnDelete", "RollingUpdate"');
  });
});
