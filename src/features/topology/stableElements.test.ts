import type { Edge, Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { reuseUnchanged, sameElement } from './stableElements';

const pod = { kind: 'Pod', metadata: { name: 'a' } };
const node = (over: Partial<Node> = {}): Node => ({ id: 'pod:default/a', type: 'pod', position: { x: 1, y: 2 }, data: { pod }, ...over });
const edge = (ready: boolean): Edge => ({ id: 'ep:default/s/a', source: 'svc:default/s', target: 'pod:default/a', data: { ready, port: 80 }, domAttributes: { 'data-ready': String(ready) } } as Edge);

describe('stable React Flow elements', () => {
  it('treats a rebuilt element with the same fields and the same mirrored object as unchanged', () => {
    expect(sameElement(node(), node())).toBe(true);
    expect(sameElement(edge(true), edge(true))).toBe(true);
  });

  it('sees a moved node, a new pod object, a readiness change and an added field', () => {
    expect(sameElement(node(), node({ position: { x: 1, y: 3 } }))).toBe(false);
    expect(sameElement(node(), node({ data: { pod: { ...pod } } }))).toBe(false);
    expect(sameElement(edge(true), edge(false))).toBe(false);
    expect(sameElement(node(), node({ selected: true }))).toBe(false);
  });

  it('keeps the previous objects, and the previous array when nothing changed', () => {
    const before = [node(), node({ id: 'pod:default/b' })];
    const same = reuseUnchanged(before, [node(), node({ id: 'pod:default/b' })]);
    expect(same).toBe(before);
    const moved = reuseUnchanged(before, [node(), node({ id: 'pod:default/b', position: { x: 9, y: 9 } })]);
    expect(moved).not.toBe(before);
    expect(moved[0]).toBe(before[0]);
    expect(moved[1]).not.toBe(before[1]);
  });

  it('reports a reordering or a removal as a change', () => {
    const a = node();
    const b = node({ id: 'pod:default/b' });
    expect(reuseUnchanged([a, b], [b, a])).toEqual([b, a]);
    expect(reuseUnchanged([a, b], [a])).toEqual([a]);
  });
});
