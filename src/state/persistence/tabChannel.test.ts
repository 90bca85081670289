import { afterEach, describe, expect, it, vi } from 'vitest';
import { type TabMessage, openTabChannel } from './tabChannel';

afterEach(() => vi.unstubAllGlobals());

describe('openTabChannel', () => {
  it('carries messages between tabs over BroadcastChannel', async () => {
    const a = openTabChannel('svcsim.test.bc');
    const b = openTabChannel('svcsim.test.bc');
    const got: TabMessage[] = [];
    const stop = b?.listen((m) => got.push(m));
    a?.post({ type: 'hello', from: 'a' });
    await vi.waitFor(() => expect(got).toEqual([{ type: 'hello', from: 'a' }]));
    stop?.();
  });

  it('falls back to storage events, and ignores what is not a tab message', () => {
    const items = new Map<string, string>();
    const handlers: ((e: { key: string; newValue: string | null }) => void)[] = [];
    vi.stubGlobal('BroadcastChannel', undefined);
    vi.stubGlobal('localStorage', { setItem: (k: string, v: string) => items.set(k, v), getItem: (k: string) => items.get(k) ?? null });
    vi.stubGlobal('addEventListener', (_t: string, h: (e: { key: string; newValue: string | null }) => void) => handlers.push(h));
    vi.stubGlobal('removeEventListener', () => {});
    const a = openTabChannel('svcsim.test.storage');
    const b = openTabChannel('svcsim.test.storage');
    const got: TabMessage[] = [];
    b?.listen((m) => got.push(m));
    a?.post({ type: 'takeover', from: 'a' });
    a?.post({ type: 'takeover', from: 'a' });
    // the browser announces each write to the other tabs as a storage event
    const written = items.get('svcsim.test.storage.message') ?? null;
    for (const h of handlers) h({ key: 'svcsim.test.storage.message', newValue: written });
    for (const h of handlers) h({ key: 'svcsim.test.storage.message', newValue: '{"type":"bogus"}' });
    for (const h of handlers) h({ key: 'other', newValue: written });
    expect(got).toEqual([{ type: 'takeover', from: 'a', n: 1 }]);
  });

  it('is undefined when neither is available', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    vi.stubGlobal('localStorage', undefined);
    expect(openTabChannel('x')).toBeUndefined();
  });
});
