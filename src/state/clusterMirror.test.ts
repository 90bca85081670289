import { describe, expect, it } from 'vitest';
import { changed, diff, node, pod, service } from '../graph/testing';
import { applyDiffs, emptyMirror, objectsOfKind } from './clusterMirror';

describe('cluster mirror', () => {
  it('applies added, updated and removed objects in place, keeping unchanged objects', () => {
    const a = pod('a', 'w');
    const b = pod('b', 'w');
    const m1 = applyDiffs(emptyMirror(), [diff([node('w'), a, b, service('web')])]);
    const a2 = changed(a, { status: { phase: 'Failed' } });
    const m2 = applyDiffs(m1, [diff([], [[a, a2]], [b])]);
    expect(m2).not.toBe(m1);
    expect(m2.objects.get('Pod/default/a')).toBe(a2);
    expect(m2.objects.get('Pod/default/b')).toBeUndefined();
    expect(m2.objects.get('Service/default/web')).toBe(m1.objects.get('Service/default/web'));
    expect(objectsOfKind(m2, 'Pod').map((p) => p.metadata.name)).toEqual(['a']);
  });

  it('bumps the version of exactly the kinds that changed', () => {
    const a = pod('a', 'w');
    const m1 = applyDiffs(emptyMirror(), [diff([node('w'), a])]);
    const m2 = applyDiffs(m1, [diff([], [[a, changed(a, {})]])]);
    expect(m2.versions.Pod).not.toBe(m1.versions.Pod);
    expect(m2.versions.Node).toBe(m1.versions.Node);
  });

  it('empties on a reset and bumps every kind it held', () => {
    const m1 = applyDiffs(emptyMirror(), [diff([node('w'), pod('a', 'w')])]);
    const nodeVersion = m1.versions.Node;
    const m2 = applyDiffs(m1, [diff([service('web')], [], [], true)]);
    expect(m2.objects.size).toBe(1);
    expect(m2.versions.Node).not.toBe(nodeVersion);
    expect(m2.resourceVersion).toBeGreaterThan(0);
  });

  it('returns the same mirror for an empty batch and keeps a bounded log', () => {
    const m = emptyMirror();
    expect(applyDiffs(m, [])).toBe(m);
    const entry = (seq: number) => ({ seq, time: 0, component: 'kubelet', message: `m${seq}` });
    const logged = applyDiffs(m, [{ ...diff([]), log: Array.from({ length: 1200 }, (_, i) => entry(i)) }]);
    expect(logged.log).toHaveLength(1000);
    expect(logged.log[0].seq).toBe(200);
  });
});
