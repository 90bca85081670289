/**
 * Everything the page starts with that needs no React: theme, editor text and its autosave, and the
 * simulation session. main.tsx calls it before the first render, so the worker loads and builds its
 * cluster while React renders the shell instead of after (the first graph is on the worker's critical path).
 */
import { loadEditorText, saveEditorText } from '../features/editor/editorPersistence';
import { seedTopologyManifest } from '../scenario/library/seedTopology';
import { useAppStore } from '../state/store';
import { startSession } from './simulation';
import { loadTheme } from './useTheme';

let started = false;

export function startApp(): void {
  if (started) return;
  started = true;
  const s = useAppStore.getState();
  s.setTheme(loadTheme());
  s.setEditorText(loadEditorText() ?? seedTopologyManifest);
  // autosave: the text survives a reload; a refusal is shown, never swallowed
  let timer: ReturnType<typeof setTimeout> | undefined;
  useAppStore.subscribe((st, prev) => {
    if (st.editorText === prev.editorText) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const err = saveEditorText(st.editorText);
      if (err) useAppStore.getState().setNotice(err);
    }, 300);
  });
  void startSession();
}
