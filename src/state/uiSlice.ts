/** UI state: selection, hover highlights, theme, clock controls, dock tab, notices. */
import type { StateCreator } from 'zustand';

export type Theme = 'system' | 'light' | 'dark';
export type DockTab = 'inspector' | 'events' | 'terminal' | 'rules' | 'traffic';

export interface UiSlice {
  /** React Flow id of the selected element (`pod:ns/name`, `svc:ns/name`, `node:name`, `deploy:ns/name`). */
  selected: string | undefined;
  /** A label `key=value` the pointer is over: Services selecting on it light up. */
  hoveredLabel: string | undefined;
  theme: Theme;
  playing: boolean;
  speed: 1 | 5 | 30;
  dockTab: DockTab;
  notice: { text: string; tone: 'error' | 'info' } | undefined;
  shortcutsOpen: boolean;
  select(id: string | undefined): void;
  hoverLabel(label: string | undefined): void;
  setTheme(theme: Theme): void;
  setClock(playing: boolean, speed?: 1 | 5 | 30): void;
  setDockTab(tab: DockTab): void;
  setNotice(text: string | undefined, tone?: 'error' | 'info'): void;
  setShortcutsOpen(open: boolean): void;
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  selected: undefined,
  hoveredLabel: undefined,
  theme: 'system',
  playing: false,
  speed: 1,
  dockTab: 'inspector',
  notice: undefined,
  shortcutsOpen: false,
  select: (selected) => set(selected ? { selected, dockTab: 'inspector' } : { selected }),
  hoverLabel: (hoveredLabel) => set({ hoveredLabel }),
  setTheme: (theme) => set({ theme }),
  setClock: (playing, speed) => set((s) => ({ playing, speed: speed ?? s.speed })),
  setDockTab: (dockTab) => set({ dockTab }),
  setNotice: (text, tone = 'error') => set({ notice: text ? { text, tone } : undefined }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
});
