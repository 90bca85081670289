/** What the storage banner says for each save state: what it means for the user's work, and what to do. */
import type { SaveState } from '../../state/persistenceSlice';

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
        text: 'svcsim is open in another tab. Only one tab saves, so neither overwrites the other: nothing from this tab is saved until you choose.',
        tone: 'warning',
        actions: ['takeOver', 'keepWithoutSaving'],
        dismissible: false,
      };
    case 'notSaving':
      return {
        text: 'This tab does not save (svcsim is open in another tab): a reload would lose changes made here. Export the session to keep them.',
        tone: 'warning',
        actions: ['takeOver', 'export'],
        dismissible: true,
      };
    case 'readOnly':
      return {
        text: 'This tab is read-only now: svcsim was taken over in another tab, so nothing done here is saved and a reload would lose it. Export the session to keep it.',
        tone: 'warning',
        actions: ['takeOver', 'export'],
        dismissible: true,
      };
    case 'failed':
      return {
        text: `Saving failed: ${s.reason}. Changes from now on are not saved; a reload would lose them. Export the session to keep your work.`,
        tone: 'error',
        actions: ['export', 'retry'],
        dismissible: true,
      };
    case 'unavailable':
      return {
        text: `Running without saving: ${s.reason}. A reload starts over; export the session to keep your work.`,
        tone: 'warning',
        actions: ['export'],
        dismissible: true,
      };
  }
}
