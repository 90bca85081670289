import { describe, expect, it } from 'vitest';
import { PodArrivals, enterWindowMs } from './podArrivals';

const pod = (id: string) => ({ id, type: 'pod' });

describe('PodArrivals', () => {
  it('a pod is new when it first appears, not when its card mounts later (scrolled into view)', () => {
    const a = new PodArrivals();
    a.note([pod('pod:default/a'), { id: 'node:kind-worker', type: 'k8sNode' }], 1000);
    expect(a.isNew('pod:default/a', 1000 + 50)).toBe(true);
    a.note([pod('pod:default/a'), pod('pod:default/b')], 3000);
    expect(a.isNew('pod:default/a', 3000)).toBe(false);
    expect(a.isNew('pod:default/b', 3000 + enterWindowMs - 1)).toBe(true);
    expect(a.isNew('pod:default/b', 3000 + enterWindowMs)).toBe(false);
  });

  it('a pod deleted and created again under its name is new again', () => {
    const a = new PodArrivals();
    a.note([pod('pod:default/alpaca-prod')], 0);
    a.note([], 5000);
    a.note([pod('pod:default/alpaca-prod')], 9000);
    expect(a.isNew('pod:default/alpaca-prod', 9100)).toBe(true);
  });
});
