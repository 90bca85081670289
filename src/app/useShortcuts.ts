/**
 * Global keyboard shortcuts: Ctrl/Cmd+Enter applies the editor, Delete removes the selected object, Escape
 * clears the selection, `?` shows the shortcut list. Keys typed into the editor or a form field are theirs.
 */
import { useEffect } from 'react';
import { applyEditor } from '../features/editor/applyEditor';
import { deleteSelected } from '../features/inspector/selectionActions';
import { useAppStore } from '../state/store';

function typingTarget(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('.monaco-editor');
}

export const shortcuts: ReadonlyArray<{ keys: string; what: string }> = [
  { keys: 'Ctrl/Cmd + Enter', what: 'Apply the editor’s manifests' },
  { keys: 'Delete', what: 'Delete the selected pod, Service or Deployment' },
  { keys: 'Escape', what: 'Clear the selection' },
  { keys: '?', what: 'Show these shortcuts' },
];

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useAppStore.getState();
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        void applyEditor();
        return;
      }
      if (typingTarget(e.target)) return;
      if (e.key === 'Escape') {
        if (s.shortcutsOpen) s.setShortcutsOpen(false);
        else s.select(undefined);
      } else if (e.key === 'Delete' && s.selected) {
        e.preventDefault();
        void deleteSelected(s.selected);
      } else if (e.key === '?') {
        s.setShortcutsOpen(!s.shortcutsOpen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
