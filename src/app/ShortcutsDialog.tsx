/** The `?` overlay listing keyboard shortcuts. */
import { useAppStore } from '../state/store';
import type { AppState } from '../state/store';
import { shortcuts } from './useShortcuts';

const selectOpen = (s: AppState) => s.shortcutsOpen;

export function ShortcutsDialog() {
  const open = useAppStore(selectOpen);
  if (!open) return null;
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts">
        <div className="dialog-head">
          <h2>Keyboard shortcuts</h2>
          <button type="button" aria-label="Close" onClick={() => useAppStore.getState().setShortcutsOpen(false)}>
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
