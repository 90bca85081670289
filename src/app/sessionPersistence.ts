/**
 * The page's persistence, wired once: the session log in IndexedDB, the editor text in localStorage, the tab
 * coordinator, and what the banner's buttons do. The rules live in `src/state/persistence`; this module only
 * connects them to the browser and the store.
 */
import { t } from '../i18n/languageStore';
import type { SessionEntry as CommandLogEntry, SessionStore as CommandLogStore } from '../bridge/sessionStore';
import { editorTextKey } from '../features/editor/editorPersistence';
import { IdbSessionStore } from '../state/persistence/idbSessionStore';
import { OpeningStore } from '../state/persistence/openingStore';
import { SessionKeeper, type TabWork } from '../state/persistence/sessionKeeper';
import type { SessionEntry } from '../state/persistence/sessionLog';
import { MemorySessionStore, type SessionStore } from '../state/persistence/sessionStore';
import { describeStorageError, type StorageProblem, storageDenial, textSlot } from '../state/persistence/storageAccess';
import { webOwnerLock } from '../state/persistence/ownerLock';
import { openTabChannel } from '../state/persistence/tabChannel';
import { TabCoordinator } from '../state/persistence/tabCoordinator';
import { useAppStore } from '../state/store';

const databaseName = 'svcsim';
/** A database that neither opens nor fails (a stuck upgrade, some private modes) must not hold the app. */
const openTimeoutMs = 3000;

let keeper: SessionKeeper | undefined;
let coordinator: TabCoordinator | undefined;
let idb: IdbSessionStore | undefined;
let currentWork: () => TabWork = () => ({ entries: [], editorText: '' });

function openStore(k: () => SessionKeeper): SessionStore {
  const opening = new Promise<SessionStore>((resolve) => {
    const fallBack = (reason: StorageProblem) => {
      k().markUnavailable(reason);
      resolve(new MemorySessionStore());
    };
    const timer = setTimeout(() => fallBack({ code: 'timeout' }), openTimeoutMs);
    IdbSessionStore.open(databaseName, textSlot('svcsim.session.journal.v1'), (reason) => k().storageLost(reason)).then(
      (store) => {
        clearTimeout(timer);
        idb = store;
        resolve(store);
      },
      (e: unknown) => {
        clearTimeout(timer);
        fallBack(describeStorageError(e));
      },
    );
  });
  return new OpeningStore(opening);
}

/** A random id for this tab; `crypto.randomUUID` exists only in secure contexts (not plain http on a LAN address). */
function tabId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Starts persistence for this page: `work` tells what the tab holds (for a take-over or a retry, which write
 * it whole). Call once, before the session starts.
 */
export function startPersistence(work: () => TabWork): SessionKeeper {
  if (keeper) return keeper;
  currentWork = work;
  const report = useAppStore.getState().setSaveState;
  const denied = storageDenial();
  const k = new SessionKeeper({
    store: denied ? new MemorySessionStore() : openStore(() => k),
    editor: textSlot(editorTextKey),
    legacySession: textSlot('svcsim.session.v1'),
    report,
    unavailable: denied,
  });
  keeper = k;
  coordinator = new TabCoordinator(denied ? undefined : openTabChannel('svcsim.tabs.v1'), tabId(), {
    onRole: (role) => k.onRole(role, currentWork),
    // stays until dismissed: news about another tab, not the result of something done here
    onOtherTabOpened: () =>
      useAppStore.getState().setNotice(t('notice.otherTabOpened'), 'info', false)
,
    later: (ms, fn) => setTimeout(fn, ms),
    lock: denied ? undefined : webOwnerLock('svcsim.saving.v1'),
  });
  coordinator.start();
  // the unload journal: IndexedDB writes still in flight when the page goes away (or is hidden, and may be
  // discarded without a pagehide) are kept synchronously
  addEventListener('pagehide', () => idb?.flushJournal());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') idb?.flushJournal();
  });
  return k;
}

/**
 * The bridge's command log kept in the session log: the saved session to replay, and each command's records
 * (started, finished, forgotten) appended as they happen. Call after `startPersistence`.
 */
export const commandLogStore: CommandLogStore = {
  // a log saved before commands were numbered has no seq (the bridge numbers them) and no status (finished)
  load: async () => toBridgeEntries((await keeper?.load()) ?? []),
  record: (record) => keeper?.record(record),
  replaceAll: (entries) => keeper?.replaceLog(entries),
};

function toBridgeEntries(entries: readonly SessionEntry[]): CommandLogEntry[] {
  return entries.map((e) => ({ seq: typeof e.seq === 'number' ? e.seq : Number.NaN, command: e.command, status: e.status ?? 'finished' }));
}

export function saveEditorText(text: string): void {
  keeper?.saveEditorText(text);
}

export function takeOverHere(): void {
  coordinator?.takeOver();
}

export function keepWithoutSaving(): void {
  coordinator?.keepWithoutSaving();
}

/** After a failure: write everything this tab holds again (the user may have freed space). */
export function retrySaving(): void {
  keeper?.writeWhole(currentWork());
}
