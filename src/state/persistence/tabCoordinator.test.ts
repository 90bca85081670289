import { describe, expect, it } from 'vitest';
import type { OwnerLock } from './ownerLock';
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
  const tab = (id: string, lock?: OwnerLock) => {
    const roles: TabRole[] = [];
    let opened = 0;
    const c = new TabCoordinator(channel(), id, {
      onRole: (r) => roles.push(r),
      onOtherTabOpened: () => opened++,
      later: (_ms, fn) => timers.push(fn),
      lock,
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

/** One exclusive lock shared by the tabs of a test, as navigator.locks shares one per origin. */
function sharedLock(): () => OwnerLock {
  let holder: (() => void) | undefined;
  return () => ({
    tryAcquire: async (onLost) => {
      if (holder) return false;
      holder = onLost;
      return true;
    },
    steal: async (onLost) => {
      const previous = holder;
      holder = onLost;
      previous?.();
    },
  });
}
const microtasks = () => new Promise((r) => setTimeout(r, 0));

describe('TabCoordinator with a Web Lock', () => {
  it('a second tab sees the owner even when the owner is too busy to answer in time', async () => {
    const b = bus();
    const lock = sharedLock();
    const a = b.tab('a', lock());
    a.c.start();
    await microtasks();
    expect(a.c.role).toBe('owner');
    const second = b.tab('b', lock());
    second.c.start();
    await microtasks(); // no message delivered, no timer run: only the lock answered
    expect(second.c.role).toBe('conflict');
  });

  it('taking over steals the lock and makes the owner read-only', async () => {
    const b = bus();
    const lock = sharedLock();
    const a = b.tab('a', lock());
    a.c.start();
    await microtasks();
    const second = b.tab('b', lock());
    second.c.start();
    await microtasks();
    second.c.takeOver();
    await microtasks();
    b.settle();
    expect(a.roles).toEqual(['owner', 'readOnly']);
    expect(second.roles).toEqual(['conflict', 'owner']);
    // and back
    a.c.takeOver();
    await microtasks();
    expect(second.c.role).toBe('readOnly');
    expect(a.c.role).toBe('owner');
  });

  it('falls back to the channel when the lock cannot be used', async () => {
    const b = bus();
    const a = b.tab('a', { tryAcquire: async () => undefined, steal: async () => {} });
    a.c.start();
    await microtasks();
    b.settle();
    expect(a.c.role).toBe('owner');
  });
});
