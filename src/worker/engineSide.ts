/**
 * The worker's engine: one ClusterHost behind a CommandLoop, which answers commands, runs long ones in slices
 * and streams diffs. A chunk of its own, loaded by the worker entry (src/worker/cluster.worker.ts) with kubectl's
 * side (src/worker/terminalParts.ts) while the first graph, computed at build time, is already on screen. Time
 * is driven by the main thread's commands (so a restarted worker can replay it exactly).
 */
import type { CommandEnvelope } from '../protocol/messages';
import { ClusterHost } from './clusterHost';
import { CommandLoop, type CommandLoopOptions } from './commandLoop';
import type { HandedOver } from './firstGraphFront';
import { dataFor } from './lazyCommandData';
import type { TerminalParts } from './terminalParts';

/**
 * Starts the engine. `handedOver` is what the first graph's front took (src/worker/firstGraphFront.ts): the
 * commands it answered run silently (the page has their diffs and replies), the questions kept among them are
 * answered in their place. Without an answered command the new cluster is posted first, as by any new worker.
 * Returns the function that takes every later command. `events` is what only the worker entry may touch (the
 * event loop, the wall clock).
 */
export function startEngine(events: CommandLoopOptions, parts: TerminalParts, handedOver: readonly HandedOver[]): (envelope: CommandEnvelope) => void {
  const { post } = events;
  const host = new ClusterHost({}, (session, chunks, ended) => post({ type: 'terminalStream', session, chunks, ...(ended ? { ended } : {}) }), parts);
  const first = host.takeDiff();
  if (first && !handedOver.some((h) => h.type === 'answered')) post(first);
  for (const h of handedOver) {
    if (h.type === 'answered') {
      host.handle(0, h.command);
      // the page has these changes already (the first graph posted them), unless the data left them out
      const diff = host.takeDiff();
      if (h.diffOwed && diff) post(diff);
      continue;
    }
    // a question changes nothing, but what it did change would go first, as the command loop sends it
    const reply = host.handle(h.envelope.id, h.envelope.command);
    const diff = host.takeDiff();
    if (diff) post(diff);
    post(reply);
  }
  const loop = new CommandLoop(host, { ...events, dataFor });
  return (envelope) => loop.receive(envelope);
}
