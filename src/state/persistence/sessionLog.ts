/**
 * The session log's shape and its compaction rules, shared by every store. A session is the list of
 * cluster-changing commands since the last `init`: replaying it rebuilds exactly the same cluster (the engine is
 * deterministic), so the log is all a reload needs.
 */
import type { Command } from '../../protocol/messages';

/** One logged command. Extra fields are kept as they are (e.g. whether a command ever finished). */
export interface SessionEntry {
  command: Command;
  status?: 'started' | 'finished';
  [extra: string]: unknown;
}

/** What a store hands back: the entries to replay, oldest first; the first is always an `init`. */
export interface SavedSession {
  entries: SessionEntry[];
}

/** How one appended entry changes the stored log: start a new log, rewrite the last entry, or add one. */
export type LogOp = { type: 'reset'; entry: SessionEntry } | { type: 'replaceLast'; entry: SessionEntry } | { type: 'push'; entry: SessionEntry };

/** A plain `advance` (no status other than finished, no extra fields) can be merged with its neighbour. */
function plainAdvanceMs(e: SessionEntry | undefined): number | undefined {
  if (e?.command.type !== 'advance') return undefined;
  if (e.status === 'started') return undefined;
  for (const k of Object.keys(e)) if (k !== 'command' && k !== 'status') return undefined;
  return e.command.ms;
}

/**
 * The operation that appends `entry` after `last`: a new `init` starts a new log (what came before no longer
 * matters), and consecutive `advance`s merge into one, so a long play session stays one entry long.
 */
export function nextOp(last: SessionEntry | undefined, entry: SessionEntry): LogOp {
  if (entry.command.type === 'init') return { type: 'reset', entry };
  const a = plainAdvanceMs(last);
  const b = plainAdvanceMs(entry);
  if (a !== undefined && b !== undefined && last?.status === entry.status) {
    return { type: 'replaceLast', entry: { ...entry, command: { type: 'advance', ms: a + b } } };
  }
  return { type: 'push', entry };
}

/** Applies one operation to an in-memory log (the memory store, compaction and the tests use it). */
export function applyOp(log: SessionEntry[], op: LogOp): SessionEntry[] {
  if (op.type === 'reset') return [op.entry];
  if (op.type === 'replaceLast') return [...log.slice(0, -1), op.entry];
  return [...log, op.entry];
}

/** The shortest log that replays to the same cluster: from the last `init` on, with `advance`s merged. */
export function compact(entries: readonly SessionEntry[]): SessionEntry[] {
  let log: SessionEntry[] = [];
  for (const e of entries) log = applyOp(log, nextOp(log[log.length - 1], e));
  return log[0]?.command.type === 'init' ? log : [];
}

/** Whether an unknown value (read back from storage or a file) is a usable entry. */
export function isSessionEntry(v: unknown): v is SessionEntry {
  if (typeof v !== 'object' || v === null) return false;
  const c = (v as { command?: unknown }).command;
  return typeof c === 'object' && c !== null && typeof (c as { type?: unknown }).type === 'string';
}
