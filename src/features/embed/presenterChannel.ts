/**
 * The postMessage API (presenterMessages.ts) wired to the page: requests from the host drive the scenario
 * player and the shell; the player's progress goes back as events. Requests that arrive before the frame has
 * started (it starts when shown) wait for it, in order.
 */
import { useLanguageStore } from '../../i18n/languageStore';
import { send } from '../../state/simulation';
import { gotoStep } from '../scenarios/scenarioActions';
import { pick, type ScenarioUiState, useScenarioStore } from '../scenarios/scenarioStore';
import { typeIntoTerminal } from '../terminal/terminalInput';
import { acceptsMessage, parsePresenterRequest, type PresenterEvent, type PresenterRequest } from './presenterMessages';

export interface PresenterChannelOptions {
  /** The host's origin (presenterMessages.ts: hostOrigin), or undefined: then the API is off. */
  host: string | undefined;
  /** The view the frame shows, reported in `svcsim:ready`. */
  view: string;
  /** The terminal session a command is typed into when the frame shows a terminal. */
  terminalSession: string;
  /** Back to what the frame opened with. */
  reset(): Promise<void>;
  /** Settles once the frame has started (it starts when shown). */
  started: Promise<void>;
}

export interface PresenterChannel {
  /** Says `svcsim:ready` (once the frame shows its first state). */
  ready(): void;
  close(): void;
}

/** A session of the shell for commands when no terminal is on screen. */
const headlessSession = 'presenter';

export function openPresenterChannel(o: PresenterChannelOptions): PresenterChannel {
  const framed = window.parent !== window;
  const post = (event: PresenterEvent) => {
    if (framed && o.host) window.parent.postMessage(event, o.host);
  };
  let queue = o.started;
  const run = async (request: PresenterRequest) => {
    if (request.type === 'svcsim:reset') return o.reset();
    if (request.type === 'svcsim:step') {
      const { open, busy } = useScenarioStore.getState();
      if (!open || request.step > open.stepList.length) return;
      // a step bar click in flight: wait for it, then go where the presenter asked
      if (busy) await waitUntilIdle();
      return gotoStep(request.step - 1);
    }
    if (typeIntoTerminal(o.terminalSession, request.command)) {
      // shown in the frame's terminal as if typed: its output is on screen
      post({ type: 'svcsim:command-done', command: request.command, exitCode: null });
      return;
    }
    const reply = await send({ type: 'terminal', session: headlessSession, line: request.command });
    const exitCode = reply.ok && reply.value?.kind === 'terminal' ? reply.value.exitCode : 1;
    post({ type: 'svcsim:command-done', command: request.command, exitCode });
  };
  const onMessage = (e: MessageEvent) => {
    if (!acceptsMessage(o.host, { origin: e.origin, fromParent: framed && e.source === window.parent })) return;
    const request = parsePresenterRequest(e.data);
    if (!request) return;
    queue = queue.then(() => run(request)).catch(() => undefined);
  };
  window.addEventListener('message', onMessage);

  let readySaid = false;
  const unsubscribe = useScenarioStore.subscribe((s, prev) => {
    if (!readySaid) return;
    reportProgress(s, prev, post);
  });
  return {
    ready() {
      if (readySaid) return;
      readySaid = true;
      const { open, progress } = useScenarioStore.getState();
      post({ type: 'svcsim:ready', scenario: open?.name ?? null, step: (progress?.step ?? 0) + 1, steps: open?.stepList.length ?? 0, view: o.view });
      if (open && progress) post(checkEvent(progress));
    },
    close() {
      window.removeEventListener('message', onMessage);
      unsubscribe();
    },
  };
}

function reportProgress(s: ScenarioUiState, prev: ScenarioUiState, post: (e: PresenterEvent) => void): void {
  const { open, progress } = s;
  if (!open || !progress) return;
  const stepChanged = progress.step !== prev.progress?.step || open !== prev.open;
  if (stepChanged) {
    const title = open.stepList[progress.step]?.title;
    post({ type: 'svcsim:step-changed', step: progress.step + 1, steps: open.stepList.length, title: title ? pick(title, useLanguageStore.getState().lang) : '' });
  }
  const checks = JSON.stringify(progress.checks);
  if (stepChanged || checks !== JSON.stringify(prev.progress?.checks)) post(checkEvent(progress));
}

function checkEvent(progress: NonNullable<ScenarioUiState['progress']>): PresenterEvent {
  const checks = progress.checks.map((c) => ({ expected: c.expected, ok: c.ok, actual: c.actual }));
  return { type: 'svcsim:check', step: progress.step + 1, checks, passed: checks.every((c) => c.ok) };
}

function waitUntilIdle(): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = useScenarioStore.subscribe((s) => {
      if (s.busy) return;
      unsubscribe();
      resolve();
    });
  });
}
