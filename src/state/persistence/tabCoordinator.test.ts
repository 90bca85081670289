import { describe, expect, it } from 'vitest';
import type { TabChannel, TabMessage } from './tabChannel';
import { TabCoordinator, type TabRole } from './tabCoordinator';

/** Tabs on one bus; messages and timers run when `settle` is called, as the browser delivers them later. */
function bus() {
  const listeners = new Set<(m: TabMessage) => void>();
  const queue: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const channel = (): TabChannel => {
    let mine: ((m: TabMessage) => void) | undefined;
    return {
      // delivered later, to every tab listening by then
      post: (m) =>
        queue.push(() => {
          for (const l of [...listeners]) if (l !== mine) l(m);
        }),
      listen: (fn) => {
        mine = fn;
        listeners.add(fn);
        return () => listeners.delete(fn);
      },
    };
  };
  const tab = (id: string) => {
    const roles: TabRole[] = [];
    let opened = 0;
    const c = new TabCoordinator(channel(), id, {
      onRole: (r) => roles.push(r),
      onOtherTabOpened: () => opened++,
      later: (_ms, fn) => timers.push(fn),
    });
    return { c, roles, opened: () => opened };
  };
  const settle = () => {
    while (queue.length) queue.shift()?.();
    while (timers.length) timers.shift()?.();
  };
  return { tab, settle };
}

describe('TabCoordinator', () => {
  it('a lone tab becomes the owner', () => {
    const b = bus();
    const a = b.tab('a');
    a.c.start();
    b.settle();
    expect(a.roles).toEqual(['owner']);
  });

  it('a second tab sees the first and saves nothing until the user chooses', () => {
    const b = bus();
    const a = b.tab('a');
    a.c.start();
    b.settle();
    const second = b.tab('b');
    second.c.start();
    b.settle();
    expect(second.roles).toEqual(['conflict']);
    expect(a.c.role).toBe('owner');
    expect(a.opened()).toBe(1);
  });

  it('taking over makes the first tab read-only', () => {
    const b = bus();
    const a = b.tab('a');
    a.c.start();
    b.settle();
    const second = b.tab('b');
    second.c.start();
    b.settle();
    second.c.takeOver();
    b.settle();
    expect(second.c.role).toBe('owner');
    expect(a.roles).toEqual(['owner', 'readOnly']);
  });

  it('keeping a tab without saving leaves the owner alone, and a tab that does not save is not counted', () => {
    const b = bus();
    const a = b.tab('a');
    a.c.start();
    b.settle();
    const second = b.tab('b');
    second.c.start();
    b.settle();
    second.c.keepWithoutSaving();
    b.settle();
    expect(a.c.role).toBe('owner');
    expect(second.c.role).toBe('passive');
    // the owner goes away: the next tab only meets the passive one, which does not answer
    a.c.keepWithoutSaving();
    const third = b.tab('c');
    third.c.start();
    b.settle();
    expect(third.roles).toEqual(['owner']);
  });

  it('two tabs starting at once both ask the user instead of both saving', () => {
    const b = bus();
    const a = b.tab('a');
    const second = b.tab('b');
    a.c.start();
    second.c.start();
    b.settle();
    expect(a.c.role).toBe('conflict');
    expect(second.c.role).toBe('conflict');
  });

  it('a tab without a channel saves', () => {
    const roles: TabRole[] = [];
    new TabCoordinator(undefined, 'x', { onRole: (r) => roles.push(r), later: () => {} }).start();
    expect(roles).toEqual(['owner']);
  });
});
