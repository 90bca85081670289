/**
 * The session log in IndexedDB, append-only: each command is one record keyed by its position, so a command
 * costs one small write (not a rewrite of the whole history). A new `init` clears the log in the same
 * transaction; a command's `finished` record or a merged `advance` rewrites only the last record or two.
 *
 * Writes are fenced by an owner mark kept in the database: the tab that starts saving (`claim`) writes its whole
 * log and its mark in one transaction, and every later write checks the mark in its own transaction. A tab that
 * has just been taken over learns it only when its lock is stolen, on its own (maybe busy) main thread; a write
 * it makes meanwhile would land in the middle of the new owner's log (a position write truncates what follows),
 * and the new owner's next write would leave a gap that hides everything after it. The fence turns that write
 * into a refusal (`OwnerChangedError`) instead. IndexedDB runs overlapping read-write transactions in the order
 * they were created, across connections, so the check is exact.
 *
 * IndexedDB writes finish after the page may already be gone, so writes not yet acknowledged are kept in a
 * small synchronous journal (localStorage) on `pagehide`; the next load replays it over what IndexedDB kept.
 */
import { type IDBPDatabase, openDB } from 'idb';
import { OwnerChangedError, type SessionStore } from './sessionStore';
import type { StorageProblem } from './storageAccess';
import { type SavedSession, type SessionEntry, applyOpInPlace, compact, isSessionEntry, nextOp } from './sessionLog';

const storeName = 'session';
/** Version 2 added the owner mark (`meta`); a version-1 log is kept as it is. */
const metaName = 'meta';
const ownerKey = 'owner';
const databaseVersion = 2;

/** A write at a log position: everything after it is gone; `reset` empties the log first (alone, without an entry: the log is emptied). */
export interface PositionedWrite {
  seq: number;
  entry?: SessionEntry;
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
    if (!w.entry) continue;
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
    return v.filter((w): w is PositionedWrite => typeof w === 'object' && w !== null && Number.isInteger(w.seq) && (isSessionEntry(w.entry) || (w.entry === undefined && w.reset === true)));
  } catch {
    return [];
  }
}

export class IdbSessionStore implements SessionStore {
  readonly durable = true;
  /** The log as this tab holds it (what the stored log is once this tab's writes land). */
  private log: SessionEntry[] = [];
  private unacknowledged: PositionedWrite[] = [];
  /** A journal this page wrote is kept current: a stale one would replay old writes over newer ones. */
  private journalWritten = false;
  /** The next write claims the log: it writes the whole log and this store's owner mark. */
  private claiming = false;
  /** Whether this page saves (it claimed, and no later claim refused it): only it may touch the journal. */
  private owning = false;
  /** This store's owner mark (one per page). */
  private readonly token = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

  private constructor(
    private readonly db: IDBPDatabase,
    private readonly journal: JournalSlot | undefined,
  ) {}

  /**
   * Opens (or creates) the database. Rejects when IndexedDB is denied (private modes, blocked third-party
   * storage); `onLost` is called if the browser closes the connection later.
   */
  static async open(name: string, journal: JournalSlot | undefined, onLost: (reason: StorageProblem) => void): Promise<IdbSessionStore> {
    const db = await openDB(name, databaseVersion, {
      upgrade(db) {
        if (!db.objectStoreNames.contains(storeName)) db.createObjectStore(storeName);
        if (!db.objectStoreNames.contains(metaName)) db.createObjectStore(metaName);
      },
      terminated: () => onLost({ code: 'closed' }),
      // a newer svcsim opened in another tab needs the database upgraded: let it, and stop saving here
      blocking: () => {
        db.close();
        onLost({ code: 'closed' });
      },
    });
    return new IdbSessionStore(db, journal);
  }

  async load(): Promise<SavedSession | undefined> {
    const tx = this.db.transaction(storeName, 'readonly');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    await tx.done;
    const stored = keys.map((k, i) => [Number(k), values[i]] as const).filter(([k, v], i) => k === i && isSessionEntry(v));
    // the journal of the last page, or a log another version left uncompacted: this tab's first write (its claim)
    // stores the result whole; a tab that never saves writes nothing
    const entries = compact(replayWrites(stored.map(([, v]) => v as SessionEntry), parseJournal(this.journal?.read())));
    this.log = entries;
    return entries[0]?.command.type === 'init' ? { entries: [...entries] } : undefined;
  }

  /**
   * From now on this tab saves: its next write stores the whole log with this tab's owner mark, and any tab
   * that claimed before it has its later writes refused.
   */
  claim(): void {
    this.claiming = true;
  }

  append(entry: SessionEntry): Promise<void> {
    const n = this.log.length;
    const op = nextOp(this.log[n - 1], entry, this.log[n - 2]);
    const seq = op.type === 'reset' ? 0 : op.type === 'replaceLast' ? Math.max(n - 1, 0) : op.type === 'mergeLast' ? Math.max(n - 2, 0) : n;
    applyOpInPlace(this.log, op);
    return this.write([{ seq, entry: op.entry, reset: op.type === 'reset' }]);
  }

  replaceAll(entries: readonly SessionEntry[]): Promise<void> {
    this.log = [...entries];
    return this.write(this.whole());
  }

  async clear(): Promise<void> {
    await this.replaceAll([]);
  }

  /** The whole log as writes: emptied first, then every entry at its position. */
  private whole(): PositionedWrite[] {
    if (this.log.length === 0) return [{ seq: 0, reset: true }];
    return this.log.map((entry, seq) => ({ seq, entry, reset: seq === 0 }));
  }

  /** Keeps the writes IndexedDB has not acknowledged yet in the synchronous journal (call on `pagehide`). */
  flushJournal(): void {
    if (!this.journal || !this.owning) return;
    if (this.unacknowledged.length > 0) {
      this.journal.write(JSON.stringify(this.unacknowledged));
      this.journalWritten = true;
    } else if (this.journalWritten) {
      // only a journal this page wrote: another tab's may still wait for the next load
      this.journal.remove();
      this.journalWritten = false;
    }
  }

  private async write(positioned: PositionedWrite[]): Promise<void> {
    const claim = this.claiming;
    this.claiming = false;
    const writes = claim ? this.whole() : positioned;
    // the lock made this page the one that saves: its writes in flight belong in the journal from now on
    if (claim) this.owning = true;
    this.unacknowledged.push(...writes);
    const tx = this.db.transaction([storeName, metaName], 'readwrite');
    const log = tx.objectStore(storeName);
    const meta = tx.objectStore(metaName);
    // every request settles when the transaction aborts: each is observed here so none rejects unhandled
    const requests: Promise<unknown>[] = [];
    const track = (p: Promise<unknown>) => {
      p.catch(() => {});
      requests.push(p);
    };
    track(tx.done);
    try {
      if (claim) track(meta.put(this.token, ownerKey));
      else if ((await meta.get(ownerKey)) !== this.token) throw new OwnerChangedError();
      for (const w of writes) {
        if (w.reset) track(log.clear());
        if (!w.entry) continue;
        // a write at a position makes everything after it obsolete (a merge of the last two leaves one behind)
        track(log.put(w.entry, w.seq));
        track(log.delete(IDBKeyRange.lowerBound(w.seq, true)));
      }
      await Promise.all(requests);
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // already aborted by the browser (quota): nothing of this transaction was kept
      }
      // a refused claim is claimed again by the next write (after a retry, the user may have freed space)
      if (claim) this.claiming = true;
      if (e instanceof OwnerChangedError) this.owning = false;
      this.unacknowledged = this.unacknowledged.filter((w) => !writes.includes(w));
      throw e;
    }
    this.unacknowledged = this.unacknowledged.filter((w) => !writes.includes(w));
    // the claim stored the whole log: a journal another page left is in it now
    if (claim && !this.journalWritten) this.journal?.remove();
    // the page came back (back/forward cache) and the writes landed after all
    if (this.journalWritten) this.flushJournal();
  }
}
