/** The shell: wires the top bar, the workbench and the overlays. Features do the work. */
import { useEffect } from 'react';
import { loadEditorText, saveEditorText } from '../features/editor/editorPersistence';
import { seedTopologyManifest } from '../scenario/library/seedTopology';
import { useAppStore } from '../state/store';
import type { AppState } from '../state/store';
import { testIds } from '../testids';
import { ShortcutsDialog } from './ShortcutsDialog';
import { startSession } from './simulation';
import { TopBar } from './TopBar';
import { usePlayClock } from './usePlayClock';
import { useShortcuts } from './useShortcuts';
import { loadTheme, useTheme } from './useTheme';
import { Workbench } from './Workbench';

const selectNotice = (s: AppState) => s.notice;

let started = false;
function startOnce(): void {
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

/** Info notices fade after a while; errors stay until dismissed. */
function useNoticeTimeout(): void {
  const notice = useAppStore(selectNotice);
  useEffect(() => {
    if (notice?.tone !== 'info') return;
    const id = setTimeout(() => useAppStore.getState().setNotice(undefined), 6000);
    return () => clearTimeout(id);
  }, [notice]);
}

export function App() {
  const notice = useAppStore(selectNotice);
  useNoticeTimeout();
  const dark = useTheme();
  usePlayClock();
  useShortcuts();
  useEffect(startOnce, []);
  return (
    <div className="app" data-testid={testIds.app}>
      <TopBar />
      <main className="main">
        <Workbench dark={dark} />
      </main>
      {notice && (
        <div className={`notice notice-${notice.tone}`} role="status" data-testid={testIds.notice}>
          <span>{notice.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => useAppStore.getState().setNotice(undefined)}>
            ×
          </button>
        </div>
      )}
      <ShortcutsDialog />
    </div>
  );
}
