import { describe, expect, it } from 'vitest';
import type { SaveState } from '../persistenceSlice';
import { SessionKeeper } from './sessionKeeper';
import type { SessionEntry } from './sessionLog';
import { MemorySessionStore, OwnerChangedError } from './sessionStore';
import type { TextSlot } from './storageAccess';

const init: SessionEntry = { command: { type: 'init', manifests: 'seed' } };
const line = (l: string): SessionEntry => ({ command: { type: 'terminal', session: 't1', line: l } });
const tick = () => new Promise((r) => setTimeout(r, 0));

function slot(fail?: () => unknown): TextSlot & { text?: string } {
  const s: TextSlot & { text?: string } = {
    read: () => s.text,
    write: (t) => {
      const err = fail?.();
      if (err) return err;
      s.text = t;
      return undefined;
    },
    remove: () => {
      s.text = undefined;
    },
  };
  return s;
}

/** A memory store whose writes can be made to fail like a full IndexedDB. */
class FlakyStore extends MemorySessionStore {
  full = false;
  override async append(e: SessionEntry) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    return super.append(e);
  }
  override async replaceAll(e: readonly SessionEntry[]) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    return super.replaceAll(e);
  }
}

function keeper(store = new FlakyStore(), editor = slot()) {
  const states: SaveState[] = [];
  const k = new SessionKeeper({ store, editor, report: (s) => states.push(s) });
  return { k, store, editor, states };
}

describe('SessionKeeper', () => {
  it('writes nothing until the tab is the owner, then everything recorded meanwhile', async () => {
    const { k, store, editor } = keeper();
    k.record(init);
    k.saveEditorText('early');
    expect(await store.load()).toBeUndefined();
    k.onRole('owner', () => ({ entries: [], editorText: 'typed' }));
    k.record(line('kubectl get pods'));
    await tick();
    expect((await store.load())?.entries).toEqual([init, line('kubectl get pods')]);
    expect(editor.text).toBe('typed');
  });

  it('replayed entries are not written again', async () => {
    const store = new FlakyStore();
    await store.append(init);
    await store.append(line('a'));
    const { k } = keeper(store);
    expect(await k.load()).toEqual([init, line('a')]);
    k.onRole('owner', () => ({ entries: [], editorText: '' }));
    k.record(line('b'));
    await tick();
    expect((await store.load())?.entries).toEqual([init, line('a'), line('b')]);
  });

  it('a failed write stops saving and says why', async () => {
    const { k, store, states } = keeper();
    k.onRole('owner', () => ({ entries: [], editorText: '' }));
    k.record(init);
    await tick();
    store.full = true;
    k.record(line('lost'));
    await tick();
    store.full = false;
    k.record(line('after'));
    await tick();
    expect(states).toEqual([{ kind: 'saving' }, { kind: 'failed', reason: { code: 'full' } }]);
    // nothing after the failure is appended: the stored log stays a prefix that replays
    expect((await store.load())?.entries).toEqual([init]);
    expect(k.saving).toBe(false);
  });

  it('a refused editor write is a failure too', () => {
    const { k, states } = keeper(new FlakyStore(), slot(() => new DOMException('quota', 'QuotaExceededError')));
    k.onRole('owner', () => ({ entries: [], editorText: 'x' }));
    expect(states.at(-1)).toEqual({ kind: 'failed', reason: { code: 'full' } });
  });

  it('retrying writes the whole log this tab holds', async () => {
    const { k, store, states } = keeper();
    await k.load();
    k.onRole('owner', () => ({ entries: [], editorText: '' }));
    store.full = true;
    k.record(init);
    await tick();
    store.full = false;
    k.writeWhole({ entries: [init, line('a')], editorText: 'text' });
    await tick();
    expect((await store.load())?.entries).toEqual([init, line('a')]);
    expect(states.at(-1)).toEqual({ kind: 'saving' });
  });

  it('another tab: nothing is written until the user takes over, which writes this tab whole', async () => {
    const { k, store, states, editor } = keeper();
    await k.load();
    k.record(init);
    k.onRole('conflict', () => ({ entries: [], editorText: '' }));
    k.record(line('mine'));
    k.saveEditorText('mine');
    await tick();
    expect(await store.load()).toBeUndefined();
    expect(editor.text).toBeUndefined();
    k.onRole('owner', () => ({ entries: [init, line('mine')], editorText: 'mine' }));
    await tick();
    expect((await store.load())?.entries).toEqual([init, line('mine')]);
    expect(editor.text).toBe('mine');
    k.onRole('readOnly', () => ({ entries: [], editorText: '' }));
    expect(states.map((s) => s.kind)).toEqual(['otherTab', 'saving', 'readOnly']);
  });

  it('a take-over before the saved session has loaded keeps the saved log, and saves on from it', async () => {
    // the journey that found it: on a busy machine the user took over before the tab had read the other tab's
    // log; writing what the tab held then (nothing) emptied the log, and the next command left a gap a reload
    // stops at, so the reload came back without it
    const store = new FlakyStore();
    await store.replaceAll([init, line('from the other tab')]);
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const read = store.load.bind(store);
    store.load = async () => {
      await gate;
      return read();
    };
    const { k, states } = keeper(store);
    k.onRole('conflict', () => ({ entries: [], editorText: '' }));
    const loading = k.load();
    k.onRole('owner', () => ({ entries: [], editorText: 'typed' }));
    await tick();
    expect((await read())?.entries).toEqual([init, line('from the other tab')]);
    expect(states.at(-1)).toEqual({ kind: 'saving' });
    release();
    expect(await loading).toEqual([init, line('from the other tab')]);
    k.record(line('mine'));
    await tick();
    expect((await read())?.entries).toEqual([init, line('from the other tab'), line('mine')]);
  });

  it('a write refused because another tab claimed the log makes this tab read-only, not failed', async () => {
    const { k, store, states } = keeper();
    const claims: number[] = [];
    store.claim = () => claims.push(claims.length);
    k.onRole('owner', () => ({ entries: [], editorText: '' }));
    expect(claims).toHaveLength(1);
    k.record(init);
    await tick();
    store.append = async () => {
      throw new OwnerChangedError();
    };
    k.record(line('typed in the old tab'));
    await tick();
    expect(states.map((s) => s.kind)).toEqual(['saving', 'readOnly']);
    expect(k.saving).toBe(false);
    // the coordinator's word, when the stolen lock reaches this tab, leaves it read-only
    k.onRole('readOnly', () => ({ entries: [], editorText: '' }));
    expect(states.map((s) => s.kind)).toEqual(['saving', 'readOnly', 'readOnly']);
  });

  it('moves the whole-history localStorage session of earlier versions into the log once', async () => {
    const legacy = slot();
    legacy.text = JSON.stringify([init.command, { type: 'advance', ms: 5 }, { type: 'advance', ms: 5 }]);
    const store = new FlakyStore();
    const k = new SessionKeeper({ store, editor: slot(), legacySession: legacy, report: () => {} });
    const loaded = [init, { command: { type: 'advance', ms: 10 } }];
    expect(await k.load()).toEqual(loaded);
    k.onRole('owner', () => ({ entries: [], editorText: '' }));
    await tick();
    expect((await store.load())?.entries).toEqual(loaded);
    expect(legacy.text).toBeUndefined();
  });

  it('storage denied: never writes, says so once', async () => {
    const states: SaveState[] = [];
    const store = new FlakyStore();
    const k = new SessionKeeper({ store, editor: slot(), report: (s) => states.push(s), unavailable: { code: 'denied' } });
    expect(await k.load()).toBeUndefined();
    k.onRole('owner', () => ({ entries: [init], editorText: '' }));
    k.record(init);
    await tick();
    expect(await store.load()).toBeUndefined();
    expect(states).toEqual([{ kind: 'unavailable', reason: { code: 'denied' } }]);
  });
});
