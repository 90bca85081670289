/**
 * The session log's shape and its compaction rules, shared by every store. A session is the list of
 * cluster-changing commands since the last `init`: replaying it rebuilds exactly the same cluster (the engine is
 * deterministic), so the log is all a reload needs.
 */
import type { Command } from '../../protocol/messages';

/**
 * One logged command. Extra fields are kept as they are. The simulation bridge numbers its commands (`seq`) and
 * records each twice, `started` before it runs and `finished` (with what a replay must run) after, so a reload
 * knows the one that never finished; a later record with the same `seq` replaces the earlier one, and a
 * `forgotten` record removes it (a poison command the bridge will never replay).
 */
export interface SessionEntry {
  command: Command;
  status?: 'started' | 'finished';
  seq?: number;
  forgotten?: true;
  [extra: string]: unknown;
}

/** What a store hands back: the entries to replay, oldest first; the first is always an `init`. */
export interface SavedSession {
  entries: SessionEntry[];
}

/** How one appended entry changes the stored log: start a new log, rewrite the last entry, or add one. */
export type LogOp =
  | { type: 'reset'; entry: SessionEntry }
  | { type: 'replaceLast'; entry: SessionEntry }
  /** The last two entries become one (a finished `advance` merged into the finished `advance` before it). */
  | { type: 'mergeLast'; entry: SessionEntry }
  | { type: 'push'; entry: SessionEntry };

/** A plain `advance` (no status other than finished, no extra fields but its seq) can be merged with its neighbour. */
function plainAdvanceMs(e: SessionEntry | undefined): number | undefined {
  if (e?.command.type !== 'advance') return undefined;
  if (e.status === 'started') return undefined;
  for (const k of Object.keys(e)) if (k !== 'command' && k !== 'status' && k !== 'seq') return undefined;
  return e.command.ms;
}

/** `b` appended to `a`, when both are plain advances of the same status: one advance, under `a`'s seq. */
function mergedAdvance(a: SessionEntry | undefined, b: SessionEntry): SessionEntry | undefined {
  const x = plainAdvanceMs(a);
  const y = plainAdvanceMs(b);
  if (a === undefined || x === undefined || y === undefined || a.status !== b.status) return undefined;
  return { ...b, ...(a.seq === undefined ? {} : { seq: a.seq }), command: { type: 'advance', ms: x + y } };
}

const sameSeq = (a: SessionEntry | undefined, b: SessionEntry) => b.seq !== undefined && a?.seq === b.seq;

/**
 * The operation that appends `entry` after `last` (and `beforeLast`): a new `init` starts a new log (what came
 * before no longer matters), a record of the last command (its `finished` after its `started`) replaces it, and
 * consecutive `advance`s merge into one, so a long play session stays one entry long.
 */
export function nextOp(last: SessionEntry | undefined, entry: SessionEntry, beforeLast?: SessionEntry): LogOp {
  if (entry.command.type === 'init' && !entry.forgotten) return { type: 'reset', entry };
  if (!entry.forgotten && sameSeq(last, entry)) {
    const merged = mergedAdvance(beforeLast, entry);
    return merged ? { type: 'mergeLast', entry: merged } : { type: 'replaceLast', entry };
  }
  const merged = entry.forgotten ? undefined : mergedAdvance(last, entry);
  if (merged) return { type: 'replaceLast', entry: merged };
  return { type: 'push', entry };
}

/** Applies one operation to an in-memory log (the memory store and the tests use it). */
export function applyOp(log: readonly SessionEntry[], op: LogOp): SessionEntry[] {
  const next = [...log];
  applyOpInPlace(next, op);
  return next;
}

/** The same, changing `log` itself (a store's copy of a long log is not copied on every append). */
export function applyOpInPlace(log: SessionEntry[], op: LogOp): void {
  if (op.type === 'reset') log.length = 0;
  else if (op.type === 'replaceLast') log.pop();
  else if (op.type === 'mergeLast') log.splice(-2, 2);
  log.push(op.entry);
}

/**
 * The shortest log that replays to the same cluster: from the last `init` on, each numbered command once (its
 * latest record, in the place of its first; gone when forgotten), with `advance`s merged.
 */
export function compact(entries: readonly SessionEntry[]): SessionEntry[] {
  let folded: SessionEntry[] = [];
  for (const e of entries) {
    const at = e.seq === undefined ? -1 : folded.findIndex((x) => x.seq === e.seq);
    if (e.forgotten) {
      if (at >= 0) folded.splice(at, 1);
    } else if (e.command.type === 'init' && at < 0) folded = [e];
    else if (at >= 0) folded[at] = e;
    else folded.push(e);
  }
  const log: SessionEntry[] = [];
  for (const e of folded) {
    const merged = mergedAdvance(log[log.length - 1], e);
    if (merged) log[log.length - 1] = merged;
    else log.push(e);
  }
  return log[0]?.command.type === 'init' ? log : [];
}

/** Whether an unknown value (read back from storage or a file) is a usable entry. */
export function isSessionEntry(v: unknown): v is SessionEntry {
  if (typeof v !== 'object' || v === null) return false;
  const c = (v as { command?: unknown }).command;
  return typeof c === 'object' && c !== null && typeof (c as { type?: unknown }).type === 'string';
}
