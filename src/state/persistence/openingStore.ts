/**
 * A SessionStore usable before its database is open: every call waits for the opening, in call order (so
 * appends stay in order), then goes to whichever store the opening settled on.
 */
import type { SavedSession, SessionEntry } from './sessionLog';
import type { SessionStore } from './sessionStore';

export class OpeningStore implements SessionStore {
  readonly durable = true;

  constructor(private readonly opening: Promise<SessionStore>) {}

  async load(): Promise<SavedSession | undefined> {
    return (await this.opening).load();
  }

  claim(): void {
    // in call order with the writes around it (reactions to one promise run in the order they were added)
    void this.opening.then((store) => store.claim());
  }

  async append(entry: SessionEntry): Promise<void> {
    return (await this.opening).append(entry);
  }

  async replaceAll(entries: readonly SessionEntry[]): Promise<void> {
    return (await this.opening).replaceAll(entries);
  }

  async clear(): Promise<void> {
    return (await this.opening).clear();
  }
}
