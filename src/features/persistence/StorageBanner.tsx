/**
 * The banner that says when this tab's work is not being saved (storage full or denied, another tab open) and
 * offers what to do. The actions are injected: features do not reach into the app's simulation.
 */
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { testIds } from '../../testids';
import { saveStateMessage } from './saveStateMessage';

const selectSaveState = (s: AppState) => s.saveState;
const selectDismissed = (s: AppState) => s.saveNoticeDismissed;

export interface StorageBannerActions {
  takeOver(): void;
  keepWithoutSaving(): void;
  exportSession(): void;
  retry(): void;
}

const labels = {
  takeOver: ['Take over here', testIds.takeOver, 'Save this tab from now on; the other tab stops saving'],
  keepWithoutSaving: ['Keep this tab without saving', testIds.keepWithoutSaving, 'Go on here; nothing from this tab is saved'],
  export: ['Export session', testIds.exportSession, 'Download the command log and the editor text as JSON'],
  retry: ['Try saving again', testIds.retrySaving, 'Write the whole session again (after freeing space)'],
} as const;

export function StorageBanner({ actions }: { actions: StorageBannerActions }) {
  const state = useAppStore(selectSaveState);
  const dismissed = useAppStore(selectDismissed);
  const message = saveStateMessage(state);
  if (!message || (dismissed && message.dismissible)) return null;
  const run = { takeOver: actions.takeOver, keepWithoutSaving: actions.keepWithoutSaving, export: actions.exportSession, retry: actions.retry };
  return (
    <div className={`storage-banner storage-banner-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'} data-testid={testIds.storageBanner}>
      <span>{message.text}</span>
      <span className="storage-banner-actions">
        {message.actions.map((a) => {
          const [label, id, title] = labels[a];
          return (
            <button type="button" key={a} data-testid={id} title={title} onClick={run[a]}>
              {label}
            </button>
          );
        })}
        {message.dismissible && (
          <button type="button" aria-label="Dismiss" onClick={() => useAppStore.getState().dismissSaveNotice()}>
            ×
          </button>
        )}
      </span>
    </div>
  );
}
