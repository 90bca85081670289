/**
 * Guarded access to the page's synchronous storage. In a cross-site iframe with third-party storage blocked
 * (and in some private modes) merely reading `window.localStorage` throws a SecurityError; unguarded, that one
 * read blanks the page. Every localStorage access of the app goes through here.
 */

/** The page's localStorage, or undefined when the browser denies it. */
export function localStore(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Why storage cannot be used here, or undefined when localStorage and IndexedDB both seem reachable. */
export function storageDenial(): string | undefined {
  try {
    const s = globalThis.localStorage;
    if (!s) return 'this browser offers no local storage';
    s.getItem('svcsim.probe');
  } catch (e) {
    return describeStorageError(e);
  }
  try {
    if (!globalThis.indexedDB) return 'this browser offers no IndexedDB';
  } catch (e) {
    return describeStorageError(e);
  }
  return undefined;
}

/** What a storage exception means, in words a user can act on. */
export function describeStorageError(e: unknown): string {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  const code = e instanceof DOMException ? e.code : 0;
  // Firefox names a full storage NS_ERROR_DOM_QUOTA_REACHED; the legacy code 22 is QUOTA_EXCEEDED_ERR
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22) return 'the browser storage is full';
  if (name === 'SecurityError') return 'the browser denies storage to this page (a cross-site frame or a private mode)';
  if (name === 'InvalidStateError') return 'the browser does not allow storage here (a private mode?)';
  if (name === 'AbortError') return 'the browser aborted the write';
  if (name === 'UnknownError') return 'the browser could not write to disk';
  return name ? `the browser refused to store (${name})` : 'the browser refused to store';
}

/** A Storage-shaped view whose calls never throw: for libraries that take a storage object. */
export const guardedStorage: Pick<Storage, 'getItem' | 'setItem'> = {
  getItem(key) {
    try {
      return localStore()?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  setItem(key, value) {
    try {
      localStore()?.setItem(key, value);
    } catch {
      // a layout or preference that is not remembered is harmless
    }
  },
};

/** One localStorage key read and written as text; `write` returns the error instead of throwing. */
export interface TextSlot {
  read(): string | undefined;
  write(text: string): unknown;
  remove(): void;
}

export function textSlot(key: string): TextSlot {
  return {
    read() {
      try {
        return localStore()?.getItem(key) ?? undefined;
      } catch {
        return undefined;
      }
    },
    write(text) {
      try {
        const s = localStore();
        if (!s) return new DOMException('localStorage is not available', 'SecurityError');
        s.setItem(key, text);
        return undefined;
      } catch (e) {
        return e;
      }
    },
    remove() {
      try {
        localStore()?.removeItem(key);
      } catch {
        // nothing to remove where nothing can be stored
      }
    },
  };
}
