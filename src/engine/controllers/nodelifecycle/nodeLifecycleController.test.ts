/**
 * Node failure end to end: kubelet stopped -> node-lifecycle-controller marks the node Unknown after the
 * 50 s node monitor grace period (1.32+), taints it unreachable, marks its pods not ready; the
 * taint-eviction-controller deletes pods when their toleration runs out; pods on the dead node stay
 * Terminating until the kubelet is back.
 * Strings: node_lifecycle_controller.go ("Kubelet stopped posting node status."), controller_utils.go
 * MarkPodsNotReady ("Node is not ready"), tainteviction/taint_eviction.go ("Marking for deletion Pod %s").
 */
import { describe, expect, it } from 'vitest';
import type { Event, Pod, Toleration } from '../../api/types';
import type { Cluster } from '../../cluster';
import { boundPod, getPod, mustCreate, podEvents, readyStatus, testCluster, testNode } from '../../kubelet/testing';

const unreachable = (seconds?: number): Toleration => ({
  key: 'node.kubernetes.io/unreachable',
  operator: 'Exists',
  effect: 'NoExecute',
  ...(seconds === undefined ? {} : { tolerationSeconds: seconds }),
});

function node(c: Cluster) {
  const r = c.get('Node', undefined, testNode);
  if (!r.ok) throw new Error('no node');
  return r.value;
}

function nodeEvents(c: Cluster): string[] {
  const r = c.list('Event', { namespace: 'default' });
  return r.ok ? r.value.items.filter((e: Event) => e.involvedObject.kind === 'Node' && e.involvedObject.name === testNode).map((e) => `${e.reason}: ${e.message}`) : [];
}

/** The taints the node lifecycle controller manages (the test node also carries a reserved taint). */
function lifecycleTaints(c: Cluster) {
  return (node(c).spec?.taints ?? []).filter((t) => t.key.startsWith('node.kubernetes.io/'));
}

function start(c: Cluster, name: string, tolerations: Toleration[]): Pod {
  return mustCreate(c, boundPod(name, [{ name, image: 'nginx:1.27' }], { tolerations }));
}

describe('node lifecycle', () => {
  it('marks a silent node Unknown after the grace period, taints it and evicts pods per toleration', () => {
    const c = testCluster();
    start(c, 'default-300', [unreachable(300)]);
    start(c, 'short', [unreachable(30)]);
    start(c, 'forever', [unreachable()]);
    c.advance(20_000);
    expect(readyStatus(getPod(c, 'default-300'))).toBe('True');

    expect(c.simulation.stopNode(testNode)).toBe(true);
    expect(c.simulation.isNodeRunning(testNode)).toBe(false);
    const stoppedAt = c.now();
    c.advance(40_000);
    expect(node(c).status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('True');
    expect(c.runUntil(() => node(c).status?.conditions?.find((x) => x.type === 'Ready')?.status === 'Unknown', 30_000)).toBe(true);
    const detectedAfter = c.now() - stoppedAt;
    // last lease renewal (every 10 s) + 50 s, on the 5 s monitor grid
    expect(detectedAfter).toBeGreaterThan(40_000);
    expect(detectedAfter).toBeLessThanOrEqual(65_000);

    const n = node(c);
    for (const cond of n.status?.conditions ?? []) {
      expect(cond).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    }
    const taints = lifecycleTaints(c);
    expect(taints.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    expect(taints[1]?.timeAdded).toBeDefined();
    expect(nodeEvents(c)).toContain(`NodeNotReady: Node ${testNode} status is now: NodeNotReady`);
    expect(readyStatus(getPod(c, 'default-300'))).toBe('False');
    expect(podEvents(c, 'default-300')).toContain('NodeNotReady: Node is not ready');

    // tolerationSeconds 30: deleted 30 s after the taint; the pod stays Terminating on the dead node
    c.advance(31_000);
    const short = getPod(c, 'short');
    expect(short?.metadata?.deletionTimestamp).toBeDefined();
    expect(short?.status?.conditions?.find((x) => x.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    });
    expect(podEvents(c, 'short')).toContain('TaintManagerEviction: Marking for deletion Pod default/short');
    expect(getPod(c, 'default-300')?.metadata?.deletionTimestamp).toBeUndefined();

    // the default 300 s toleration
    c.advance(270_000);
    expect(getPod(c, 'default-300')?.metadata?.deletionTimestamp).toBeDefined();
    c.advance(120_000);
    expect(getPod(c, 'default-300')).toBeDefined();
    expect(getPod(c, 'forever')?.metadata?.deletionTimestamp).toBeUndefined();

    // power back on: Ready, taints gone, terminating pods finish, the survivor runs again in a new sandbox
    expect(c.simulation.startNode(testNode)).toBe(true);
    c.advance(10_000);
    const back = node(c);
    expect(back.status?.conditions?.find((x) => x.type === 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    expect(lifecycleTaints(c)).toEqual([]);
    expect(back.spec?.taints?.map((t) => t.key)).toEqual(['svcsim.test/reserved']);
    expect(getPod(c, 'short')).toBeUndefined();
    expect(getPod(c, 'default-300')).toBeUndefined();
    const survivor = getPod(c, 'forever');
    expect(readyStatus(survivor)).toBe('True');
    const cs = survivor?.status?.containerStatuses?.[0];
    expect(cs?.restartCount).toBe(1);
    expect(cs?.lastState?.terminated).toMatchObject({ exitCode: 255, reason: 'Unknown' });
    expect(podEvents(c, 'forever')).toContain('SandboxChanged: Pod sandbox changed, it will be killed and re-created.');
    expect(nodeEvents(c)).toContain(`NodeReady: Node ${testNode} status is now: NodeReady`);
  });

  it('cancels a scheduled eviction when the node comes back in time', () => {
    const c = testCluster();
    start(c, 'web', [unreachable(300)]);
    c.advance(20_000);
    c.simulation.stopNode(testNode);
    c.advance(120_000);
    expect(lifecycleTaints(c).length).toBe(2);
    c.simulation.startNode(testNode);
    c.advance(5_000);
    expect(podEvents(c, 'web')).toContain('TaintManagerEviction: Cancelling deletion of Pod default/web');
    c.advance(400_000);
    expect(getPod(c, 'web')?.metadata?.deletionTimestamp).toBeUndefined();
  });

  it('leaves a pod deleted on a stopped node Terminating until the kubelet returns', () => {
    const c = testCluster();
    start(c, 'web', [unreachable(300)]);
    c.advance(20_000);
    c.simulation.stopNode(testNode);
    c.delete('Pod', 'default', 'web');
    c.advance(600_000);
    expect(getPod(c, 'web')?.metadata?.deletionTimestamp).toBeDefined();
    c.simulation.startNode(testNode);
    c.advance(2_000);
    expect(getPod(c, 'web')).toBeUndefined();
  });
});
