/**
 * Everything the page starts with that needs no React: theme, editor text and its autosave, persistence and
 * the simulation session. main.tsx calls it before the first render, so the worker loads and builds its
 * cluster while React renders the shell instead of after (the first graph is on the worker's critical path).
 * The session is created here and injected into the store; `window.svcsim` is assigned here too, never on import.
 */
import type { WorkerLike } from '../bridge/workerBridge';
import { autosaveEditorText, editorTabsText, loadEditorTabs, loadEditorText, saveEditorTabs } from '../features/editor/editorPersistence';
import type { Command, Reply } from '../protocol/messages';
import { seedTopologyManifest } from '../scenario/library/seedTopology';
import { manifestsTab } from '../state/editorTabsSlice';
import { useAppStore } from '../state/store';
import { type Session, createSession } from './session';
import { commandLogStore, saveEditorText, startPersistence } from './sessionPersistence';
import { loadTheme } from './useTheme';
import { initialClockPlaying, rememberClockPlaying } from './clockPreference';
import { loadLargeText } from './useLargeText';
import { chooseFirstScreen, routeAfterStart } from './route';
import { languageReady } from '../i18n/languageStore';

let started: Session | undefined;

// Hooks for the Playwright journeys, the UI benchmarks (bench/ui) and curious users.
declare global {
  interface Window {
    svcsim?: {
      /** Crash the worker on purpose (the restart-and-replay journey). */
      crashWorker(): void;
      /** Make the worker stop answering, as a runaway command would (the poison-command journey). */
      hangWorker(): void;
      loggedCommands(): number;
      setEditorText(text: string): void;
      /**
       * Send a command exactly as the UI's buttons do (logged, replayed on restart). The UI benchmarks use it to
       * build large clusters, delete pods and flip readiness without clicking through hundreds of elements.
       */
      send(command: Command): Promise<Reply>;
      getEditorText(): string;
      /** A terminal's text as printed lines (registered by the terminal feature). */
      terminalText?(session: string): string | undefined;
    };
  }
}

/** How long the first render waits for the session to send its first command (a slow IndexedDB must not hold the page). */
const openingWaitMs = 300;

/**
 * What the first render waits for once `startApp` has run: the catalog of the language the page starts in
 * (chooseFirstScreen started its import before anything else), so no text is ever shown as its key; and the
 * session's first command on its way to the worker. Rendering the shell is one long task (~300 ms on a slow
 * machine): started first, it held back the saved session's read and so the command the first graph answers.
 */
export function readyToRender(session: Session): Promise<void> {
  const waited = new Promise<void>((resolve) => setTimeout(resolve, openingWaitMs));
  return Promise.all([languageReady(), Promise.race([session.opened, waited])]).then(() => undefined);
}

/** Starts the page once; returns its session. */
export function startApp(): Session {
  if (started) return started;
  // before anything reads the address: a share link or a first visit decides the first screen
  chooseFirstScreen();
  const s = useAppStore.getState();
  s.setTheme(loadTheme());
  // the clock runs at ×1 like a real cluster's, unless the user paused it (or the address asks for a paused start)
  const playing = initialClockPlaying();
  s.setClock(playing);
  // `?clock=paused` counts as pressing Pause: a reload, or a link followed from here, stays paused
  rememberClockPlaying(playing);
  useAppStore.subscribe((st, prev) => {
    if (st.playing !== prev.playing) rememberClockPlaying(st.playing);
  });
  s.setLargeText(loadLargeText());
  s.setEditorText(loadEditorText() ?? seedTopologyManifest);
  const savedTabs = loadEditorTabs();
  if (savedTabs) s.setEditorTabs(savedTabs.tabs, savedTabs.active);
  const createWorker = () => new Worker(new URL('../worker/cluster.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
  const session = createSession(createWorker, commandLogStore);
  started = session;
  // persistence starts before the session loads its saved log; a take-over writes what this tab holds
  startPersistence(() => ({ entries: session.entries(), editorText: useAppStore.getState().editorText }));
  autosaveEditorText({
    subscribe: (onText) =>
      useAppStore.subscribe((st, prev) => {
        if (st.editorText !== prev.editorText) onText(st.editorText);
      }),
    current: () => useAppStore.getState().editorText,
    save: saveEditorText,
  });
  const tabsText = () => {
    const st = useAppStore.getState();
    return editorTabsText(st.objectTabs, st.activeTab);
  };
  autosaveEditorText({
    subscribe: (onText) =>
      useAppStore.subscribe((st, prev) => {
        if (st.objectTabs !== prev.objectTabs || st.activeTab !== prev.activeTab) onText(tabsText());
      }),
    current: tabsText,
    save: saveEditorTabs,
  });
  s.setSimulation(session);
  window.svcsim = {
    ...window.svcsim,
    crashWorker: () => session.crashForTest(),
    hangWorker: () => void session.send({ type: 'hang' }),
    loggedCommands: () => session.loggedCommands,
    // text set from outside the editor, into the tab shown (the manifests, or the object an object tab edits)
    setEditorText: (text) => {
      const st = useAppStore.getState();
      if (st.activeTab === manifestsTab) st.setEditorText(text);
      else st.setObjectTabText(st.activeTab, text);
    },
    getEditorText: () => {
      const st = useAppStore.getState();
      return st.activeTab === manifestsTab ? st.editorText : (st.objectTabs.find((t) => t.id === st.activeTab)?.text ?? '');
    },
    send: session.send,
  };
  // a share link's commands go after the session has restored (or seeded) its cluster, never in between
  void session.start().then(routeAfterStart, routeAfterStart);
  return session;
}
