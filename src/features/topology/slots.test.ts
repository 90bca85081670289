import { describe, expect, it } from 'vitest';
import { assignSlots } from './slots';

describe('assignSlots', () => {
  it('keeps every pod in its slot and gives a new pod the lowest free one', () => {
    const first = assignSlots(new Map(), new Map([['w1', ['a', 'b', 'c']]]));
    expect([...(first.get('w1') ?? [])]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    // b goes away: a and c stay put, the slot is free
    const second = assignSlots(first, new Map([['w1', ['c', 'a']]]));
    expect(second.get('w1')?.get('a')).toBe(0);
    expect(second.get('w1')?.get('c')).toBe(2);
    // d arrives and takes b's old slot, not the end
    const third = assignSlots(second, new Map([['w1', ['a', 'c', 'd']]]));
    expect(third.get('w1')?.get('d')).toBe(1);
    expect(third.get('w1')?.get('c')).toBe(2);
  });

  it('assigns new pods in a stable order whatever order they arrive in', () => {
    const a = assignSlots(new Map(), new Map([['w', ['z', 'y', 'x']]]));
    const b = assignSlots(new Map(), new Map([['w', ['x', 'z', 'y']]]));
    expect([...(a.get('w') ?? [])].sort()).toEqual([...(b.get('w') ?? [])].sort());
    expect(a.get('w')?.get('x')).toBe(0);
  });
});
