/**
 * Decides what this tab writes: the session log (through a SessionStore) and the editor text (through a
 * synchronous slot, so it can be written while the page goes away). Nothing is written until this tab is
 * known to be the only one saving; a failed write stops all saving at once (a log with a hole would replay a
 * different cluster) and is reported, never swallowed.
 */
import type { SaveState } from '../persistenceSlice';
import type { SessionEntry } from './sessionLog';
import { compact, isSessionEntry } from './sessionLog';
import { OwnerChangedError, type SessionStore } from './sessionStore';
import { describeStorageError, type StorageProblem, type TextSlot } from './storageAccess';
import type { TabRole } from './tabCoordinator';

export interface SessionKeeperOptions {
  store: SessionStore;
  editor: TextSlot;
  /** The whole-history localStorage key earlier versions rewrote on every command; read once, then removed. */
  legacySession?: TextSlot;
  report(state: SaveState): void;
  /** Set when the browser denies storage: the keeper never writes and says so. */
  unavailable?: StorageProblem;
}

/** What this tab holds right now: written whole when it takes over or retries after a failure. */
export interface TabWork {
  entries: SessionEntry[];
  editorText: string;
}

export class SessionKeeper {
  private mode: 'waiting' | 'saving' | 'off' = 'waiting';
  /** Entries recorded before this tab knew it may save. */
  private buffer: SessionEntry[] = [];
  private legacyPending = false;
  private unavailable: StorageProblem | undefined;
  /** Whether the saved session has been read: until then what the tab holds is not its log yet. */
  private loaded = false;
  /** A take-over (or a retry) asked for before the load: done with the loaded log once it is there. */
  private wholeWhenLoaded: (() => TabWork) | undefined;

  constructor(private readonly o: SessionKeeperOptions) {
    if (o.unavailable) this.markUnavailable(o.unavailable);
  }

  /** The browser denies storage (found out at start, or when the database would not open): never write. */
  markUnavailable(reason: StorageProblem): void {
    if (this.unavailable) return;
    this.unavailable = reason;
    this.mode = 'off';
    this.buffer = [];
    this.o.report({ kind: 'unavailable', reason });
  }

  /** The browser closed the storage in the middle of the session: a failure like a refused write. */
  storageLost(reason: StorageProblem): void {
    if (this.mode === 'off') return;
    this.mode = 'off';
    this.buffer = [];
    this.o.report({ kind: 'failed', reason });
  }

  get saving(): boolean {
    return this.mode === 'saving';
  }

  /** The saved session to replay (its entries are not recorded again), or undefined to start from the seed. */
  async load(): Promise<SessionEntry[] | undefined> {
    const entries = await this.read();
    this.loaded = true;
    const whole = this.wholeWhenLoaded;
    this.wholeWhenLoaded = undefined;
    // what the page replays is what this tab holds from now on: a take-over made meanwhile writes that
    if (whole && this.mode === 'waiting') this.writeWhole({ entries: entries ?? [], editorText: whole().editorText });
    return entries;
  }

  private async read(): Promise<SessionEntry[] | undefined> {
    if (this.unavailable) return undefined;
    try {
      const saved = await this.o.store.load();
      if (saved) return saved.entries;
    } catch (e) {
      if (!this.unavailable) this.fail(e);
      return undefined;
    }
    const legacy = this.readLegacy();
    if (!legacy) return undefined;
    // kept in the new log once this tab may save; replayed now like any saved session
    this.buffer.push(...legacy);
    this.legacyPending = true;
    return legacy;
  }

  /** Records one cluster-changing command (its start, its finish, or that it is forgotten). */
  record(entry: SessionEntry): void {
    if (this.mode === 'waiting') this.buffer.push(entry);
    else if (this.mode === 'saving') this.o.store.append(entry).catch((e) => this.fail(e));
  }

  /** The log as a whole changed (e.g. numbered after loading): written at once, or when this tab may save. */
  replaceLog(entries: readonly SessionEntry[]): void {
    if (this.mode === 'waiting') {
      // what is buffered so far is part of `entries` (it begins with an init, so appending it starts a new log)
      this.buffer = compact(entries);
      return;
    }
    if (this.mode === 'saving') this.o.store.replaceAll(compact(entries)).catch((e) => this.fail(e));
  }

  /** Saves the editor text now (the debounce, `pagehide`, and a hidden tab call it). */
  saveEditorText(text: string): void {
    if (this.mode !== 'saving') return;
    const err = this.o.editor.write(text);
    if (err) this.fail(err);
  }

  /** Follows the tab coordinator: only the owner writes. */
  onRole(role: TabRole, work: () => TabWork): void {
    if (this.unavailable) return;
    if (role === 'owner') {
      if (this.mode === 'waiting' && !this.wholeWhenLoaded) this.startSaving(work().editorText);
      else this.writeWhole(work(), work);
      return;
    }
    if (role === 'deciding') return;
    this.mode = 'off';
    this.buffer = [];
    this.wholeWhenLoaded = undefined;
    this.o.report(role === 'conflict' ? { kind: 'otherTab' } : role === 'passive' ? { kind: 'notSaving' } : { kind: 'readOnly' });
  }

  /**
   * After a failure, or on taking over: writes what this tab holds as the whole log, and saves from then on.
   * Before the saved session is loaded the tab holds nothing yet (its page has not replayed anything): writing
   * that would empty the saved log, so the write waits for the load and writes what it loaded (`later` gives the
   * editor text then).
   */
  writeWhole(work: TabWork, later: () => TabWork = () => work): void {
    if (this.unavailable) return;
    if (!this.loaded) {
      this.mode = 'waiting';
      this.buffer = [];
      this.wholeWhenLoaded = later;
      this.o.report({ kind: 'saving' });
      return;
    }
    this.mode = 'saving';
    this.buffer = [];
    const legacy = this.legacyPending;
    this.legacyPending = false;
    this.o.report({ kind: 'saving' });
    this.o.store.claim();
    this.o.store
      .replaceAll(compact(work.entries))
      .then(() => {
        if (legacy) this.o.legacySession?.remove();
      })
      .catch((e) => this.fail(e));
    this.saveEditorText(work.editorText);
  }

  private startSaving(editorText: string): void {
    this.mode = 'saving';
    this.o.report({ kind: 'saving' });
    this.o.store.claim();
    const pending = this.buffer;
    this.buffer = [];
    const legacy = this.legacyPending;
    this.legacyPending = false;
    const writes = pending.map((e) => this.o.store.append(e));
    Promise.all(writes)
      .then(() => {
        if (legacy) this.o.legacySession?.remove();
      })
      .catch((e) => this.fail(e));
    this.saveEditorText(editorText);
  }

  private fail(e: unknown): void {
    if (e instanceof OwnerChangedError) {
      // another tab took over before this one heard of it (its lock is stolen on a busy main thread): what the
      // coordinator will say anyway, said now
      if (this.mode === 'off') return;
      this.mode = 'off';
      this.buffer = [];
      this.o.report({ kind: 'readOnly' });
      return;
    }
    this.storageLost(describeStorageError(e));
  }

  private readLegacy(): SessionEntry[] | undefined {
    const text = this.o.legacySession?.read();
    if (!text) return undefined;
    try {
      const parsed = JSON.parse(text) as unknown;
      if (!Array.isArray(parsed)) return undefined;
      const entries = parsed.map((command: unknown) => ({ command })).filter(isSessionEntry);
      const log = compact(entries as SessionEntry[]);
      return log.length ? log : undefined;
    } catch {
      return undefined;
    }
  }
}
