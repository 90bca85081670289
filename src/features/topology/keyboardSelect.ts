/**
 * Enter or Space on a focused canvas element does what a click does (select it, or zoom into a pod group), so
 * the Inspector and Delete are in reach of the keyboard. React Flow makes its nodes focusable but acts on keys
 * only with `elementsSelectable`, which the canvas leaves off (selection lives in the store, not in React Flow).
 */
import type { KeyboardEvent } from 'react';

/** A keydown handler for the canvas that calls `activate` with the focused element's React Flow id. */
export function canvasKeyDown(activate: (id: string) => void): (e: KeyboardEvent<HTMLElement>) => void {
  return (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const el = e.target as HTMLElement;
    if (!el.classList?.contains('react-flow__node')) return;
    const id = el.dataset.id;
    if (!id) return;
    e.preventDefault();
    activate(id);
  };
}
