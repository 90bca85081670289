/**
 * A message channel between the app's tabs of one origin: BroadcastChannel where the browser has it, else
 * `storage` events (a write to localStorage is announced to every other tab of the origin).
 */
import { localStore } from './storageAccess';

export type TabMessage =
  /** A tab started and asks who else is there. */
  | { type: 'hello'; from: string }
  /** The answer to `hello`: a tab that saves (or may save) the session. */
  | { type: 'here'; from: string; to: string }
  /** A tab takes over saving: the tab that saved so far stops. */
  | { type: 'takeover'; from: string };

export interface TabChannel {
  post(message: TabMessage): void;
  /** Returns a function that stops listening. */
  listen(onMessage: (message: TabMessage) => void): () => void;
}

function isTabMessage(v: unknown): v is TabMessage {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as { type?: unknown; from?: unknown };
  return (m.type === 'hello' || m.type === 'here' || m.type === 'takeover') && typeof m.from === 'string';
}

/** The channel named `name`, or undefined when neither BroadcastChannel nor localStorage is available. */
export function openTabChannel(name: string): TabChannel | undefined {
  if (typeof BroadcastChannel === 'function') {
    try {
      const bc = new BroadcastChannel(name);
      return {
        post: (m) => bc.postMessage(m),
        listen(onMessage) {
          const h = (e: MessageEvent) => {
            if (isTabMessage(e.data)) onMessage(e.data);
          };
          bc.addEventListener('message', h);
          return () => bc.removeEventListener('message', h);
        },
      };
    } catch {
      // fall through to storage events
    }
  }
  const storage = localStore();
  if (!storage || typeof addEventListener !== 'function') return undefined;
  const key = `${name}.message`;
  let sent = 0;
  return {
    post(m) {
      try {
        // a counter makes every message a change, so a repeated message still raises an event
        storage.setItem(key, JSON.stringify({ ...m, n: sent++ }));
      } catch {
        // a tab that cannot write cannot be seen: it does not save either
      }
    },
    listen(onMessage) {
      const h = (e: StorageEvent) => {
        if (e.key !== key || !e.newValue) return;
        try {
          const m = JSON.parse(e.newValue) as unknown;
          if (isTabMessage(m)) onMessage(m);
        } catch {
          // not ours
        }
      };
      addEventListener('storage', h);
      return () => removeEventListener('storage', h);
    },
  };
}
