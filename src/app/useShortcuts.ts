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
import type { MessageKey, MessageParams } from '../i18n/translate';

function typingTarget(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('.monaco-editor');
}

/** A shortcut: its keys (a message key where the keys are words) and what it does, with the message's values. */
export interface Shortcut {
  keys: string | { key: MessageKey };
  what: MessageKey;
  params?: (t: (key: MessageKey) => string) => MessageParams;
}

export const shortcuts: readonly Shortcut[] = [
  { keys: 'Ctrl/Cmd + Enter', what: 'shortcuts.apply' },
  { keys: 'p', what: 'shortcuts.play' },
  { keys: '.', what: 'shortcuts.step' },
  ...panelShortcuts.map((p): Shortcut => ({ keys: p.key, what: 'shortcuts.focus', params: (t) => ({ panel: t(p.name) }) })),
  { keys: 'Tab / Shift + Tab', what: 'shortcuts.tab' },
  { keys: { key: 'shortcuts.keys.enterOrSpace' }, what: 'shortcuts.select' },
  { keys: 'Delete', what: 'shortcuts.delete' },
  { keys: 'Escape', what: 'shortcuts.escape' },
  { keys: 'Ctrl + M (macOS: Ctrl + Shift + M)', what: 'shortcuts.editorTab' },
  { keys: { key: 'shortcuts.keys.escapeThenTab' }, what: 'shortcuts.terminalLeave' },
  { keys: 'm', what: 'shortcuts.diagram' },
  { keys: '?', what: 'shortcuts.help' },
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
