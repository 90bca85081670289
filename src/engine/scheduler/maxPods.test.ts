/**
 * A node takes at most its allocatable `pods` (110, the kubelet's --max-pods default); the scheduler's
 * NodeResourcesFit rejects the rest with "Too many pods" (kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/noderesources/fit.go) and the FitError message plus the DefaultPreemption
 * suffix (pkg/scheduler/schedule_one.go, pkg/scheduler/framework/preemption/preemption.go).
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { ShellSession } from '../../cli/shellSession';

describe('110 pods per node', () => {
  it('fills each worker to 110 and leaves the rest Pending with the scheduler message', () => {
    const cluster = new Cluster({ seed: 1 });
    const s = new ShellSession(cluster);
    s.feed('kubectl create deployment many --image=nginx --replicas=400');
    // 400 creations at the replicaset-controller's 20/s, then binding
    cluster.advance(60_000);
    const pods = cluster.store.list('Pod');
    const perNode = new Map<string, number>();
    for (const p of pods) if (p.spec?.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
    for (const worker of ['kind-worker', 'kind-worker2', 'kind-worker3']) expect(perNode.get(worker)).toBe(110);
    expect(cluster.store.get('Node', 'kind-worker')?.status?.allocatable?.pods).toBe('110');
    const mine = pods.filter((p) => p.metadata?.name?.startsWith('many-'));
    expect(mine.length).toBe(400);
    const pending = mine.filter((p) => !p.spec?.nodeName);
    const onWorkers = 330 - pods.filter((p) => !p.metadata?.name?.startsWith('many-') && p.spec?.nodeName?.startsWith('kind-worker')).length;
    expect(pending.length).toBe(400 - onWorkers);
    const name = pending[0].metadata?.name ?? '';
    const events = cluster.store.list('Event', 'default').filter((e) => e.involvedObject?.name === name && e.reason === 'FailedScheduling');
    expect(events.map((e) => e.message)).toContain(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Too many pods. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    expect(s.feed(`kubectl get pod ${name} --no-headers`)).toMatch(new RegExp(`${name} +0/1 +Pending +0 `));
  });
});
