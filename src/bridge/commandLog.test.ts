import { describe, expect, it } from 'vitest';
import { CommandLog } from './commandLog';
import { MemorySessionStore } from './sessionStore';

const commands = (log: CommandLog) => log.entries().map((e) => e.command);

describe('CommandLog', () => {
  it('starts afresh at init and merges consecutive finished advances', () => {
    const log = new CommandLog();
    log.finish(log.start({ type: 'apply', yaml: 'a' }));
    log.finish(log.start({ type: 'init' }));
    log.finish(log.start({ type: 'advance', ms: 100 }));
    log.finish(log.start({ type: 'advance', ms: 250 }));
    log.finish(log.start({ type: 'delete', kind: 'Pod', name: 'x' }));
    log.finish(log.start({ type: 'advance', ms: 5 }));
    expect(commands(log)).toEqual([{ type: 'init' }, { type: 'advance', ms: 350 }, { type: 'delete', kind: 'Pod', name: 'x' }, { type: 'advance', ms: 5 }]);
  });

  it('marks a command started until its reply, and keeps what a replay must run', () => {
    const store = new MemorySessionStore();
    const log = new CommandLog(store);
    log.finish(log.start({ type: 'init' }));
    const seq = log.start({ type: 'terminal', session: 't1', line: 'sleep 1000000h' });
    expect(store.snapshot().map((e) => e.status)).toEqual(['finished', 'started']);
    log.finish(seq, { type: 'terminal', session: 't1', line: 'sleep 1000000h', stopAfterMs: 12_000 });
    expect(store.snapshot()[1]).toEqual({ seq, status: 'finished', command: { type: 'terminal', session: 't1', line: 'sleep 1000000h', stopAfterMs: 12_000 } });
  });

  it('an advance still running is not merged, so a reload drops only that tick', () => {
    const store = new MemorySessionStore();
    const log = new CommandLog(store);
    log.finish(log.start({ type: 'init' }));
    log.finish(log.start({ type: 'advance', ms: 100 }));
    log.start({ type: 'advance', ms: 250 });
    expect(store.snapshot().map((e) => [e.command, e.status])).toEqual([
      [{ type: 'init' }, 'finished'],
      [{ type: 'advance', ms: 100 }, 'finished'],
      [{ type: 'advance', ms: 250 }, 'started'],
    ]);
  });

  it('continues numbering after a saved session, and drop forgets entries in the store too', async () => {
    const store = new MemorySessionStore([
      { seq: 4, command: { type: 'init' }, status: 'finished' },
      { seq: 7, command: { type: 'hang' }, status: 'started' },
    ]);
    const log = new CommandLog(store);
    await log.loadSaved();
    expect(log.start({ type: 'ping' })).toBe(8);
    log.drop([7]);
    expect(store.snapshot().map((e) => e.seq)).toEqual([4, 8]);
    expect(log.size).toBe(2);
  });

  it('numbers a saved log that has no seq yet (an earlier version wrote it) and stores it numbered', async () => {
    const store = new MemorySessionStore();
    const unnumbered = [
      { seq: Number.NaN, command: { type: 'init' }, status: 'finished' },
      { seq: Number.NaN, command: { type: 'terminal', session: 't1', line: 'sleep 1000000h' }, status: 'finished' },
    ] as const;
    store.load = async () => unnumbered.map((e) => ({ ...e }));
    const log = new CommandLog(store);
    await log.loadSaved();
    expect(log.entries().map((e) => e.seq)).toEqual([1, 2]);
    expect(store.snapshot().map((e) => e.seq)).toEqual([1, 2]);
    // so a replay that finds the sleep poisonous can forget it by its number
    log.drop([2]);
    expect(store.snapshot().map((e) => e.command.type)).toEqual(['init']);
  });
});
