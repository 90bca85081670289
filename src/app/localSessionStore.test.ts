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
  it('keeps entries by seq across page loads, replacing and forgetting them', async () => {
    const storage = new FakeStorage();
    const a = new LocalSessionStore(storage);
    a.put({ seq: 1, command: { type: 'init' }, status: 'finished' });
    a.put({ seq: 2, command: { type: 'terminal', session: 't1', line: 'sleep 1h' }, status: 'started' });
    a.put({ seq: 2, command: { type: 'terminal', session: 't1', line: 'sleep 1h', stopAfterMs: 5 }, status: 'finished' });
    a.put({ seq: 3, command: { type: 'advance', ms: 10 }, status: 'finished' });
    a.forget([3]);
    const b = new LocalSessionStore(storage);
    expect(await b.load()).toEqual([
      { seq: 1, command: { type: 'init' }, status: 'finished' },
      { seq: 2, command: { type: 'terminal', session: 't1', line: 'sleep 1h', stopAfterMs: 5 }, status: 'finished' },
    ]);
  });

  it('reads a session saved before commands were marked (all finished), and then drops the old key', async () => {
    const storage = new FakeStorage();
    storage.setItem('svcsim.session.v1', JSON.stringify([{ type: 'init' }, { type: 'advance', ms: 15000 }]));
    const s = new LocalSessionStore(storage);
    expect(await s.load()).toEqual([
      { seq: 1, command: { type: 'init' }, status: 'finished' },
      { seq: 2, command: { type: 'advance', ms: 15000 }, status: 'finished' },
    ]);
    s.put({ seq: 3, command: { type: 'ping' }, status: 'finished' });
    expect(storage.getItem('svcsim.session.v1')).toBeNull();
  });

  it('starts empty on unreadable data, and a full storage loses nothing in the page', async () => {
    const storage = new FakeStorage();
    storage.setItem('svcsim.session.v2', '{not json');
    const s = new LocalSessionStore(storage);
    expect(await s.load()).toEqual([]);
    storage.full = true;
    expect(() => s.put({ seq: 1, command: { type: 'init' }, status: 'finished' })).not.toThrow();
    expect(await s.load()).toHaveLength(1);
  });
});
