/**
 * The embedded frame's start (`embed.html`, see src/features/embed/embedParams.ts). Unlike the playground it
 * keeps nothing (no saved session, no storage banner, no remembered theme, step or history: a slide is the
 * presenter's, and a cross-site frame usually has no storage anyway), and it starts nothing — no worker, no
 * clock — until the frame is on screen: decks load the iframes of later slides early.
 */
import { MemorySessionStore } from '../bridge/sessionStore';
import type { WorkerLike } from '../bridge/workerBridge';
import type { EmbedParams } from '../features/embed/embedParams';
import { watchFrameVisibility } from '../features/embed/frameVisibility';
import { openPresenterChannel, type PresenterChannel } from '../features/embed/presenterChannel';
import { hostOrigin } from '../features/embed/presenterMessages';
import { openScenario, showGallery } from '../features/scenarios/scenarioActions';
import { keepNoScenarioProgress } from '../features/scenarios/scenarioProgressStorage';
import { useScenarioStore } from '../features/scenarios/scenarioStore';
import { browserLang } from '../i18n/language';
import { setLang } from '../i18n/languageStore';
import { keepNoTerminalHistory } from '../features/terminal/terminalHistory';
import { useAppStore } from '../state/store';
import { openShareState } from './route';
import { createSession, type Session } from './session';

/** The terminal session of the frame's terminal (view=terminal|split), where a presenter's command is typed. */
export const embedTerminalSession = 'embed';

export interface EmbedStatus {
  /** The frame has been on screen and its simulation started. */
  started: boolean;
  /** On screen now. */
  visible: boolean;
}

type Listener = (status: EmbedStatus) => void;

/** Sets the page up for embedding and returns a subscription to its status; `root` is watched for visibility. */
export function startEmbed(params: EmbedParams, root: Element, onStatus: Listener): () => void {
  keepNoScenarioProgress();
  keepNoTerminalHistory();
  const s = useAppStore.getState();
  s.setTheme(params.theme ?? 'system');
  // the canvas's legible zoom and the terminal's font follow Large text; every other size follows --ui-scale
  s.setLargeText(params.scale >= 1.2);
  s.setClock(false);
  document.documentElement.style.setProperty('--ui-scale', String(params.scale));
  // a frame keeps nothing: its language is the address's, else the browser's, never remembered. Its catalog's
  // import starts here, before any other request, and embedMain renders once it is there
  void setLang(params.lang ?? browserLang(navigator.languages ?? [navigator.language]), false);
  // a share link in the address (`#s=1.…`) opens instead of a scenario name; it stays in the address (a
  // frame is not reloaded by its learner, and a reset reopens it)
  const link = /^#s=/.test(window.location.hash) ? window.location.hash : undefined;

  let session: Session | undefined;
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const status: EmbedStatus = { started: false, visible: false };
  const ancestors = window.location.ancestorOrigins ? [...window.location.ancestorOrigins] : undefined;
  /** Opens the link or the scenario; false when there was none, or it did not open (its message is shown). */
  const open = async (): Promise<boolean> => {
    if (link) {
      const { decodeShareFragment } = await import('../share/shareLinkDecode');
      const decoded = await decodeShareFragment(link);
      if (!decoded.ok) {
        showGallery(decoded.error);
        return false;
      }
      await openShareState(decoded.state);
      return true;
    }
    if (params.scenario) return openScenario({ name: params.scenario }, params.step - 1);
    return false;
  };
  const channel: PresenterChannel = openPresenterChannel({
    host: hostOrigin(params.origin, ancestors, document.referrer),
    view: params.view,
    terminalSession: embedTerminalSession,
    started,
    reset: async () => {
      if (!session) return;
      if (link || params.scenario) await open();
      else await session.reset();
    },
  });

  const start = async () => {
    const createWorker = () => new Worker(new URL('../worker/cluster.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
    session = createSession(createWorker, new MemorySessionStore());
    useAppStore.getState().setSimulation(session);
    // a scenario or a link replaces the starting cluster at once: it is not built first (nor fetched: the worker
    // posts the scenario's first graph from build-time data, src/worker/bakedOpenings.ts)
    await session.start({ seed: !(link || params.scenario) });
    // one that did not open leaves the usual starting cluster under its message
    if ((link || params.scenario) && !(await open())) await session.reset();
    markStarted();
    channel.ready();
  };
  const stop = watchFrameVisibility(root, (visible) => {
    status.visible = visible;
    if (visible && !status.started) {
      status.started = true;
      void start();
    }
    // the playground's clock runs like a real cluster's, but only while someone watches; a scenario moves
    // time itself and stays paused
    useAppStore.getState().setClock(visible && !params.scenario && !useScenarioStore.getState().open);
    onStatus({ ...status });
  });
  return () => {
    stop();
    channel.close();
  };
}
