/**
 * Where the session log is kept. One small interface with two implementations: IndexedDB in the browser
 * (`idbSessionStore.ts`) and memory (here) when storage is unavailable and in unit tests.
 */
import { type SavedSession, type SessionEntry, applyOp, compact, nextOp } from './sessionLog';

/** A write refused because another tab claimed the log since this one did: this tab no longer saves. */
export class OwnerChangedError extends Error {
  override readonly name = 'OwnerChangedError';
  constructor() {
    super('another tab saves the session now');
  }
}

export interface SessionStore {
  /** The saved session, or undefined when there is none (or it does not start with `init`). */
  load(): Promise<SavedSession | undefined>;
  /** Appends one entry (a new `init` starts a new log; consecutive `advance`s merge). Rejects when the write fails. */
  append(entry: SessionEntry): Promise<void>;
  /**
   * This tab saves from now on: its next write stores its whole log and fences off every tab that saved before
   * (their later writes are refused with `OwnerChangedError`). Stores only this tab can write ignore it.
   */
  claim(): void;
  /** Replaces the whole log at once (import, take-over, retry after a failure). */
  replaceAll(entries: readonly SessionEntry[]): Promise<void>;
  clear(): Promise<void>;
  /** Whether anything survives a reload. */
  readonly durable: boolean;
}

/** Keeps the log in memory: nothing survives a reload. */
export class MemorySessionStore implements SessionStore {
  readonly durable = false;
  private log: SessionEntry[] = [];

  async load(): Promise<SavedSession | undefined> {
    const entries = compact(this.log);
    return entries.length ? { entries } : undefined;
  }

  claim(): void {}

  async append(entry: SessionEntry): Promise<void> {
    this.log = applyOp(this.log, nextOp(this.log.at(-1), entry, this.log.at(-2)));
  }

  async replaceAll(entries: readonly SessionEntry[]): Promise<void> {
    this.log = [...entries];
  }

  async clear(): Promise<void> {
    this.log = [];
  }
}
