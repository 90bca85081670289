/**
 * The Web Worker entry: hosts one ClusterHost behind a CommandLoop, which answers commands, runs long ones in
 * slices and streams diffs. Time is driven by the main thread's commands (so a restarted worker can replay it
 * exactly).
 */
import type { CommandEnvelope, WorkerMessage } from '../protocol/messages';
import { splitDiff } from '../protocol/diffChunks';
import { ClusterHost } from './clusterHost';
import { CommandLoop } from './commandLoop';

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

// A zero-delay macrotask: nested setTimeout(0) is clamped to 4 ms, which would idle a third of a long sleep.
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();

const host = new ClusterHost({}, (session, chunks) => post({ type: 'terminalStream', session, chunks }));
const loop = new CommandLoop(host, {
  post,
  now: () => performance.now(),
  later: (fn) => {
    waiting.push(fn);
    channel.port2.postMessage(null);
  },
  hang: () => {
    // the `hang` test hook: never return, as a runaway command would
    for (;;) if (performance.now() < 0) return;
  },
});

self.onmessage = (ev: MessageEvent<CommandEnvelope>) => loop.receive(ev.data);

const first = host.takeDiff();
if (first) post(first);
