/**
 * "Large text" for a presenter: scales the whole UI through one CSS variable (`--ui-scale` on <html>), the
 * editor's and terminals' font sizes and the canvas's legible zoom follow it. Remembered across reloads.
 * Browser zoom (Ctrl +/−) needs nothing from us: the layout is in CSS pixels and reflows, down to the
 * one-column tabs below 900 px.
 */
import { useEffect } from 'react';
import { useAppStore } from '../state/store';
import type { AppState } from '../state/store';

const key = 'svcsim.largeText';
const selectLargeText = (s: AppState) => s.largeText;
/** How much larger Large text is. */
export const largeTextScale = 1.25;

export function loadLargeText(): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

/** Keeps `--ui-scale` and `data-text-size` on <html> in sync with the store, and remembers the choice. */
export function useLargeText(): void {
  const large = useAppStore(selectLargeText);
  useEffect(() => {
    const root = document.documentElement;
    root.style.setProperty('--ui-scale', String(large ? largeTextScale : 1));
    root.dataset.textSize = large ? 'large' : 'normal';
    try {
      if (large) localStorage.setItem(key, '1');
      else localStorage.removeItem(key);
    } catch {
      // not remembering the choice is harmless
    }
  }, [large]);
}
