/**
 * The session log in localStorage: what a reload replays. Each change rewrites one JSON array (the log stays
 * short: an `init` starts it afresh and clock ticks merge). A full or missing storage never breaks the page:
 * the session then lives only as long as the page.
 */
import type { SessionEntry, SessionStore } from '../bridge/sessionStore';
import type { Command } from '../protocol/messages';

const sessionKey = 'svcsim.session.v2';
/** Sessions saved before commands were marked started/finished: a plain array of commands, all finished. */
const legacyKey = 'svcsim.session.v1';

export class LocalSessionStore implements SessionStore {
  private entries: SessionEntry[] | undefined;

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = globalThis.localStorage) {}

  async load(): Promise<SessionEntry[]> {
    return this.loaded().map((e) => ({ ...e }));
  }

  put(entry: SessionEntry): void {
    const list = this.loaded();
    const i = list.findIndex((e) => e.seq === entry.seq);
    if (i >= 0) list[i] = { ...entry };
    else list.push({ ...entry });
    list.sort((a, b) => a.seq - b.seq);
    this.write();
  }

  forget(seqs: readonly number[]): void {
    if (seqs.length === 0) return;
    const gone = new Set(seqs);
    this.entries = this.loaded().filter((e) => !gone.has(e.seq));
    this.write();
  }

  private loaded(): SessionEntry[] {
    this.entries ??= this.read();
    return this.entries;
  }

  private read(): SessionEntry[] {
    try {
      const text = this.storage?.getItem(sessionKey);
      if (text) {
        const parsed = JSON.parse(text) as unknown;
        if (Array.isArray(parsed) && parsed.every(isEntry)) return parsed;
        return [];
      }
      const legacy = this.storage?.getItem(legacyKey);
      const old = legacy ? (JSON.parse(legacy) as unknown) : undefined;
      if (Array.isArray(old) && old.length > 0 && (old[0] as Command).type === 'init') {
        return (old as Command[]).map((command, i) => ({ seq: i + 1, command, status: 'finished' as const }));
      }
    } catch {
      // unreadable: start from the seed topology
    }
    return [];
  }

  private write(): void {
    try {
      this.storage?.setItem(sessionKey, JSON.stringify(this.entries ?? []));
      this.storage?.removeItem(legacyKey);
    } catch {
      // the editor's own autosave reports a full storage; the session is rebuilt from defaults at worst
    }
  }
}

function isEntry(e: unknown): e is SessionEntry {
  const x = e as SessionEntry;
  return typeof x === 'object' && x !== null && typeof x.seq === 'number' && (x.status === 'started' || x.status === 'finished') && typeof x.command?.type === 'string';
}
