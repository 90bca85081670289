/**
 * Everything the page starts with that needs no React: theme, editor text and its autosave, persistence and
 * the simulation session. main.tsx calls it before the first render, so the worker loads and builds its
 * cluster while React renders the shell instead of after (the first graph is on the worker's critical path).
 */
import { autosaveEditorText, loadEditorText } from '../features/editor/editorPersistence';
import { seedTopologyManifest } from '../scenario/library/seedTopology';
import { useAppStore } from '../state/store';
import { saveEditorText, startPersistence } from './sessionPersistence';
import { sessionEntries, startSession } from './simulation';
import { loadTheme } from './useTheme';

let started = false;

export function startApp(): void {
  if (started) return;
  started = true;
  const s = useAppStore.getState();
  s.setTheme(loadTheme());
  s.setEditorText(loadEditorText() ?? seedTopologyManifest);
  startPersistence(() => ({ entries: sessionEntries(), editorText: useAppStore.getState().editorText }));
  autosaveEditorText({
    subscribe: (onText) =>
      useAppStore.subscribe((st, prev) => {
        if (st.editorText !== prev.editorText) onText(st.editorText);
      }),
    current: () => useAppStore.getState().editorText,
    save: saveEditorText,
  });
  void startSession();
}
