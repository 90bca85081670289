/**
 * Computes the first graph (see src/worker/firstGraphFront.ts) by running the engine: a new ClusterHost, then
 * the seed's commands, recording each diff and reply exactly as the worker would post them. Vite runs this at
 * build time (vite.config.ts, the `virtual:svcsim-first-graph` module); tests run it to compare with a live worker.
 */
import { seedStartCommands } from '../scenario/library/seedStart';
import { ClusterHost } from './clusterHost';
import type { FirstGraph } from './firstGraphFront';

export function bakeFirstGraph(): FirstGraph {
  const host = new ClusterHost({});
  // the empty cluster's diff: the seed's init replaces it (see firstGraphFront.ts)
  host.takeDiff();
  const time = host.current.now();
  const steps = seedStartCommands.map((command) => {
    const reply = host.handle(0, command);
    // a seed the engine refuses is a bug of the build, not something to ship as an answer
    if (!reply.ok) throw new Error(`the seed command ${command.type} failed: ${reply.error}`);
    return { command, diff: host.takeDiff(), reply, time: host.current.now() };
  });
  return { time, steps };
}
