/**
 * Enter or Space on a focused canvas element selects it, as a click does, so the Inspector and Delete are in
 * reach of the keyboard. React Flow makes its nodes focusable but selects by key only with `elementsSelectable`,
 * which the canvas leaves off (selection lives in the store, not in React Flow).
 */
import type { KeyboardEvent } from 'react';
import { useAppStore } from '../../state/store';

export function onCanvasKeyDown(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  const el = e.target as HTMLElement;
  if (!el.classList?.contains('react-flow__node')) return;
  const id = el.dataset.id;
  if (!id) return;
  e.preventDefault();
  useAppStore.getState().select(id);
}
