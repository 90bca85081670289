/**
 * Keeps the React Flow nodes and edges that did not change the very same objects from one graph to the next.
 * buildGraph returns fresh objects on every cluster diff, and React Flow re-adopts, re-measures and
 * re-renders every element whose object is new: one pod's readiness flip re-rendered the whole canvas (the
 * `bench:ui` readiness-flip figure). Objects in the mirror keep their identity while unchanged, so comparing
 * one level deep (position, style, data, domAttributes) by identity is enough to tell.
 */
import type { Edge, Node } from '@xyflow/react';

type Element = Node | Edge;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/** Same element: equal top-level fields, nested plain objects compared field by field. */
export function sameElement(a: Element, b: Element): boolean {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  return keys.every((k) => {
    const x = ra[k];
    const y = rb[k];
    return x === y || (isPlainObject(x) && isPlainObject(y) && shallowEqual(x, y));
  });
}

/**
 * `next`, with every element equal to its namesake in `previous` replaced by that previous object; the
 * previous array itself when nothing changed at all.
 */
export function reuseUnchanged<T extends Element>(previous: readonly T[], next: T[]): T[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  let changed = previous.length !== next.length;
  const out = next.map((e, i) => {
    const before = byId.get(e.id);
    if (before && sameElement(before, e)) {
      if (previous[i] !== before) changed = true;
      return before;
    }
    changed = true;
    return e;
  });
  return changed ? out : (previous as T[]);
}
