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

/**
 * Why storage cannot be used or stopped working, as a code the storage banner words in the reader's language
 * (`storage.reason.<code>`); `refused` keeps the browser's own error name when it gave one.
 */
export type StorageProblem =
  | { code: 'full' | 'denied' | 'notAllowed' | 'aborted' | 'disk' | 'noLocalStorage' | 'noIndexedDb' | 'timeout' | 'closed' }
  | { code: 'refused'; name?: string };

/** Why storage cannot be used here, or undefined when localStorage and IndexedDB both seem reachable. */
export function storageDenial(): StorageProblem | undefined {
  try {
    const s = globalThis.localStorage;
    if (!s) return { code: 'noLocalStorage' };
    s.getItem('svcsim.probe');
  } catch (e) {
    return describeStorageError(e);
  }
  try {
    if (!globalThis.indexedDB) return { code: 'noIndexedDb' };
  } catch (e) {
    return describeStorageError(e);
  }
  return undefined;
}

/** What a storage exception means, as a problem the banner words in terms a user can act on. */
export function describeStorageError(e: unknown): StorageProblem {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  const code = e instanceof DOMException ? e.code : 0;
  // Firefox names a full storage NS_ERROR_DOM_QUOTA_REACHED; the legacy code 22 is QUOTA_EXCEEDED_ERR
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22) return { code: 'full' };
  if (name === 'SecurityError') return { code: 'denied' };
  if (name === 'InvalidStateError') return { code: 'notAllowed' };
  if (name === 'AbortError') return { code: 'aborted' };
  if (name === 'UnknownError') return { code: 'disk' };
  return name ? { code: 'refused', name } : { code: 'refused' };
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
