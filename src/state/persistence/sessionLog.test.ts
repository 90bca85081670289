import { describe, expect, it } from 'vitest';
import { type SessionEntry, compact, nextOp } from './sessionLog';

const init: SessionEntry = { command: { type: 'init', manifests: 'a' } };
const adv = (ms: number, extra: Partial<SessionEntry> = {}): SessionEntry => ({ command: { type: 'advance', ms }, ...extra });
const apply: SessionEntry = { command: { type: 'apply', yaml: 'kind: Pod' } };

describe('session log compaction', () => {
  it('merges consecutive advances into one', () => {
    expect(compact([init, adv(250), adv(250), adv(500)])).toEqual([init, adv(1000)]);
  });

  it('keeps advances apart when a command lies between them', () => {
    expect(compact([init, adv(250), apply, adv(250)])).toEqual([init, adv(250), apply, adv(250)]);
  });

  it('starts a new log at every init', () => {
    const second: SessionEntry = { command: { type: 'init', manifests: 'b' } };
    expect(compact([init, apply, adv(10), second, adv(5)])).toEqual([second, adv(5)]);
  });

  it('is empty when the log does not begin with an init', () => {
    expect(compact([apply, adv(10)])).toEqual([]);
  });

  it('never merges an advance that did not finish or carries extra fields', () => {
    expect(nextOp(adv(10), adv(10, { status: 'started' })).type).toBe('push');
    expect(nextOp(adv(10, { status: 'started' }), adv(10)).type).toBe('push');
    expect(nextOp(adv(10), adv(10, { at: 5 })).type).toBe('push');
    expect(nextOp(adv(10, { status: 'finished' }), adv(20, { status: 'finished' }))).toEqual({
      type: 'replaceLast',
      entry: adv(30, { status: 'finished' }),
    });
  });
});
