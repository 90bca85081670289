import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock';

function runAll(clock: VirtualClock, until: number): void {
  for (let next = clock.nextAt(); next !== undefined && next <= until; next = clock.nextAt()) {
    clock.setNow(next);
    while (clock.runOneDue());
  }
}

describe('VirtualClock', () => {
  it('runs fixed-delay timers in the one (time, order set) sequence with the other timers', () => {
    const clock = new VirtualClock(0);
    const ttl = clock.fixedDelay(100);
    const ran: string[] = [];
    ttl.schedule('a', () => ran.push('lane a@100'));
    clock.schedule(100, 'b', () => ran.push('heap b@100'));
    clock.schedule(50, 'c', () => ran.push('heap c@50'));
    ttl.schedule('d', () => ran.push('lane d@100'));
    clock.setNow(20);
    ttl.schedule('e', () => ran.push('lane e@120'));
    clock.schedule(100, 'f', () => ran.push('heap f@120'));
    expect(clock.nextAt()).toBe(50);
    expect(clock.pendingCount()).toBe(6);
    runAll(clock, 1000);
    expect(ran).toEqual(['heap c@50', 'lane a@100', 'heap b@100', 'lane d@100', 'lane e@120', 'heap f@120']);
    expect(clock.nextAt()).toBeUndefined();
  });

  it('skips cancelled fixed-delay timers', () => {
    const clock = new VirtualClock(0);
    const lane = clock.fixedDelay(10);
    const ran: string[] = [];
    const first = lane.schedule('x', () => ran.push('x'));
    lane.schedule('y', () => ran.push('y'));
    first.cancel();
    expect(clock.pendingCount()).toBe(1);
    runAll(clock, 100);
    expect(ran).toEqual(['y']);
  });
});
