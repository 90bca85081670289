/** What the storage banner says for each save state: what it means for the user's work, and what to do. */
import type { SaveState } from '../../state/persistenceSlice';
import { t } from '../../i18n/languageStore';
import type { MessageKey } from '../../i18n/translate';

// The persistence layer states its reasons in English (state/persistence/storageAccess.ts); the known ones are
// shown in the UI's language, anything else (a browser's own error name) as it came.
const reasonKeys: Record<string, MessageKey> = {
  'the browser storage is full': 'storage.reason.full',
  'the browser denies storage to this page (a cross-site frame or a private mode)': 'storage.reason.denied',
  'the browser does not allow storage here (a private mode?)': 'storage.reason.notAllowed',
  'the browser aborted the write': 'storage.reason.aborted',
  'the browser could not write to disk': 'storage.reason.disk',
  'this browser offers no IndexedDB': 'storage.reason.noIndexedDb',
  'the browser did not open its database in time': 'storage.reason.timeout',
};

const reasonText = (reason: string) => (reason in reasonKeys ? t(reasonKeys[reason]) : reason);

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
        text: t('storage.unavailable', { reason: reasonText(s.reason) })
,
        tone: 'warning',
        actions: ['export'],
        dismissible: true,
      };
  }
}
