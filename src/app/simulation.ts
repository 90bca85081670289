/**
 * The one simulation worker of the page, the bridge to it, and the session: every cluster-changing command is
 * kept (appended to the session log, see sessionPersistence.ts) so a reload or a worker crash rebuilds exactly
 * the same cluster.
 */
import { WorkerBridge } from '../bridge/workerBridge';
import { type Command, type Reply, type TerminalChunk, isMutating } from '../protocol/messages';
import { seedTopologyManifest } from '../scenario/library/seedTopology';
import { takeEmptyStart } from './startEmpty';
import { useAppStore } from '../state/store';
import { CommandLog } from '../bridge/commandLog';
import type { SessionEntry } from '../state/persistence/sessionLog';
import { loadSavedSession, recordCommand } from './sessionPersistence';

const terminalListeners = new Map<string, (chunks: TerminalChunk[]) => void>();

/** Routes a terminal tab's streamed output (its foreground watch) to it. */
export function onTerminalOutput(session: string, listener: ((chunks: TerminalChunk[]) => void) | undefined): void {
  if (listener) terminalListeners.set(session, listener);
  else terminalListeners.delete(session);
}
let bridge: WorkerBridge | undefined;
const session = new CommandLog();

function createBridge(): WorkerBridge {
  return new WorkerBridge(() => new Worker(new URL('../worker/cluster.worker.ts', import.meta.url), { type: 'module' }), {
    onDiffs: (diffs) => useAppStore.getState().applyDiffs(diffs),
    onTerminalStream: (session, chunks) => terminalListeners.get(session)?.(chunks),
    onRestart: (reason, replayed) =>
      useAppStore
        .getState()
        .setNotice(`The simulation restarted (${reason}). Your cluster was rebuilt by replaying ${replayed} command${replayed === 1 ? '' : 's'}.`, 'info'),
  });
}

export function simulation(): WorkerBridge {
  bridge ??= createBridge();
  return bridge;
}

/** The commands this page's cluster was built from (what "Export session" and a take-over write). */
export function sessionEntries(): SessionEntry[] {
  return session.entries().map((command) => ({ command }));
}

/** Sends a command; a failed reply becomes the status-bar notice. */
export function send(command: Command): Promise<Reply> {
  return dispatch(command, true);
}

/** `persist: false` replays a saved session: its commands are logged in memory but not written again. */
async function dispatch(command: Command, persist: boolean): Promise<Reply> {
  if (isMutating(command)) {
    session.record(command);
    if (persist) recordCommand(command);
  }
  const reply = await simulation().send(command);
  if (!reply.ok) useAppStore.getState().setNotice(reply.error);
  return reply;
}

/** Starts the page's cluster: the saved session if there is one, else the seed topology. */
export async function startSession(): Promise<void> {
  if (takeEmptyStart()) {
    await send({ type: 'init' });
    return;
  }
  const saved = (await loadSavedSession())?.map((e) => e.command);
  if (saved) {
    await replaySession(saved);
    // A watch the last page left running belongs to a terminal that no longer exists: stop it, so the fresh
    // terminal of the same session id does not start printing someone else's rows.
    const sessions = new Set(saved.flatMap((c) => (c.type === 'terminal' ? [c.session] : [])));
    for (const session of sessions) await send({ type: 'interrupt', session });
    return;
  }
  await send({ type: 'init', manifests: seedTopologyManifest });
  await send({ type: 'advance', ms: 15_000 });
}

/** Rebuilds the cluster from a saved or imported log (which begins with `init`) without logging it again. */
export async function replaySession(commands: readonly Command[]): Promise<void> {
  for (const c of commands) await dispatch(c, false);
}

/** Throws the session away and starts over from the seed topology. */
export async function resetSession(): Promise<void> {
  await send({ type: 'init', manifests: seedTopologyManifest });
  await send({ type: 'advance', ms: 15_000 });
}

// Hooks for the Playwright journeys, the UI benchmarks (bench/ui) and curious users.
declare global {
  interface Window {
    svcsim?: {
      /** Crash the worker on purpose (the restart-and-replay journey). */
      crashWorker(): void;
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
window.svcsim = {
  crashWorker: () => simulation().crashForTest(),
  loggedCommands: () => simulation().loggedCommands,
  // the same path as "Edit object" and scenario steps: text set from outside the editor
  setEditorText: (text) => useAppStore.getState().setEditorText(text),
  getEditorText: () => useAppStore.getState().editorText,
  send,
};
