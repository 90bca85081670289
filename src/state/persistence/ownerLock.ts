/**
 * "Which tab saves" as a Web Lock: the owning tab holds an exclusive lock for as long as it lives, a new tab
 * asks for it without waiting, and taking over steals it (the old holder learns at once). Unlike a timed
 * hello/answer exchange this does not depend on how busy the other tab's main thread is.
 */

export interface OwnerLock {
  /** Holds the lock when no other tab does: true; false when another tab holds it; undefined when locks fail here. */
  tryAcquire(onLost: () => void): Promise<boolean | undefined>;
  /** Takes the lock from whichever tab holds it (that tab's `onLost` runs). */
  steal(onLost: () => void): Promise<void>;
}

/** The Web Locks API's lock `name`, or undefined where the browser has none. */
export function webOwnerLock(name: string): OwnerLock | undefined {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return undefined;
  const hold = (options: LockOptions, onLost: () => void) =>
    new Promise<boolean | undefined>((resolve) => {
      let acquired = false;
      locks
        .request(name, options, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          acquired = true;
          resolve(true);
          // held until the page goes away, or until another tab steals it (the request then rejects)
          return new Promise<void>(() => {});
        })
        .catch(() => {
          if (acquired) onLost();
          else resolve(undefined);
        });
    });
  return {
    tryAcquire: (onLost) => hold({ ifAvailable: true }, onLost),
    steal: async (onLost) => {
      await hold({ steal: true }, onLost);
    },
  };
}
