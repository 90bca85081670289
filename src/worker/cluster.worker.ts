/**
 * The Web Worker entry: hosts one ClusterHost behind a CommandLoop, which answers commands, runs long ones in
 * slices and streams diffs. Time is driven by the main thread's commands (so a restarted worker can replay it
 * exactly).
 */
import type { CommandEnvelope, WorkerMessage } from '../protocol/messages';
import { ClusterHost } from './clusterHost';
import { CommandLoop } from './commandLoop';

declare const self: DedicatedWorkerGlobalScope;

function post(msg: WorkerMessage): void {
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
