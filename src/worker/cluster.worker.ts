/**
 * The Web Worker entry: hosts one ClusterHost, answers commands, and streams diffs after each one. Time is
 * driven by the main thread's `advance` commands (so a restarted worker can replay it exactly).
 */
import type { CommandEnvelope, WorkerMessage } from '../protocol/messages';
import { ClusterHost } from './clusterHost';

declare const self: DedicatedWorkerGlobalScope;

const host = new ClusterHost({}, (session, chunks) => post({ type: 'terminalStream', session, chunks }));
host.onBusy = () => post({ type: 'busy' });

function post(msg: WorkerMessage): void {
  self.postMessage(msg);
}

self.onmessage = (ev: MessageEvent<CommandEnvelope>) => {
  const { id, command } = ev.data;
  const reply = host.handle(id, command);
  const diff = host.takeDiff();
  if (diff) post(diff);
  post(reply);
};

const first = host.takeDiff();
if (first) post(first);
