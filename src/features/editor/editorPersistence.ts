/**
 * Keeps the editor text across reloads: saved after a pause in typing, and at once when the page is hidden or
 * goes away, so a reload right after a keystroke loses nothing. Where and whether it is written (only the tab
 * that saves, failures reported) is the caller's `save`.
 */
import type { ObjectTab } from '../../state/editorTabsSlice';
import { textSlot } from '../../state/persistence/storageAccess';

/** The localStorage key of the editor text: localStorage because it can be written while the page unloads. */
export const editorTextKey = 'svcsim.editor.v1';

export function loadEditorText(): string | undefined {
  return textSlot(editorTextKey).read();
}

export interface EditorAutosave {
  /** Reports each new editor text; returns a function that stops. */
  subscribe(onText: (text: string) => void): () => void;
  current(): string;
  save(text: string): void;
  debounceMs?: number;
}

/** Starts the autosave; returns a function that stops it. */
export function autosaveEditorText(o: EditorAutosave): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saved = o.current();
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const text = o.current();
    if (text === saved) return;
    saved = text;
    o.save(text);
  };
  const unsubscribe = o.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(flush, o.debounceMs ?? 300);
  });
  // `pagehide` fires on reload, navigation and tab close (and, unlike `unload`, keeps the back/forward cache);
  // a tab going to the background may be discarded without either, so a hidden page saves too
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHidden);
  return () => {
    unsubscribe();
    clearTimeout(timer);
    removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onHidden);
  };
}

/** The object tabs and which tab is shown, kept across reloads like the manifests text. */
export const editorTabsKey = 'svcsim.editorTabs.v1';

export interface SavedEditorTabs {
  tabs: ObjectTab[];
  active: string;
}

export function editorTabsText(tabs: readonly ObjectTab[], active: string): string {
  return JSON.stringify({ tabs, active });
}

/** The saved tabs, or undefined when there are none or what is stored is not a tab list (then it is ignored). */
export function loadEditorTabs(): SavedEditorTabs | undefined {
  const text = textSlot(editorTabsKey).read();
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Partial<SavedEditorTabs>;
    const isTab = (t: unknown): t is ObjectTab => {
      const o = t as Record<string, unknown>;
      return !!o && typeof o.id === 'string' && typeof o.title === 'string' && typeof o.text === 'string' && typeof o.saved === 'string';
    };
    if (!Array.isArray(v.tabs) || !v.tabs.every(isTab) || typeof v.active !== 'string') return undefined;
    return { tabs: v.tabs, active: v.active };
  } catch {
    return undefined;
  }
}

export function saveEditorTabs(text: string): void {
  textSlot(editorTabsKey).write(text);
}
