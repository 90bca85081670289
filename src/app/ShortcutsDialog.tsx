/**
 * The `?` overlay listing keyboard shortcuts. A modal dialog: focus moves into it when it opens, Tab stays in
 * it, Escape closes it, and focus returns to where it was.
 */
import { useEffect, useRef } from 'react';
import { useAppStore } from '../state/store';
import type { AppState } from '../state/store';
import { shortcuts } from './useShortcuts';
import { useT } from '../i18n/languageStore';

const selectOpen = (s: AppState) => s.shortcutsOpen;
const close = () => useAppStore.getState().setShortcutsOpen(false);

export function ShortcutsDialog() {
  const open = useAppStore(selectOpen);
  const closeButton = useRef<HTMLButtonElement>(null);
  const t = useT();
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
          <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
          <button type="button" aria-label={t('common.close')} ref={closeButton} onClick={close}>
            ×
          </button>
        </div>
        <table>
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.what + (typeof s.keys === 'string' ? s.keys : s.keys.key)}>
                <td>
                  <kbd>{typeof s.keys === 'string' ? s.keys : t(s.keys.key)}</kbd>
                </td>
                <td>{t(s.what, s.params?.(t))}</td>

              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
