/** Whether this tab saves its work, and if not, why: the storage banner shows it and offers what to do. */
import type { StateCreator } from 'zustand';
import type { StorageProblem } from './persistence/storageAccess';

export type SaveState =
  /** Loading the saved session and checking for other tabs. */
  | { kind: 'starting' }
  | { kind: 'saving' }
  /** Another tab is open; the user has not chosen yet. */
  | { kind: 'otherTab' }
  /** The user chose to keep this tab without saving. */
  | { kind: 'notSaving' }
  /** Another tab took over saving. */
  | { kind: 'readOnly' }
  /** A write failed (storage full, aborted): nothing from now on is saved. */
  | { kind: 'failed'; reason: StorageProblem }
  /** The browser denies storage to this page: the app runs without saving. */
  | { kind: 'unavailable'; reason: StorageProblem };

export interface PersistenceSlice {
  saveState: SaveState;
  /** The user closed the banner of the current save state (it returns when the state changes). */
  saveNoticeDismissed: boolean;
  setSaveState(state: SaveState): void;
  dismissSaveNotice(): void;
}

export const createPersistenceSlice: StateCreator<PersistenceSlice, [], [], PersistenceSlice> = (set) => ({
  saveState: { kind: 'starting' },
  saveNoticeDismissed: false,
  setSaveState: (saveState) => set({ saveState, saveNoticeDismissed: false }),
  dismissSaveNotice: () => set({ saveNoticeDismissed: true }),
});
