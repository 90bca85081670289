import { describe, expect, it } from 'vitest';
import { SlotAllocator } from './slotAllocator';

describe('SlotAllocator', () => {
  it('keeps every pod in its slot and gives a new pod the lowest free one', () => {
    const s = new SlotAllocator();
    expect(['a', 'b', 'c'].map((p) => s.take(p))).toEqual([0, 1, 2]);
    // b goes away: a and c stay put, the slot is free
    s.release('b');
    expect([s.slotOf('a'), s.slotOf('c'), s.slotOf('b')]).toEqual([0, 2, undefined]);
    // d arrives and takes b's old slot, not the end
    expect(s.take('d')).toBe(1);
    expect(s.take('e')).toBe(3);
    expect(s.take('d')).toBe(1);
  });

  it('shrinks its highest slot when the top pods leave, skipping slots already free', () => {
    const s = new SlotAllocator();
    for (const p of ['a', 'b', 'c', 'd']) s.take(p);
    s.release('b');
    s.release('c');
    expect(s.maxSlot).toBe(3);
    s.release('d');
    expect(s.maxSlot).toBe(0);
    expect(s.take('e')).toBe(1);
    s.release('a');
    s.release('e');
    expect([s.maxSlot, s.size]).toEqual([-1, 0]);
  });
});
