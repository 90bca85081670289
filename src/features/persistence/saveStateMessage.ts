/** What the storage banner says for each save state: what it means for the user's work, and what to do. */
import type { SaveState } from '../../state/persistenceSlice';
import { t } from '../../i18n/languageStore';
import type { StorageProblem } from '../../state/persistence/storageAccess';

// The persistence layer states its reasons as codes (state/persistence/storageAccess.ts), worded here in the UI's
// language; a browser's own error name is shown as the browser gave it.
const reasonText = (reason: StorageProblem): string =>
  reason.code === 'refused' ? (reason.name ? t('storage.reason.refusedNamed', { name: reason.name }) : t('storage.reason.refused')) : t(`storage.reason.${reason.code}`);

export interface SaveStateMessage {
  text: string;
  tone: 'error' | 'warning';
  /** The actions offered, in order. */
  actions: ('takeOver' | 'keepWithoutSaving' | 'export' | 'retry')[];
  /** Whether the banner can be closed (a choice between tabs cannot be skipped). */
  dismissible: boolean;
}

/** The banner's message, or undefined when there is nothing to say (saving, or still starting). */
export function saveStateMessage(s: SaveState): SaveStateMessage | undefined {
  switch (s.kind) {
    case 'starting':
    case 'saving':
      return undefined;
    case 'otherTab':
      return {
        text: t('storage.otherTab'),
        tone: 'warning',
        actions: ['takeOver', 'keepWithoutSaving'],
        dismissible: false,
      };
    case 'notSaving':
      return {
        text: t('storage.notSaving'),
        tone: 'warning',
        actions: ['takeOver', 'export'],
        dismissible: true,
      };
    case 'readOnly':
      return {
        text: t('storage.readOnly'),
        tone: 'warning',
        actions: ['takeOver', 'export'],
        dismissible: true,
      };
    case 'failed':
      return {
        text: t('storage.failed', { reason: reasonText(s.reason) }),
        tone: 'error',
        actions: ['export', 'retry'],
        dismissible: true,
      };
    case 'unavailable':
      return {
        text: t('storage.unavailable', { reason: reasonText(s.reason) }),
        tone: 'warning',
        actions: ['export'],
        dismissible: true,
      };
  }
}
