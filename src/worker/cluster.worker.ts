/**
 * The Web Worker entry: hosts one ClusterHost, answers commands, and streams diffs. While the clock is
 * playing it advances virtual time in step with real time (times the chosen speed).
 */
import type { CommandEnvelope, WorkerMessage } from '../protocol/messages';
import { ClusterHost } from './clusterHost';

declare const self: DedicatedWorkerGlobalScope;

const host = new ClusterHost();
let ticker: ReturnType<typeof setInterval> | undefined;
const tickMs = 100;

function post(msg: WorkerMessage): void {
  self.postMessage(msg);
}

function flush(): void {
  const diff = host.takeDiff();
  if (diff) post(diff);
}

self.onmessage = (ev: MessageEvent<CommandEnvelope>) => {
  const { id, command } = ev.data;
  const reply = host.handle(id, command);
  if (command.type === 'clock') {
    if (ticker) clearInterval(ticker);
    ticker = undefined;
    if (command.playing) {
      const speed = command.speed;
      ticker = setInterval(() => {
        host.handle(-1, { type: 'advance', ms: tickMs * speed });
        flush();
      }, tickMs);
    }
  }
  flush();
  post(reply);
};

flush();
