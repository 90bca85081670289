/**
 * Keyboard shortcuts that move focus to a panel (1 editor, 2 canvas, 3 terminal, 4 Inspector, 5 Events). The
 * panels are found by their test ids and the widgets' own focus targets (Monaco's and xterm's input elements,
 * React Flow's focusable nodes), so a shortcut lands where a click would have put the caret.
 */
import { useAppStore } from '../state/store';
import { testIds } from '../testids';
import type { MessageKey } from '../i18n/translate';


export type PanelKey = '1' | '2' | '3' | '4' | '5';

export const panelShortcuts: ReadonlyArray<{ key: PanelKey; name: MessageKey }> = [
  { key: '1', name: 'shortcuts.panel.1' },
  { key: '2', name: 'shortcuts.panel.2' },
  { key: '3', name: 'shortcuts.panel.3' },
  { key: '4', name: 'shortcuts.panel.4' },
  { key: '5', name: 'shortcuts.panel.5' },
];


const byTestId = (id: string) => `[data-testid="${id}"]`;

function focusFirst(...selectors: string[]): boolean {
  for (const sel of selectors) {
    const el = document.querySelector<HTMLElement>(sel);
    if (el) {
      el.focus();
      return true;
    }
  }
  return false;
}

/** Moves focus to the panel a digit names; false when there is nothing to focus there (yet). */
export function focusPanel(key: PanelKey): boolean {
  const s = useAppStore.getState();
  switch (key) {
    case '1':
      return focusFirst(`${byTestId(testIds.editor)} textarea`, `${byTestId(testIds.apply)}`);
    case '2': {
      const selected = s.selected ? `${byTestId(testIds.topology)} .react-flow__node[data-id="${CSS.escape(s.selected)}"]` : '';
      return focusFirst(...(selected ? [selected] : []), `${byTestId(testIds.topology)} .react-flow__node`);
    }
    case '3':
      return focusFirst('[data-testid="terminal-active"] textarea');
    case '4':
    case '5': {
      const tab = key === '4' ? 'inspector' : 'events';
      s.setDockTab(tab);
      return focusFirst(byTestId(`${testIds.dockTab}-${tab}`));
    }
  }
}
