/** UI state: selection, hover highlights, theme, clock controls, dock tab, notices. */
import type { StateCreator } from 'zustand';

export type Theme = 'system' | 'light' | 'dark';
export type DockTab = 'inspector' | 'events' | 'terminal' | 'rules' | 'traffic' | 'dns' | `localhost:${number}`;
/** The panel a narrow screen shows (one column, the panels as tabs). */
export type NarrowPanel = 'canvas' | 'inspector' | 'editor' | 'terminal';

export interface UiSlice {
  /** React Flow id of the selected element (`pod:ns/name`, `svc:ns/name`, `node:name`, `deploy:ns/name`, `sts:ns/name`). */
  selected: string | undefined;
  /** A label `key=value` the pointer is over: Services selecting on it light up. */
  hoveredLabel: string | undefined;
  theme: Theme;
  playing: boolean;
  speed: 1 | 5 | 30;
  dockTab: DockTab;
  /** The bottom dock's tab (terminal, rules, traffic): in the store so a share link can carry it. */
  bottomTab: DockTab;
  /** On a narrow screen, the panel shown: in the store so an action elsewhere (the Inspector's Shell) can show another. */
  narrowPanel: NarrowPanel;
  /** `fades`: the notice goes by itself after a few seconds (what it says is also shown elsewhere, or is good news). */
  notice: { text: string; tone: 'error' | 'info'; fades: boolean } | undefined;
  shortcutsOpen: boolean;
  /** The presenter's "Large text": the whole UI (and the canvas's legible zoom) scaled up. */
  largeText: boolean;
  /** Bumped by Reset: the canvas forgets the positions nodes were dragged to. */
  layoutResets: number;
  select(id: string | undefined): void;
  hoverLabel(label: string | undefined): void;
  setTheme(theme: Theme): void;
  setClock(playing: boolean, speed?: 1 | 5 | 30): void;
  setDockTab(tab: DockTab): void;
  setBottomTab(tab: DockTab): void;
  setNarrowPanel(panel: NarrowPanel): void;
  setNotice(text: string | undefined, tone?: 'error' | 'info', fades?: boolean): void;
  setShortcutsOpen(open: boolean): void;
  setLargeText(on: boolean): void;
  resetLayout(): void;
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  selected: undefined,
  hoveredLabel: undefined,
  theme: 'system',
  playing: false,
  speed: 1,
  dockTab: 'inspector',
  bottomTab: 'terminal',
  narrowPanel: 'canvas',
  notice: undefined,
  shortcutsOpen: false,
  largeText: false,
  layoutResets: 0,
  select: (selected) => set(selected ? { selected, dockTab: 'inspector' } : { selected }),
  hoverLabel: (hoveredLabel) => set({ hoveredLabel }),
  setTheme: (theme) => set({ theme }),
  setClock: (playing, speed) => set((s) => ({ playing, speed: speed ?? s.speed })),
  setDockTab: (dockTab) => set({ dockTab }),
  setBottomTab: (bottomTab) => set({ bottomTab }),
  setNarrowPanel: (narrowPanel) => set({ narrowPanel }),
  setNotice: (text, tone = 'error', fades = tone === 'info') => set({ notice: text ? { text, tone, fades } : undefined }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setLargeText: (largeText) => set({ largeText }),
  resetLayout: () => set((s) => ({ layoutResets: s.layoutResets + 1 })),
});
