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

  it('folds the records of numbered commands: the latest in place of the first, a forgotten one gone', () => {
    const line = (seq: number, status: 'started' | 'finished', l = 'sleep 5'): SessionEntry => ({ command: { type: 'terminal', session: 't1', line: l }, seq, status });
    const log = compact([
      { ...init, seq: 1, status: 'started' },
      { ...init, seq: 1, status: 'finished' },
      line(2, 'started'),
      line(3, 'started', 'kubectl get pods'),
      line(2, 'finished'),
      { ...line(3, 'started', 'kubectl get pods'), forgotten: true },
      line(4, 'started', 'sleep 1000000h'),
    ]);
    expect(log).toEqual([{ ...init, seq: 1, status: 'finished' }, line(2, 'finished'), line(4, 'started', 'sleep 1000000h')]);
  });

  it("replaces the last entry with its command's finish, merging a finished tick into the one before", () => {
    const tick = (seq: number, status: 'started' | 'finished', ms = 250): SessionEntry => ({ ...adv(ms), seq, status });
    expect(nextOp(tick(3, 'started'), tick(3, 'finished'), apply)).toEqual({ type: 'replaceLast', entry: tick(3, 'finished') });
    expect(nextOp(tick(3, 'started'), tick(3, 'finished'), tick(2, 'finished'))).toEqual({ type: 'mergeLast', entry: tick(2, 'finished', 500) });
    expect(nextOp(tick(2, 'finished'), tick(3, 'started')).type).toBe('push');
    expect(compact([{ ...init, seq: 1, status: 'finished' }, tick(2, 'finished'), tick(3, 'started'), tick(3, 'finished')])).toEqual([
      { ...init, seq: 1, status: 'finished' },
      tick(2, 'finished', 500),
    ]);
  });
});
