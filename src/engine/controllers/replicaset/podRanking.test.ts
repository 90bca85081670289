import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { formatTimestamp } from '../../clock';
import { getPodsToDelete } from './podRanking';

const now = Date.UTC(2026, 0, 5, 10, 0, 0);

function pod(name: string, opts: { node?: string; phase?: string; readySince?: number; created?: number; restarts?: number; cost?: string } = {}): Pod {
  return {
    metadata: {
      name,
      uid: `uid-${name}`,
      creationTimestamp: formatTimestamp(opts.created ?? now - 3_600_000),
      ...(opts.cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': opts.cost } } : {}),
    },
    spec: { nodeName: opts.node, containers: [] },
    status: {
      phase: opts.phase ?? 'Running',
      conditions: opts.readySince !== undefined ? [{ type: 'Ready', status: 'True', lastTransitionTime: formatTimestamp(opts.readySince) }] : [],
      containerStatuses: [{ name: 'c', image: 'x', imageID: '', ready: true, restartCount: opts.restarts ?? 0 }],
    },
  } as Pod;
}

const order = (pods: Pod[], related: Pod[] = pods) => getPodsToDelete(pods, related, pods.length - 1, now).map((p) => p.metadata?.name);

describe('ActivePodsWithRanks ordering', () => {
  it('unassigned < pending < unknown < running, not ready < ready', () => {
    const pods = [
      pod('ready', { node: 'n1', readySince: now - 60_000 }),
      pod('running', { node: 'n1' }),
      pod('unknown', { node: 'n1', phase: 'Unknown' }),
      pod('pending', { node: 'n1', phase: 'Pending' }),
      pod('unassigned', { phase: 'Pending' }),
    ];
    expect(order(pods)).toEqual(['unassigned', 'pending', 'unknown', 'running']);
  });

  it('lower deletion cost first, then pods doubled up on a node', () => {
    const pods = [pod('a', { node: 'n1', readySince: now - 60_000 }), pod('b', { node: 'n2', readySince: now - 60_000 }), pod('c', { node: 'n2', readySince: now - 60_000 })];
    expect(order(pods).slice(0, 1)[0]).not.toBe('a');
    const withCost = [pod('a', { node: 'n1', readySince: now - 60_000, cost: '-5' }), ...pods.slice(1)];
    expect(order(withCost)[0]).toBe('a');
  });

  it('recently ready, restarting and newer pods go first', () => {
    const ready = [pod('old', { node: 'n1', readySince: now - 3_600_000 }), pod('new', { node: 'n2', readySince: now - 10_000 })];
    expect(getPodsToDelete(ready, ready, 1, now)[0].metadata?.name).toBe('new');
    const restarts = [pod('calm', { node: 'n1' }), pod('crashy', { node: 'n2', restarts: 4 })];
    expect(getPodsToDelete(restarts, restarts, 1, now)[0].metadata?.name).toBe('crashy');
    const ages = [pod('aged', { node: 'n1', created: now - 86_400_000 }), pod('young', { node: 'n2', created: now - 5_000 })];
    expect(getPodsToDelete(ages, ages, 1, now)[0].metadata?.name).toBe('young');
  });
});
