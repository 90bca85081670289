/**
 * The simulation as the UI sees it: a port to send commands through (injected by the app at start, so features
 * never import the app) and the progress of the long command the worker is running, if any.
 */
import type { StateCreator } from 'zustand';
import type { Command, Reply, TerminalChunk, WorkProgress } from '../protocol/messages';

/** What features may ask of the simulation. */
export interface SimulationPort {
  /** Sends a command (logged and replayed on restart when it changes the cluster); a failed reply is also shown as the notice. */
  send(command: Command): Promise<Reply>;
  /** Routes a terminal tab's streamed output (its foreground watch) to it; `undefined` unregisters. */
  /** `ended`: the foreground watch finished by itself (its container exited, its pod went away). */
  onTerminalOutput(session: string, listener: ((chunks: TerminalChunk[], ended?: boolean) => void) | undefined): void;
}

/** Until the app injects the real port: every command fails with a clear message. */
const notStarted: SimulationPort = {
  send: async () => ({ type: 'reply', id: 0, ok: false, error: 'the simulation has not started yet' }),
  onTerminalOutput: () => {},
};

export interface SimulationSlice {
  simulation: SimulationPort;
  /** The long-running command's progress, while one runs. */
  work: WorkProgress | undefined;
  setSimulation(simulation: SimulationPort): void;
  setWork(work: WorkProgress | undefined): void;
}

export const createSimulationSlice: StateCreator<SimulationSlice, [], [], SimulationSlice> = (set) => ({
  simulation: notStarted,
  work: undefined,
  setSimulation: (simulation) => set({ simulation }),
  setWork: (work) => set({ work }),
});
