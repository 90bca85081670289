/**
 * The banner that says when this tab's work is not being saved (storage full or denied, another tab open) and
 * offers what to do. The actions are injected: features do not reach into the app's simulation.
 */
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { testIds } from '../../testids';
import { saveStateMessage } from './saveStateMessage';
import { useT } from '../../i18n/languageStore';
import type { MessageKey } from '../../i18n/translate';

const selectSaveState = (s: AppState) => s.saveState;
const selectDismissed = (s: AppState) => s.saveNoticeDismissed;

export interface StorageBannerActions {
  takeOver(): void;
  keepWithoutSaving(): void;
  exportSession(): void;
  retry(): void;
}

const labels: Record<string, readonly [MessageKey, string, MessageKey]> = {
  takeOver: ['storage.takeOver', testIds.takeOver, 'storage.takeOverTitle'],
  keepWithoutSaving: ['storage.keep', testIds.keepWithoutSaving, 'storage.keepTitle'],
  export: ['storage.export', testIds.exportSession, 'topbar.exportTitle'],
  retry: ['storage.retry', testIds.retrySaving, 'storage.retryTitle'],
};

export function StorageBanner({ actions }: { actions: StorageBannerActions }) {
  const state = useAppStore(selectSaveState);
  const dismissed = useAppStore(selectDismissed);
  const t = useT();
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
            <button type="button" key={a} data-testid={id} title={t(title)} onClick={run[a]}>
              {t(label)}
            </button>
          );
        })}
        {message.dismissible && (
          <button type="button" aria-label={t('common.dismiss')}
 onClick={() => useAppStore.getState().dismissSaveNotice()}>
            ×
          </button>
        )}
      </span>
    </div>
  );
}
