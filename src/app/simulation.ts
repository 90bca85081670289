/** The one simulation worker of the page and the bridge to it, wired to the store. */
import { WorkerBridge } from '../bridge/workerBridge';
import type { Command, Reply } from '../protocol/messages';
import { useAppStore } from '../state/store';

let bridge: WorkerBridge | undefined;

export function simulation(): WorkerBridge {
  bridge ??= new WorkerBridge(
    () => new Worker(new URL('../worker/cluster.worker.ts', import.meta.url), { type: 'module' }),
    (diffs) => useAppStore.getState().applyDiffs(diffs),
    (message) => useAppStore.getState().setNotice(`The simulation stopped: ${message}`),
  );
  return bridge;
}

/** Sends a command; a failed reply becomes the status-bar notice. */
export async function send(command: Command): Promise<Reply> {
  const reply = await simulation().send(command);
  useAppStore.getState().setNotice(reply.ok ? undefined : reply.error);
  return reply;
}
