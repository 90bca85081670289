/**
 * Where the bridge keeps its command log between page loads. Each cluster-changing command is recorded as
 * `started` before it runs and `finished` (with what a replay must run) after, under its `seq`; a poison command
 * is recorded as `forgotten`. The records are appended to the page's session log (IndexedDB, see
 * `src/state/persistence`, wired in `src/app/sessionPersistence.ts`), whose compaction folds them: a reload
 * loads each command once, with its last status, so it knows which one never finished and does not replay it.
 */
import type { Command } from '../protocol/messages';

/** One logged command. `seq` grows by one per command sent in this page; a reload starts after the largest. */
// a type, not an interface: it is also a session-log entry (whose extra fields are an index signature)
export type SessionEntry = {
  seq: number;
  command: Command;
  /** `started` from just before the command is sent until its reply, then `finished`. */
  status: 'started' | 'finished';
};

/** A record appended to the log: a command's state now, or that it is forgotten (never to be replayed). */
export type SessionRecord = SessionEntry | { seq: number; command: Command; forgotten: true };

export interface SessionStore {
  /** The saved session, folded (one entry per command, oldest first); empty when there is none. */
  load(): Promise<SessionEntry[]>;
  /** Appends a record. Writes are not awaited; the store reports its own failures (the storage banner). */
  record(record: SessionRecord): void;
  /** Writes the whole log at once (a loaded log whose commands had no seq yet, from an earlier version). */
  replaceAll(entries: readonly SessionEntry[]): void;
}

/**
 * A store that keeps the records in memory, one entry per command (its latest record; a forgotten one gone; an
 * `init` starts afresh): for tests and as the bridge's default. Unlike the session log it does not merge
 * advances (the bridge's own log does).
 */
export class MemorySessionStore implements SessionStore {
  private entries = new Map<number, SessionEntry>();

  constructor(initial: readonly SessionEntry[] = []) {
    for (const e of initial) this.entries.set(e.seq, { ...e });
  }

  async load(): Promise<SessionEntry[]> {
    return this.snapshot();
  }

  /** What a reload would load now, synchronously (tests read it). */
  snapshot(): SessionEntry[] {
    return [...this.entries.values()].sort((a, b) => a.seq - b.seq).map((e) => ({ ...e }));
  }

  record(record: SessionRecord): void {
    if ('forgotten' in record) {
      this.entries.delete(record.seq);
      return;
    }
    if (record.command.type === 'init' && !this.entries.has(record.seq)) this.entries.clear();
    this.entries.set(record.seq, { ...record });
  }

  replaceAll(entries: readonly SessionEntry[]): void {
    this.entries = new Map(entries.map((e) => [e.seq, { ...e }]));
  }
}
