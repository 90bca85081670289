/**
 * The Web Worker entry. It posts the first graph (computed at build time, see src/worker/firstGraphFront.ts)
 * and answers the seed's commands from it while the engine (src/worker/engineSide.ts) and kubectl's side
 * (src/worker/terminalParts.ts), chunks of their own, load; everything else waits for them, in order.
 */
import firstGraph from 'virtual:svcsim-first-graph';
import type { CommandEnvelope, WorkerMessage } from '../protocol/messages';
import { splitDiff } from '../protocol/diffChunks';
import { FirstGraphFront } from './firstGraphFront';

/** Objects per diff message: a cluster growing by thousands of pods reaches the page in pieces it can draw a frame at a time. */
const maxObjectsPerMessage = 100;

declare const self: DedicatedWorkerGlobalScope;

function post(msg: WorkerMessage): void {
  if (msg.type === 'diff') {
    for (const piece of splitDiff(msg, maxObjectsPerMessage)) self.postMessage(piece);
    return;
  }
  self.postMessage(msg);
}

const front = new FirstGraphFront(firstGraph, post);
let engine: ((envelope: CommandEnvelope) => void) | undefined;
const waiting: CommandEnvelope[] = [];

self.onmessage = (ev: MessageEvent<CommandEnvelope>) => {
  if (engine) engine(ev.data);
  else if (!front.receive(ev.data)) waiting.push(ev.data);
};

// A zero-delay macrotask: nested setTimeout(0) is clamped to 4 ms, which would idle a third of a long sleep.
const channel = new MessageChannel();
const later: Array<() => void> = [];
channel.port1.onmessage = () => later.shift()?.();

// the engine and kubectl's side come together: the page asks the gallery's scenarios (kubectl's side) on load
Promise.all([import('./engineSide'), import('./terminalParts')]).then(
  ([m, kubectl]) => {
    const receive = m.startEngine(
      {
        post,
        now: () => performance.now(),
        later: (fn) => {
          later.push(fn);
          channel.port2.postMessage(null);
        },
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
