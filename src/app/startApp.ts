/**
 * Everything the page starts with that needs no React: theme, editor text and its autosave, and the
 * simulation session. main.tsx calls it before the first render, so the worker loads and builds its
 * cluster while React renders the shell instead of after (the first graph is on the worker's critical path).
 * The session is created here and injected into the store; `window.svcsim` is assigned here too, never on import.
 */
import type { WorkerLike } from '../bridge/workerBridge';
import { loadEditorText, saveEditorText } from '../features/editor/editorPersistence';
import type { Command, Reply } from '../protocol/messages';
import { seedTopologyManifest } from '../scenario/library/seedTopology';
import { useAppStore } from '../state/store';
import { LocalSessionStore } from './localSessionStore';
import { type Session, createSession } from './session';
import { loadTheme } from './useTheme';

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

/** Starts the page once; returns its session. */
export function startApp(): Session {
  if (started) return started;
  const s = useAppStore.getState();
  s.setTheme(loadTheme());
  s.setEditorText(loadEditorText() ?? seedTopologyManifest);
  // autosave: the text survives a reload; a refusal is shown, never swallowed
  let timer: ReturnType<typeof setTimeout> | undefined;
  useAppStore.subscribe((st, prev) => {
    if (st.editorText === prev.editorText) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const err = saveEditorText(st.editorText);
      if (err) useAppStore.getState().setNotice(err);
    }, 300);
  });
  const createWorker = () => new Worker(new URL('../worker/cluster.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
  const session = createSession(createWorker, new LocalSessionStore());
  started = session;
  s.setSimulation(session);
  window.svcsim = {
    ...window.svcsim,
    crashWorker: () => session.crashForTest(),
    hangWorker: () => void session.send({ type: 'hang' }),
    loggedCommands: () => session.loggedCommands,
    // the same path as "Edit object" and scenario steps: text set from outside the editor
    setEditorText: (text) => useAppStore.getState().setEditorText(text),
    getEditorText: () => useAppStore.getState().editorText,
    send: session.send,
  };
  void session.start();
  return session;
}
