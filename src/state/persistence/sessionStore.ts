/**
 * Where the session log is kept. One small interface with two implementations: IndexedDB in the browser
 * (`idbSessionStore.ts`) and memory (here) when storage is unavailable and in unit tests.
 */
import { type SavedSession, type SessionEntry, applyOp, nextOp } from './sessionLog';

export interface SessionStore {
  /** The saved session, or undefined when there is none (or it does not start with `init`). */
  load(): Promise<SavedSession | undefined>;
  /** Appends one entry (a new `init` starts a new log; consecutive `advance`s merge). Rejects when the write fails. */
  append(entry: SessionEntry): Promise<void>;
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
    return this.log[0]?.command.type === 'init' ? { entries: [...this.log] } : undefined;
  }

  async append(entry: SessionEntry): Promise<void> {
    this.log = applyOp(this.log, nextOp(this.log[this.log.length - 1], entry));
  }

  async replaceAll(entries: readonly SessionEntry[]): Promise<void> {
    this.log = [...entries];
  }

  async clear(): Promise<void> {
    this.log = [];
  }
}
