/**
 * The log of cluster-changing commands a restarted worker (or a reloaded page) replays. Each command is
 * recorded as started before it is sent and finished when its reply comes, so the one a hang or a reload cut
 * short is known and never replayed. A new `init` starts the log afresh (what came before no longer matters)
 * and a finished `advance` merges into a finished `advance` just before it, so a long play session stays short.
 * Every change is appended to the {@link SessionStore} as a record (the session log folds them the same way).
 */
import type { Command } from '../protocol/messages';
import { MemorySessionStore, type SessionEntry, type SessionStore } from './sessionStore';

export class CommandLog {
  private list: SessionEntry[] = [];
  private nextSeq = 1;

  constructor(private readonly store: SessionStore = new MemorySessionStore()) {}

  /** Takes the saved session as the log (a reload); numbering carries on after it. */
  async loadSaved(): Promise<void> {
    const saved = await this.store.load();
    this.list = saved.map((e) => ({ ...e }));
    this.nextSeq = Math.max(this.nextSeq, this.list.reduce((m, e) => (Number.isInteger(e.seq) ? Math.max(m, e.seq) : m), 0) + 1);
    // a log saved before commands were numbered (or imported from one): number it, so a record can name them
    const unnumbered = this.list.filter((e) => !Number.isInteger(e.seq));
    for (const e of unnumbered) e.seq = this.nextSeq++;
    if (unnumbered.length) this.store.replaceAll(this.entries());
  }

  /** Records a command about to be sent; returns its seq. */
  start(command: Command): number {
    const entry: SessionEntry = { seq: this.nextSeq++, command, status: 'started' };
    // an init starts the stored log afresh too
    if (command.type === 'init') this.list = [];
    this.list.push(entry);
    this.store.record(entry);
    return entry.seq;
  }

  /** The command's reply came; `replayAs` is what a replay must run (a Ctrl+C'd `sleep` says how far it got). */
  finish(seq: number, replayAs?: Command): void {
    const i = this.list.findIndex((e) => e.seq === seq);
    if (i < 0) return;
    const entry: SessionEntry = { seq, command: replayAs ?? this.list[i].command, status: 'finished' };
    // the stored log merges the same way when it folds the record
    this.store.record(entry);
    const before = this.list[i - 1];
    if (entry.command.type === 'advance' && before?.status === 'finished' && before.command.type === 'advance') {
      const merged: SessionEntry = { ...before, command: { type: 'advance', ms: before.command.ms + entry.command.ms } };
      this.list.splice(i - 1, 2, merged);
      return;
    }
    this.list[i] = entry;
  }

  /** Removes commands from the log (and the store): never to be replayed. */
  drop(seqs: readonly number[]): void {
    if (seqs.length === 0) return;
    const gone = new Set(seqs);
    for (const e of this.list) if (gone.has(e.seq)) this.store.record({ seq: e.seq, command: e.command, forgotten: true });
    this.list = this.list.filter((e) => !gone.has(e.seq));
  }

  entries(): SessionEntry[] {
    return this.list.map((e) => ({ ...e }));
  }

  get size(): number {
    return this.list.length;
  }
}
