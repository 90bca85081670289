import { describe, expect, it } from 'vitest';
import { LocalSessionStore } from './localSessionStore';

class FakeStorage {
  readonly items = new Map<string, string>();
  full = false;
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

describe('LocalSessionStore', () => {
  it('keeps entries by seq across page loads, replacing and forgetting them', () => {
    const storage = new FakeStorage();
    const a = new LocalSessionStore(storage);
    a.put({ seq: 1, command: { type: 'init' }, finished: true });
    a.put({ seq: 2, command: { type: 'terminal', session: 't1', line: 'sleep 1h' }, finished: false });
    a.put({ seq: 2, command: { type: 'terminal', session: 't1', line: 'sleep 1h', stopAfterMs: 5 }, finished: true });
    a.put({ seq: 3, command: { type: 'advance', ms: 10 }, finished: true });
    a.forget([3]);
    const b = new LocalSessionStore(storage);
    expect(b.load()).toEqual([
      { seq: 1, command: { type: 'init' }, finished: true },
      { seq: 2, command: { type: 'terminal', session: 't1', line: 'sleep 1h', stopAfterMs: 5 }, finished: true },
    ]);
  });

  it('reads a session saved before commands were marked (all finished), and then drops the old key', () => {
    const storage = new FakeStorage();
    storage.setItem('svcsim.session.v1', JSON.stringify([{ type: 'init' }, { type: 'advance', ms: 15000 }]));
    const s = new LocalSessionStore(storage);
    expect(s.load()).toEqual([
      { seq: 1, command: { type: 'init' }, finished: true },
      { seq: 2, command: { type: 'advance', ms: 15000 }, finished: true },
    ]);
    s.put({ seq: 3, command: { type: 'ping' }, finished: true });
    expect(storage.getItem('svcsim.session.v1')).toBeNull();
  });

  it('starts empty on unreadable data, and a full storage loses nothing in the page', () => {
    const storage = new FakeStorage();
    storage.setItem('svcsim.session.v2', '{not json');
    const s = new LocalSessionStore(storage);
    expect(s.load()).toEqual([]);
    storage.full = true;
    expect(() => s.put({ seq: 1, command: { type: 'init' }, finished: true })).not.toThrow();
    expect(s.load()).toHaveLength(1);
  });
});
