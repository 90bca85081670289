/** The theme: follows the system unless the user picked one; the choice is remembered. */
import { useEffect, useState } from 'react';
import { useAppStore } from '../state/store';
import type { AppState } from '../state/store';
import type { Theme } from '../state/uiSlice';

const key = 'svcsim.theme';
const selectTheme = (s: AppState) => s.theme;

export function loadTheme(): Theme {
  try {
    const t = localStorage.getItem(key);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

/** Whether the system asks for dark, following it when it changes (the playground's and the embed's theme). */
export function useSystemDark(): boolean {
  const [systemDark, setSystemDark] = useState(() => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false);
  useEffect(() => {
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
    const on = (e: MediaQueryListEvent) => setSystemDark(e.matches);
    mq?.addEventListener('change', on);
    return () => mq?.removeEventListener('change', on);
  }, []);
  return systemDark;
}

/** Returns whether the dark theme is in effect, and keeps `data-theme` on <html> in sync. */
export function useTheme(): boolean {
  const theme = useAppStore(selectTheme);
  const systemDark = useSystemDark();
  const dark = theme === 'dark' || (theme === 'system' && systemDark);
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    try {
      if (theme === 'system') localStorage.removeItem(key);
      else localStorage.setItem(key, theme);
    } catch {
      // not remembering a theme is harmless
    }
  }, [dark, theme]);
  return dark;
}
