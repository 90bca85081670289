/**
 * The worker's engine: one ClusterHost behind a CommandLoop, which answers commands, runs long ones in slices
 * and streams diffs. A chunk of its own, loaded by the worker entry (src/worker/cluster.worker.ts) while the
 * first graph, computed at build time, is already on screen. Time is driven by the main thread's commands (so
 * a restarted worker can replay it exactly).
 */
import type { Command, CommandEnvelope } from '../protocol/messages';
import { ClusterHost } from './clusterHost';
import { CommandLoop, type CommandLoopOptions } from './commandLoop';

/** What only the worker entry may touch (the event loop, the wall clock): the engine's chunk is given it. */
export interface EngineEventLoop extends CommandLoopOptions {
  /** Runs `fn` once the first graph has had a moment on screen (the entry waits a second). */
  afterFirstGraph(fn: () => void): void;
}

/**
 * Starts the engine: a new cluster that runs `answered` (the commands the first graph answered for it, whose
 * diffs and replies the page already has) silently, or else posts the new cluster as any new worker does; then
 * the function that takes every later command.
 */
export function startEngine(events: EngineEventLoop, answered: readonly Command[]): (envelope: CommandEnvelope) => void {
  const { post } = events;
  const host = new ClusterHost({}, (session, chunks) => post({ type: 'terminalStream', session, chunks }));
  for (const command of answered) host.handle(0, command);
  // after answered commands the page has these changes already: the first graph posted them
  const first = host.takeDiff();
  if (first && answered.length === 0) post(first);
  const loop = new CommandLoop(host, events);

  // kubectl (verbs, printers, describe, the shell) is a chunk of its own, fetched after the first graph: a
  // command that needs it waits, with every command after it (order is the log's order), until it is in
  let kubectlLoad: Promise<void> | undefined;
  const loadKubectl = (): Promise<void> =>
    (kubectlLoad ??= import('./terminalParts').then((m) => host.installTerminalParts(m.terminalParts)));
  const held: CommandEnvelope[] = [];

  // once the first graph is on screen, fetch kubectl while the user reads it, so the first command finds it there
  events.afterFirstGraph(() => void loadKubectl());

  return (envelope: CommandEnvelope): void => {
    // a ping says the worker is alive; it need not wait for kubectl
    if (envelope.command.type !== 'ping' && (held.length > 0 || host.needsTerminalParts(envelope.command))) {
      held.push(envelope);
      void loadKubectl().then(() => {
        for (const e of held.splice(0)) loop.receive(e);
      });
      return;
    }
    loop.receive(envelope);
  };
}
