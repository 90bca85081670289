/**
 * Sending commands from features and hooks: through the port the app injected into the store (see
 * `SimulationSlice`), read at call time, so nothing here is a module-level singleton.
 */
import type { Command, Reply, TerminalChunk } from '../protocol/messages';
import { useAppStore } from './store';

/** Sends a command to the simulation; a failed reply also becomes the status-bar notice. */
export function send(command: Command): Promise<Reply> {
  return useAppStore.getState().simulation.send(command);
}

/** Routes a terminal tab's streamed output to it (`undefined` unregisters). */
export function onTerminalOutput(session: string, listener: ((chunks: TerminalChunk[], ended?: boolean) => void) | undefined): void {
  useAppStore.getState().simulation.onTerminalOutput(session, listener);
}
