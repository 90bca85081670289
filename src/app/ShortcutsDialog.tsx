/**
 * The `?` overlay listing keyboard shortcuts. A modal dialog: focus moves into it when it opens, Tab stays in
 * it, Escape closes it, and focus returns to where it was.
 */
import { useEffect, useRef } from 'react';
import { useAppStore } from '../state/store';
import type { AppState } from '../state/store';
import { shortcuts } from './useShortcuts';

const selectOpen = (s: AppState) => s.shortcutsOpen;
const close = () => useAppStore.getState().setShortcutsOpen(false);

export function ShortcutsDialog() {
  const open = useAppStore(selectOpen);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    return () => before?.focus?.();
  }, [open]);
  if (!open) return null;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          } else if (e.key === 'Tab') {
            // one focusable control: Tab and Shift+Tab stay on it while the dialog is open
            e.preventDefault();
            closeButton.current?.focus();
          }
        }}
      >
        <div className="dialog-head">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button type="button" aria-label="Close" ref={closeButton} onClick={close}>
            ×
          </button>
        </div>
        <table>
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.keys}>
                <td>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
