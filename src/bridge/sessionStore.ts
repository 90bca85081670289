/**
 * Where the session's command log is kept between page loads. The bridge records each cluster-changing command
 * as started before it runs and finished after, so a reload knows which one never finished (it is not replayed).
 * One small interface, so the storage (localStorage today, an IndexedDB log later) can be swapped in one place.
 */
import type { Command } from '../protocol/messages';

/** One logged command. `seq` grows by one per command sent in this page; a reload starts after the largest. */
export interface SessionEntry {
  seq: number;
  command: Command;
  /** `started` from just before the command is sent until its reply, then `finished`. */
  status: 'started' | 'finished';
}

export interface SessionStore {
  /** The saved session, oldest first; empty when there is none. */
  load(): Promise<SessionEntry[]>;
  /**
   * A command is about to run (or an entry changed: finished, or advances merged): stored under its seq,
   * replacing any. Writes are not awaited; a store reports its own failures.
   */
  put(entry: SessionEntry): void;
  /** Forgets entries: a poison command, one merged into the entry before it, or everything before an `init`. */
  forget(seqs: readonly number[]): void;
}

/** A store that keeps nothing beyond the page: for tests and for when storage is unavailable. */
export class MemorySessionStore implements SessionStore {
  private entries = new Map<number, SessionEntry>();

  constructor(initial: readonly SessionEntry[] = []) {
    for (const e of initial) this.entries.set(e.seq, { ...e });
  }

  async load(): Promise<SessionEntry[]> {
    return this.snapshot();
  }

  /** What is stored now, synchronously (tests read it). */
  snapshot(): SessionEntry[] {
    return [...this.entries.values()].sort((a, b) => a.seq - b.seq).map((e) => ({ ...e }));
  }

  put(entry: SessionEntry): void {
    this.entries.set(entry.seq, { ...entry });
  }

  forget(seqs: readonly number[]): void {
    for (const s of seqs) this.entries.delete(s);
  }
}
