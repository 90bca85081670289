import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../api/types';
import { maxSurge, maxUnavailable, resolveFenceposts, setNewReplicaSetAnnotations, withDeploymentDefaults } from './deploymentUtil';
import { scaledValue } from './intOrPercent';
import { replicaSetProportion } from './replicaSetSelection';

const deployment = (replicas: number, surge?: number | string, unavailable?: number | string): Deployment =>
  withDeploymentDefaults({
    metadata: { name: 'd', annotations: { 'kubernetes.io/change-cause': 'kubectl set image', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
    spec: {
      replicas,
      selector: {},
      template: {},
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
    },
  });

describe('IntOrString scaling', () => {
  it('rounds percentages up for surge and down for unavailable', () => {
    expect(scaledValue('25%', 10, true)).toEqual({ ok: true, value: 3 });
    expect(scaledValue('25%', 10, false)).toEqual({ ok: true, value: 2 });
    expect(scaledValue(2, 10, false)).toEqual({ ok: true, value: 2 });
    expect(scaledValue('2', 10, false).ok).toBe(false);
  });

  it('resolves fenceposts, never both zero', () => {
    expect(resolveFenceposts(deployment(10))).toEqual({ surge: 3, unavailable: 2 }); // defaults 25% / 25%
    expect(resolveFenceposts(deployment(1))).toEqual({ surge: 1, unavailable: 0 });
    expect(resolveFenceposts(deployment(3, 0, '10%'))).toEqual({ surge: 0, unavailable: 1 });
    expect(maxUnavailable(deployment(2, 0, 5))).toBe(2);
    const recreate = deployment(3);
    recreate.spec = { replicas: 3, selector: {}, template: {}, strategy: { type: 'Recreate' } };
    expect(maxSurge(recreate)).toBe(0);
  });
});

describe('ReplicaSet annotations', () => {
  it('copies the Deployment annotations except the skipped ones, and sets the replica annotations on create', () => {
    const rs: ReplicaSet = { metadata: { name: 'd-1' } };
    expect(setNewReplicaSetAnnotations(deployment(4), rs, '1', false)).toBe(true);
    expect(rs.metadata?.annotations).toEqual({
      'kubernetes.io/change-cause': 'kubectl set image',
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5',
    });
  });

  it('keeps the old revisions of a reused ReplicaSet in revision-history', () => {
    const rs: ReplicaSet = { metadata: { name: 'd-1', annotations: { 'deployment.kubernetes.io/revision': '2', 'deployment.kubernetes.io/revision-history': '1' } } };
    setNewReplicaSetAnnotations(deployment(4), rs, '5', true);
    expect(rs.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('5');
    expect(rs.metadata?.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1,2');
    // a lower revision never replaces a higher one
    setNewReplicaSetAnnotations(deployment(4), rs, '3', true);
    expect(rs.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('5');
  });
});

describe('proportional scaling', () => {
  it('gives each ReplicaSet its share of the new size, from the max-replicas it last saw', () => {
    const d = deployment(20, 3, 2);
    const rs = (replicas: number): ReplicaSet => ({ metadata: { annotations: { 'deployment.kubernetes.io/max-replicas': '13' } }, spec: { replicas, selector: {} } });
    // 10 more allowed (23 - 13): 8 → round(8 * 23 / 13) = 14, 5 → round(5 * 23 / 13) = 9
    expect(replicaSetProportion(rs(8), d, 10, 0)).toBe(6);
    expect(replicaSetProportion(rs(5), d, 10, 6)).toBe(4);
    // never more than what is left to add
    expect(replicaSetProportion(rs(5), d, 10, 8)).toBe(2);
  });
});
