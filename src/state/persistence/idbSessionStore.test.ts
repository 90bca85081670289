import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { IdbSessionStore, type JournalSlot, replayWrites } from './idbSessionStore';
import { OwnerChangedError } from './sessionStore';
import type { SessionEntry } from './sessionLog';

const init: SessionEntry = { command: { type: 'init', manifests: 'seed' } };
const adv = (ms: number): SessionEntry => ({ command: { type: 'advance', ms } });
const line = (l: string): SessionEntry => ({ command: { type: 'terminal', session: 't1', line: l } });

let dbs = 0;
function slot(): JournalSlot & { text?: string } {
  const s: JournalSlot & { text?: string } = {
    read: () => s.text,
    write: (t) => {
      s.text = t;
    },
    remove: () => {
      s.text = undefined;
    },
  };
  return s;
}
/** A page that saves: it claims the log (its first write stores its whole log and its owner mark). */
async function open(name: string, journal?: JournalSlot): Promise<IdbSessionStore> {
  const store = await IdbSessionStore.open(name, journal, () => {});
  store.claim();
  return store;
}

/** How many records IndexedDB holds (what a long session costs on disk). */
async function storedRecords(name: string): Promise<number> {
  const db = await openDB(name);
  const n = await db.count('session');
  db.close();
  return n;
}

describe('IdbSessionStore', () => {
  it('keeps a command recorded started then finished as one record, and play ticks merged into one', async () => {
    const name = `t${dbs++}`;
    const a = await open(name);
    const rec = (seq: number, e: SessionEntry, status: 'started' | 'finished') => a.append({ ...e, seq, status });
    await rec(1, init, 'started');
    await rec(1, init, 'finished');
    for (let seq = 2; seq < 12; seq++) {
      await rec(seq, adv(250), 'started');
      await rec(seq, adv(250), 'finished');
    }
    await rec(12, line('sleep 1000000h'), 'started');
    expect(await storedRecords(name)).toBe(3);
    expect((await (await open(name)).load())?.entries).toEqual([
      { ...init, seq: 1, status: 'finished' },
      { ...adv(2500), seq: 2, status: 'finished' },
      { ...line('sleep 1000000h'), seq: 12, status: 'started' },
    ]);
  });

  it('folds a record of an earlier command and a forgotten one when it loads', async () => {
    const name = `t${dbs++}`;
    const a = await open(name);
    await a.append({ ...init, seq: 1, status: 'finished' });
    await a.append({ ...line('sleep 10'), seq: 2, status: 'started' });
    await a.append({ ...line('kubectl get pods'), seq: 3, status: 'started' });
    await a.append({ ...line('sleep 10'), seq: 2, status: 'finished' });
    await a.append({ ...line('kubectl get pods'), seq: 3, forgotten: true });
    const b = await open(name);
    expect((await b.load())?.entries).toEqual([
      { ...init, seq: 1, status: 'finished' },
      { ...line('sleep 10'), seq: 2, status: 'finished' },
    ]);
    // a load writes nothing; the first write of the page that saves stores the folded log
    expect(await storedRecords(name)).toBe(5);
    await b.append({ ...line('kubectl get svc'), seq: 4, status: 'started' });
    expect(await storedRecords(name)).toBe(3);
  });

  it('keeps appended entries across a reopen, merged and from the last init', async () => {
    const name = `t${dbs++}`;
    const a = await open(name);
    await a.append(init);
    await a.append(adv(250));
    await a.append(adv(250));
    await a.append(line('kubectl get pods'));
    const b = await open(name);
    expect((await b.load())?.entries).toEqual([init, adv(500), line('kubectl get pods')]);
    await b.append({ command: { type: 'init', manifests: 'other' } });
    expect((await (await open(name)).load())?.entries).toEqual([{ command: { type: 'init', manifests: 'other' } }]);
  });

  it('has no session when nothing was saved, or after clear', async () => {
    const name = `t${dbs++}`;
    const a = await open(name);
    expect(await a.load()).toBeUndefined();
    await a.append(init);
    await a.clear();
    expect(await (await open(name)).load()).toBeUndefined();
  });

  it('rejects a write the browser refuses and keeps nothing of that transaction', async () => {
    const name = `t${dbs++}`;
    const a = await open(name);
    await a.append(init);
    await a.append(line('one'));
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await expect(a.append({ command: { type: 'init', manifests: 'x' } })).rejects.toMatchObject({ name: 'QuotaExceededError' });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    // the failed init's clear was rolled back with it
    expect((await (await open(name)).load())?.entries).toEqual([init, line('one')]);
  });

  it('replays the unload journal of writes IndexedDB never acknowledged', async () => {
    const name = `t${dbs++}`;
    const journal = slot();
    const a = await open(name, journal);
    await a.append(init);
    await a.append(line('one'));
    // as if the page went away before these two transactions committed
    journal.write(JSON.stringify([{ seq: 2, entry: line('two') }, { seq: 3, entry: adv(10) }]));
    // a page that only reads (it never saves) replays the journal but leaves it, and the database, alone
    const reader = await IdbSessionStore.open(name, journal, () => {});
    expect((await reader.load())?.entries).toEqual([init, line('one'), line('two'), adv(10)]);
    expect(journal.text).toBeDefined();
    // the page that saves stores the replayed log with its first write, and the journal is done with
    const b = await open(name, journal);
    expect((await b.load())?.entries).toEqual([init, line('one'), line('two'), adv(10)]);
    await b.append(line('three'));
    expect(journal.text).toBeUndefined();
    expect((await (await open(name)).load())?.entries).toEqual([init, line('one'), line('two'), adv(10), line('three')]);
  });

  it("refuses the writes of a tab taken over, so the new owner's log keeps every command (no gap)", async () => {
    const name = `t${dbs++}`;
    const first = await open(name);
    await first.append({ ...init, seq: 1, status: 'finished' });
    await first.append({ ...adv(100), seq: 2, status: 'finished' });
    // the second tab loads the first one's log, runs on, and takes over with everything it holds
    const second = await IdbSessionStore.open(name, undefined, () => {});
    const loaded = (await second.load())?.entries ?? [];
    const held = [...loaded, { ...line('kubectl get pods'), seq: 3, status: 'finished' as const }, { ...line('kubectl get svc'), seq: 4, status: 'finished' as const }];
    second.claim();
    await second.replaceAll(held);
    // the first tab has not heard yet (its lock is stolen on a busy main thread) and writes one more tick
    await expect(first.append({ ...adv(100), seq: 3, status: 'started' })).rejects.toBeInstanceOf(OwnerChangedError);
    await second.append({ ...line('kubectl run alpaca-prod'), seq: 5, status: 'started' });
    await second.append({ ...line('kubectl run alpaca-prod'), seq: 5, status: 'finished' });
    expect((await (await open(name)).load())?.entries).toEqual([...held, { ...line('kubectl run alpaca-prod'), seq: 5, status: 'finished' }]);
  });

  it('writes only unacknowledged writes to the journal', async () => {
    const journal = slot();
    const a = await open(`t${dbs++}`, journal);
    await a.append(init);
    a.flushJournal();
    expect(journal.text).toBeUndefined();
    const pending = a.append(line('late'));
    a.flushJournal();
    expect(JSON.parse(journal.text ?? '[]')).toEqual([{ seq: 1, entry: line('late'), reset: false }]);
    await pending;
  });
});

describe('replayWrites', () => {
  it('is idempotent for writes IndexedDB did keep, and stops at a gap', () => {
    const stored = [init, line('one')];
    expect(replayWrites(stored, [{ seq: 1, entry: line('one') }, { seq: 2, entry: line('two') }])).toEqual([init, line('one'), line('two')]);
    expect(replayWrites(stored, [{ seq: 5, entry: line('far') }])).toEqual(stored);
    expect(replayWrites(stored, [{ seq: 0, entry: init, reset: true }])).toEqual([init]);
  });
});

describe('IdbSessionStore journal after the page comes back', () => {
  it('drops the journal once the writes it holds are acknowledged', async () => {
    const journal = slot();
    const a = await open(`t${dbs++}`, journal);
    await a.append(init);
    const late = a.append(line('late'));
    a.flushJournal();
    expect(journal.text).toBeDefined();
    await late;
    expect(journal.text).toBeUndefined();
  });

  it('a tab taken over neither writes nor removes the journal', async () => {
    const name = `t${dbs++}`;
    const journal = slot();
    const first = await open(name, journal);
    await first.append(init);
    const second = await open(name, journal);
    await second.load();
    await second.append(line('mine'));
    await expect(first.append(line('stale'))).rejects.toBeInstanceOf(OwnerChangedError);
    journal.text = 'written by the tab that saves now';
    first.flushJournal();
    expect(journal.text).toBe('written by the tab that saves now');
  });

  it('leaves alone a journal another page wrote', async () => {
    const journal = slot();
    journal.text = 'written by the tab that saves';
    const a = await open(`t${dbs++}`, journal);
    a.flushJournal();
    expect(journal.text).toBe('written by the tab that saves');
  });
});
