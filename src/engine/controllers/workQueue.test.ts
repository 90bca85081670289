import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { WorkQueue } from './workQueue';

describe('WorkQueue', () => {
  it('hands keys out once each, in the order they were first added', () => {
    const q = new WorkQueue(new VirtualClock(0), 'test');
    for (const k of ['a', 'b', 'a', 'c', 'b']) q.add(k);
    expect(q.length).toBe(3);
    expect([q.pop(), q.pop()]).toEqual(['a', 'b']);
    q.add('a'); // taken out already: queued again, behind c
    q.add('c'); // still waiting: stays where it is
    expect([q.pop(), q.pop(), q.pop()]).toEqual(['c', 'a', undefined]);
  });

  it('keeps the order over many adds and pops', () => {
    const q = new WorkQueue(new VirtualClock(0), 'test');
    const out: string[] = [];
    for (let i = 0; i < 5000; i++) {
      q.add(`k${i}`);
      q.add(`k${i % 7}`);
      if (i % 3 === 0) out.push(q.pop() as string);
    }
    for (let k = q.pop(); k !== undefined; k = q.pop()) out.push(k);
    expect(new Set(out).size).toBe(5000);
    expect(out.slice(0, 4)).toEqual(['k0', 'k1', 'k2', 'k3']);
  });
});
