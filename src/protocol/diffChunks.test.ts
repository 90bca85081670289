import { describe, expect, it } from 'vitest';
import { diff, node, pod } from '../graph/testing';
import { diffSize, splitDiff } from './diffChunks';

describe('splitDiff', () => {
  it('leaves a small diff whole', () => {
    const d = diff([node('w'), pod('a', 'w')]);
    expect(splitDiff(d, 10)).toEqual([d]);
  });

  it('cuts a large diff into bounded pieces that together hold every change once, nodes before pods', () => {
    const pods = Array.from({ length: 25 }, (_, i) => pod(`p${i}`, 'w'));
    const d = { ...diff([...pods, node('w')], [], [], true), log: [{ seq: 1, time: 0, component: 'kubelet', message: 'm' }] };
    const pieces = splitDiff(d, 10);
    expect(pieces.map(diffSize)).toEqual([10, 10, 6]);
    expect(pieces.map((p) => p.reset)).toEqual([true, false, false]);
    expect(pieces.map((p) => p.log.length)).toEqual([0, 0, 1]);
    expect(pieces[0].changes.Node?.added).toHaveLength(1);
    const all = pieces.flatMap((p) => p.changes.Pod?.added ?? []);
    expect(all).toHaveLength(25);
    expect(new Set(all).size).toBe(25);
    expect(pieces.every((p) => p.resourceVersion === d.resourceVersion)).toBe(true);
  });
});
