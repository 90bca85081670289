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

// kubectl (verbs, printers, describe, the shell) is a chunk of its own, fetched after the first graph: a
// command that needs it waits, with every command after it (order is the log's order), until it is in
let kubectlLoad: Promise<void> | undefined;
const loadKubectl = (): Promise<void> =>
  (kubectlLoad ??= import('./terminalParts').then((m) => host.installTerminalParts(m.terminalParts)));
const held: CommandEnvelope[] = [];

function receive(envelope: CommandEnvelope): void {
  // a ping says the worker is alive; it need not wait for kubectl
  if (envelope.command.type !== 'ping' && (held.length > 0 || host.needsTerminalParts(envelope.command))) {
    held.push(envelope);
    void loadKubectl().then(() => {
      for (const e of held.splice(0)) loop.receive(e);
    });
    return;
  }
  loop.receive(envelope);
}

self.onmessage = (ev: MessageEvent<CommandEnvelope>) => receive(ev.data);

const first = host.takeDiff();
if (first) post(first);
// once the first graph is on its way, fetch kubectl while the user reads it, so the first command finds it there
setTimeout(() => void loadKubectl(), 1000);
