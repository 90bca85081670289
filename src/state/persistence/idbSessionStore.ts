/**
 * The session log in IndexedDB, append-only: each command is one record keyed by its position, so a command
 * costs one small write (not a rewrite of the whole history). A new `init` clears the log in the same
 * transaction; a command's `finished` record or a merged `advance` rewrites only the last record or two.
 *
 * IndexedDB writes finish after the page may already be gone, so writes not yet acknowledged are kept in a
 * small synchronous journal (localStorage) on `pagehide`; the next load replays it over what IndexedDB kept.
 */
import { type IDBPDatabase, openDB } from 'idb';
import type { SessionStore } from './sessionStore';
import type { StorageProblem } from './storageAccess';
import { type SavedSession, type SessionEntry, compact, isSessionEntry, nextOp } from './sessionLog';

const storeName = 'session';

/** A write at a log position: everything after it is gone; `reset` empties the log first. */
export interface PositionedWrite {
  seq: number;
  entry: SessionEntry;
  reset?: boolean;
}

/** A small synchronous key-value slot (localStorage in the browser) for the unload journal. */
export interface JournalSlot {
  read(): string | undefined;
  write(text: string): void;
  remove(): void;
}

/** Replays writes over a stored log, in order; a write past the end (a gap) stops the replay. */
export function replayWrites(stored: readonly SessionEntry[], writes: readonly PositionedWrite[]): SessionEntry[] {
  let log = [...stored];
  for (const w of writes) {
    if (w.reset) log = [];
    if (w.seq > log.length) break;
    log = [...log.slice(0, w.seq), w.entry];
  }
  return log;
}

function parseJournal(text: string | undefined): PositionedWrite[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    if (!Array.isArray(v)) return [];
    return v.filter((w): w is PositionedWrite => typeof w === 'object' && w !== null && Number.isInteger(w.seq) && isSessionEntry(w.entry));
  } catch {
    return [];
  }
}

export class IdbSessionStore implements SessionStore {
  readonly durable = true;
  /** The log's last two entries and the position of the last (what the next append may rewrite). */
  private last: LogTail | undefined;
  private unacknowledged: PositionedWrite[] = [];
  /** A journal this page wrote is kept current: a stale one would replay old writes over newer ones. */
  private journalWritten = false;

  private constructor(
    private readonly db: IDBPDatabase,
    private readonly journal: JournalSlot | undefined,
  ) {}

  /**
   * Opens (or creates) the database. Rejects when IndexedDB is denied (private modes, blocked third-party
   * storage); `onLost` is called if the browser closes the connection later.
   */
  static async open(name: string, journal: JournalSlot | undefined, onLost: (reason: StorageProblem) => void): Promise<IdbSessionStore> {
    const db = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore(storeName);
      },
      terminated: () => onLost({ code: 'closed' }),
    });
    return new IdbSessionStore(db, journal);
  }

  async load(): Promise<SavedSession | undefined> {
    const tx = this.db.transaction(storeName, 'readonly');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    await tx.done;
    const stored = keys.map((k, i) => [Number(k), values[i]] as const).filter(([k, v], i) => k === i && isSessionEntry(v));
    let entries = stored.map(([, v]) => v as SessionEntry);
    const writes = parseJournal(this.journal?.read());
    const replayed = compact(replayWrites(entries, writes));
    if (writes.length > 0 || replayed.length !== entries.length) {
      // the journal of the last page, or a log another version left uncompacted: store the result once
      entries = replayed;
      await this.replaceAll(entries);
      this.journal?.remove();
    }
    this.last = lastOf(entries);
    return entries[0]?.command.type === 'init' ? { entries } : undefined;
  }

  append(entry: SessionEntry): Promise<void> {
    const last = this.last;
    const op = nextOp(last?.entry, entry, last?.before);
    const at = last?.seq ?? -1;
    const seq = op.type === 'reset' ? 0 : op.type === 'replaceLast' ? Math.max(at, 0) : op.type === 'mergeLast' ? Math.max(at - 1, 0) : at + 1;
    // after a merge the entry before the merged one is not known here: no second merge until the next push
    this.last = { seq, entry: op.entry, before: op.type === 'push' ? last?.entry : op.type === 'replaceLast' ? last?.before : undefined };
    return this.write([{ seq, entry: op.entry, reset: op.type === 'reset' }]);
  }

  replaceAll(entries: readonly SessionEntry[]): Promise<void> {
    this.last = lastOf(entries);
    if (entries.length === 0) return this.clear();
    return this.write(entries.map((entry, seq) => ({ seq, entry, reset: seq === 0 })));
  }

  async clear(): Promise<void> {
    this.last = undefined;
    this.unacknowledged = [];
    this.journal?.remove();
    const tx = this.db.transaction(storeName, 'readwrite');
    await Promise.all([tx.store.clear(), tx.done]);
  }

  /** Keeps the writes IndexedDB has not acknowledged yet in the synchronous journal (call on `pagehide`). */
  flushJournal(): void {
    if (!this.journal) return;
    if (this.unacknowledged.length > 0) {
      this.journal.write(JSON.stringify(this.unacknowledged));
      this.journalWritten = true;
    } else if (this.journalWritten) {
      // only a journal this page wrote: another tab's may still wait for the next load
      this.journal.remove();
      this.journalWritten = false;
    }
  }

  private async write(writes: PositionedWrite[]): Promise<void> {
    this.unacknowledged.push(...writes);
    const tx = this.db.transaction(storeName, 'readwrite');
    // every request settles when the transaction aborts: each is observed here so none rejects unhandled
    const requests: Promise<unknown>[] = [];
    const track = (p: Promise<unknown>) => {
      p.catch(() => {});
      requests.push(p);
    };
    track(tx.done);
    try {
      for (const w of writes) {
        if (w.reset) track(tx.store.clear());
        // a write at a position makes everything after it obsolete (a merge of the last two leaves one behind)
        track(tx.store.put(w.entry, w.seq));
        track(tx.store.delete(IDBKeyRange.lowerBound(w.seq, true)));
      }
      await Promise.all(requests);
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // already aborted by the browser (quota): nothing of this transaction was kept
      }
      throw e;
    }
    this.unacknowledged = this.unacknowledged.filter((w) => !writes.includes(w));
    // the page came back (back/forward cache) and the writes landed after all
    if (this.journalWritten) this.flushJournal();
  }
}

interface LogTail {
  seq: number;
  entry: SessionEntry;
  before?: SessionEntry;
}

function lastOf(entries: readonly SessionEntry[]): LogTail | undefined {
  const n = entries.length;
  return n ? { seq: n - 1, entry: entries[n - 1], before: entries[n - 2] } : undefined;
}
