/** The question Reset asks first, naming everything it resets (the app does the resetting on confirm). */
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { AppState } from '../../state/store';
import { useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import { useT } from '../../i18n/languageStore';

const selectTabCount = (s: AppState) => s.objectTabs.length;

export function ResetDialog({ onConfirm, onCancel }: { onConfirm(): void; onCancel(): void }) {
  const tabs = useAppStore(selectTabCount);
  const t = useT();
  return (
    <ConfirmDialog
      title={t('reset.title')}
      confirmLabel={t('reset.confirm')}
      cancelLabel={t('common.cancel')}
      testId={testIds.resetDialog}
      confirmTestId={testIds.resetConfirm}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      {t('reset.intro')}
      <ul>
        <li>{t('reset.cluster')}</li>
        <li>{t('reset.editor')}</li>
        <li>{tabs === 1 ? t('reset.tabOne') : tabs > 1 ? t('reset.tabsMany', { count: tabs }) : t('reset.tabsNone')}</li>
        <li>{t('reset.layout')}</li>

      </ul>
    </ConfirmDialog>
  );
}
