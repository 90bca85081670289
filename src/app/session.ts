/**
 * The page's simulation session: the worker bridge, its persisted command log, and how its events reach the
 * store (diffs, progress, terminal output, notices). Created once by `startApp` and injected into the store
 * as the features' `SimulationPort`; nothing here runs on import.
 */
import { t } from '../i18n/languageStore';
import { type RebuildReport, restartReasons, WorkerBridge, type WorkerLike } from '../bridge/workerBridge';
import type { SessionEntry, SessionStore } from '../bridge/sessionStore';
import type { Command, Reply, TerminalChunk } from '../protocol/messages';
import { seedStartCommands } from '../scenario/library/seedStart';
import { takeEmptyStart } from './startEmpty';
import type { SimulationPort } from '../state/simulationSlice';
import { useAppStore } from '../state/store';

export interface Session extends SimulationPort {
  /**
   * Rebuilds the saved session, or starts the seed topology when there is none (unless `seed` is false: the
   * caller opens something else at once, a scenario or a share link, which replaces it anyway).
   */
  start(options?: { seed?: boolean }): Promise<void>;
  /**
   * Settles once `start` has read the saved session and sent the worker its first command (the replay's, or the
   * seed's): from then on the worker builds the first graph whatever the page does meanwhile.
   */
  readonly opened: Promise<void>;
  /** Throws the session away and starts over from the seed topology. */
  reset(): Promise<void>;
  crashForTest(): void;
  readonly loggedCommands: number;
  /** The logged commands with their seq and status (for an export of the session). */
  entries(): SessionEntry[];
}

export function createSession(createWorker: () => WorkerLike, store: SessionStore): Session {
  const terminalListeners = new Map<string, (chunks: TerminalChunk[], ended?: boolean) => void>();
  const bridge = new WorkerBridge(
    createWorker,
    {
      onDiffs: (diffs) => useAppStore.getState().applyDiffs(diffs),
      onTerminalStream: (session, chunks, ended) => terminalListeners.get(session)?.(chunks, ended),
      onProgress: (work) => useAppStore.getState().setWork(work),
      onRebuilt: (report) => useAppStore.getState().setNotice(rebuildNotice(report), report.skipped.length || report.abandoned ? 'error' : 'info'),
    },
    { store },
  );

  const send = async (command: Command): Promise<Reply> => {
    const reply = await bridge.send(command);
    if (!reply.ok) useAppStore.getState().setNotice(reply.error);
    return reply;
  };

  const seed = async () => {
    for (const command of seedStartCommands) await send(command);
  };

  let markOpened!: () => void;
  const opened = new Promise<void>((resolve) => {
    markOpened = resolve;
  });

  return {
    send,
    onTerminalOutput(session, listener) {
      if (listener) terminalListeners.set(session, listener);
      else terminalListeners.delete(session);
    },
    opened,
    async start({ seed: seedWhenNew = true } = {}) {
      // `opened` settles once the log is read; the first command (the replay's, or the seed's below) is posted
      // in the same run of microtasks, so before the first render, a task of its own
      const report = await bridge.restore(markOpened);
      // `?start=empty`: a fresh empty cluster instead of the saved session or the seed topology (a new init
      // also starts the saved log afresh)
      if (takeEmptyStart()) {
        await send({ type: 'init' });
        return;
      }
      const sessions = new Set(bridge.entries().flatMap((e) => (e.command.type === 'terminal' ? [e.command.session] : [])));
      if (bridge.loggedCommands === 0) {
        if (seedWhenNew) await seed();
        if (report.skipped.length) useAppStore.getState().setNotice(rebuildNotice(report), 'error');
        return;
      }
      // A watch the last page left running belongs to a terminal that no longer exists: stop it, so the fresh
      // terminal of the same session id does not start printing someone else's rows.
      for (const session of sessions) await send({ type: 'interrupt', session });
      if (report.skipped.length || report.abandoned) useAppStore.getState().setNotice(rebuildNotice(report), 'error');
    },
    reset: seed,
    crashForTest: () => bridge.crashForTest(),
    entries: () => bridge.entries(),
    get loggedCommands() {
      return bridge.loggedCommands;
    },
  };
}

/** The notice after a rebuild: what was replayed, and what was not and why. */
export function rebuildNotice(r: RebuildReport): string {
  const head = r.reason === 'reload' ? t('notice.restored', { commands: commandCount(r.replayed) }) : t('notice.restarted', { reason: restartReason(r.reason), commands: commandCount(r.replayed) });
  const skipped = r.skipped.length ? t('notice.skipped', { commands: r.skipped.join(', ') }) : '';
  const abandoned = r.abandoned ? t('notice.abandoned', { commands: commandCount(r.abandoned) }) : '';
  return `${head}${skipped}${abandoned}${t('notice.end')}`;
}

/** The bridge's own reasons in the UI's language; a message from the browser or the worker is shown as it is. */
function restartReason(reason: string): string {
  if (reason === restartReasons.terminated) return t('notice.reasonTerminated');
  if (reason === restartReasons.failed) return t('notice.reasonFailed');
  if (reason === restartReasons.unresponsive) return t('notice.reasonUnresponsive');
  return reason;
}

/** "1 command", "3 commands" in the UI's language. */
export function commandCount(n: number): string {
  return t(n === 1 ? 'notice.commandOne' : 'notice.commandMany', { count: n });

}
