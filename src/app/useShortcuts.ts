/**
 * Global keyboard shortcuts: Ctrl/Cmd+Enter applies the editor, Delete removes the selected object, Escape
 * clears the selection, `p` plays or pauses the clock, `.` steps, 1–5 focus a panel, `?` shows the shortcut
 * list. Keys typed into the editor, the terminal or a form field are theirs.
 */
import { useEffect } from 'react';
import { applyEditor } from '../features/editor/applyEditor';
import { deleteSelected } from '../features/inspector/selectionActions';
import { useAppStore } from '../state/store';
import { openDiagram } from '../features/diagram/diagramStore';
import { focusPanel, type PanelKey, panelShortcuts } from './panelFocus';
import { stepToNextChange } from './stepClock';

function typingTarget(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('.monaco-editor');
}

export const shortcuts: ReadonlyArray<{ keys: string; what: string }> = [
  { keys: 'Ctrl/Cmd + Enter', what: 'Apply the editor’s manifests' },
  { keys: 'p', what: 'Play or pause the clock' },
  { keys: '.', what: 'Step: pause and move to the next visible change' },
  ...panelShortcuts.map((p) => ({ keys: p.key, what: `Focus ${p.name}` })),
  { keys: 'Tab / Shift + Tab', what: 'Move between controls, panels and the elements on the canvas' },
  { keys: 'Enter or Space', what: 'On the canvas: select the focused pod, Service or node (the Inspector opens)' },
  { keys: 'Delete', what: 'Delete the selected pod, Service or Deployment' },
  { keys: 'Escape', what: 'Clear the selection; close this list' },
  { keys: 'Ctrl + M (macOS: Ctrl + Shift + M)', what: 'In the editor: Tab moves focus instead of indenting (press again to undo)' },
  { keys: 'Shift + Tab, or Escape then Tab', what: 'In the terminal: leave it (Tab on an empty line leaves too; on a typed line it completes)' },
  { keys: 'm', what: 'Diagram: the cluster as diagram text and picture, a pasted sketch as a cluster, the canvas as PNG/SVG' },
  { keys: '?', what: 'Show these shortcuts' },
];

const panelKeys = new Set<string>(panelShortcuts.map((p) => p.key));

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
      const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
      if (e.key === 'Escape') {
        if (s.shortcutsOpen) s.setShortcutsOpen(false);
        else s.select(undefined);
      } else if (e.key === 'Delete' && s.selected) {
        e.preventDefault();
        void deleteSelected(s.selected);
      } else if (e.key === '?') {
        s.setShortcutsOpen(!s.shortcutsOpen);
      } else if (plain && !s.shortcutsOpen && (e.key === 'p' || e.key === 'P')) {
        e.preventDefault();
        s.setClock(!s.playing);
      } else if (plain && !s.shortcutsOpen && e.key === '.') {
        e.preventDefault();
        void stepToNextChange();
      } else if (plain && !s.shortcutsOpen && (e.key === 'm' || e.key === 'M')) {
        e.preventDefault();
        openDiagram();
      } else if (plain && !s.shortcutsOpen && panelKeys.has(e.key)) {
        if (focusPanel(e.key as PanelKey)) e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
