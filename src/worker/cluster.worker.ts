/**
 * The Web Worker entry. It posts the first graph (computed at build time, see src/worker/firstGraphFront.ts)
 * and answers the commands of the common starts from it — the seed's, a built-in scenario's — while the engine
 * (src/worker/engineSide.ts) and kubectl's side (src/worker/terminalParts.ts), chunks of their own, load;
 * everything else waits for them, in order.
 */
import { bareInit, scenarios, seedCommands, startTime } from 'virtual:svcsim-openings';
import type { CommandEnvelope, WorkerMessage } from '../protocol/messages';
import { splitDiff } from '../protocol/diffChunks';
import { bakedOpenings } from './bakedOpenings';
import { FirstGraphFront } from './firstGraphFront';

/** Objects per diff message: a cluster growing by thousands of pods reaches the page in pieces it can draw a frame at a time. */
const maxObjectsPerMessage = 100;

declare const self: DedicatedWorkerGlobalScope;

/** Diff messages posted, and how many of them the page says it has drawn (its `drawn` acknowledgements). */
let diffsPosted = 0;
let diffsDrawn = 0;

function post(msg: WorkerMessage): void {
  if (msg.type === 'diff') {
    for (const piece of splitDiff(msg, maxObjectsPerMessage)) {
      diffsPosted++;
      self.postMessage(piece);
    }
    return;
  }
  self.postMessage(msg);
}

let engine: ((envelope: CommandEnvelope) => void) | undefined;
const waiting: CommandEnvelope[] = [];
const openings = bakedOpenings({
  startTime,
  seedCommands,
  // the seed's answers are a chunk too: a page that opens a scenario does not fetch them
  seed: () => import('virtual:svcsim-first-graph').then((m) => m.default),
  bareInit,
  scenarios,
});
const front = new FirstGraphFront(openings, post, (envelope) => (engine ? engine(envelope) : waiting.push(envelope)));

self.onmessage = (ev: MessageEvent<CommandEnvelope>) => {
  const { command } = ev.data;
  if (command.type === 'drawn') diffsDrawn = Math.max(diffsDrawn, command.diffs);
  if (engine) engine(ev.data);
  else front.receive(ev.data);
};

// A zero-delay macrotask: nested setTimeout(0) is clamped to 4 ms, which would idle a third of a long sleep.
const channel = new MessageChannel();
const later: Array<() => void> = [];
channel.port1.onmessage = () => later.shift()?.();

// the engine and kubectl's side come together: the page asks the gallery's scenarios (kubectl's side) on load
Promise.all([import('./engineSide'), import('./terminalParts')]).then(
  async ([m, kubectl]) => {
    // an answer being fetched is the front's to post: the engine takes over after it
    await front.settled();
    const receive = m.startEngine(
      {
        post,
        now: () => performance.now(),
        later: (fn) => {
          later.push(fn);
          channel.port2.postMessage(null);
        },
        // the page acknowledges each diff once drawn; a hidden tab draws nothing, hence the timeout
        awaitDrawn: { timeoutMs: 250, after: (ms, fn) => setTimeout(fn, ms), behind: () => diffsDrawn < diffsPosted },
        hang: () => {
          // the `hang` test hook: never return, as a runaway command would
          for (;;) if (performance.now() < 0) return;
        },
      },
      kubectl.terminalParts,
      front.handedOver,
    );
    engine = receive;
    for (const e of waiting.splice(0)) receive(e);
  },
  // the page restarts a worker that reports a fatal error (and replays its log into the new one)
  (err: unknown) => post({ type: 'fatal', error: `the simulation could not load: ${(err as Error).message}` }),
);
