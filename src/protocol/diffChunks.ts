/**
 * Cutting one large ClusterDiff into pieces of bounded size, and counting a diff's size. A cluster that grows
 * by thousands of pods in one command must not reach the page as one message: structured-cloning it and
 * drawing it would block the page's main thread for seconds. Pieces are applied in order, one frame's worth at
 * a time; only the first carries `reset` and only the last the log. Every piece carries the flush's
 * resourceVersion and time, which the page reaches once the last piece lands.
 */
import type { ClusterChanges, ClusterDiff, KindChanges } from './messages';
import type { WireKind } from './objects';

/**
 * Kinds in the order their pieces go out: containers before what they hold, so fewer elements wait. Written as
 * a record of every WireKind, so a kind added to the protocol cannot be left out (its objects would be dropped).
 */
const kindOrder = Object.keys({
  Namespace: 0,
  Node: 0,
  Deployment: 0,
  ReplicaSet: 0,
  StatefulSet: 0,
  Service: 0,
  Pod: 0,
  Endpoints: 0,
  EndpointSlice: 0,
  Event: 0,
} satisfies Record<WireKind, 0>) as readonly WireKind[];

/** How many objects a diff adds, updates or removes. */
export function diffSize(d: ClusterDiff): number {
  let n = 0;
  for (const c of Object.values(d.changes)) if (c) n += c.added.length + c.updated.length + c.removed.length;
  return n;
}

/** `d` as pieces of at most `max` objects each (the diff itself when it is small enough). */
export function splitDiff(d: ClusterDiff, max: number): ClusterDiff[] {
  if (diffSize(d) <= max) return [d];
  const pieces: ClusterDiff[] = [];
  let changes: ClusterChanges = {};
  let size = 0;
  const cut = () => {
    pieces.push({ type: 'diff', resourceVersion: d.resourceVersion, time: d.time, reset: d.reset && pieces.length === 0, changes, log: [] });
    changes = {};
    size = 0;
  };
  const slot = (kind: WireKind): KindChanges => {
    let c = changes[kind];
    if (!c) {
      c = { added: [], updated: [], removed: [] };
      changes[kind] = c;
    }
    return c;
  };
  for (const kind of kindOrder) {
    const c = d.changes[kind];
    if (!c) continue;
    for (const field of ['removed', 'updated', 'added'] as const) {
      for (const item of c[field]) {
        if (size === max) cut();
        (slot(kind)[field] as unknown[]).push(item);
        size++;
      }
    }
  }
  if (size > 0 || pieces.length === 0) cut();
  pieces[pieces.length - 1].log = d.log;
  return pieces;
}
