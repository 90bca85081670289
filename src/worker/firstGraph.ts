/**
 * Computes first graphs (see src/worker/firstGraphFront.ts) by running the engine: a new ClusterHost, then the
 * commands a start sends, recording each diff and reply exactly as the worker would post them. Vite runs this at
 * build time (vite.config.ts: `virtual:svcsim-first-graph` for the seed, `virtual:svcsim-openings` for the
 * built-in scenarios at each step); tests run it to compare with a live worker.
 */
import type { Command } from '../protocol/messages';
import { builtinScenarios } from '../scenario/library';
import { parseScenario } from '../scenario/parseScenario';
import { seedStartCommands } from '../scenario/library/seedStart';
import { ClusterHost } from './clusterHost';
import type { FirstGraph, FirstGraphStep } from './firstGraphFront';
import { terminalParts } from './terminalParts';

/** The commands an embed (or a share link) sends to open a built-in scenario at a step (src/features/scenarios/scenarioActions.ts). */
export function scenarioOpeningCommands(name: string, step: number): Command[] {
  return [{ type: 'init' }, { type: 'scenarioOpen', source: { name }, step }];
}

/** Runs `commands` on a new cluster and records what the worker posts for each. */
export function bakeOpening(commands: readonly Command[]): FirstGraph {
  const streamed: string[] = [];
  const host = new ClusterHost({}, (session) => streamed.push(session), terminalParts);
  // the empty cluster's diff: the first command (an init) replaces it (see firstGraphFront.ts)
  host.takeDiff();
  const time = host.current.now();
  const steps: FirstGraphStep[] = commands.map((command) => {
    const reply = host.handle(0, command);
    // a command the engine refuses is a bug of the build, not something to ship as an answer
    if (!reply.ok) throw new Error(`the command ${command.type} failed: ${reply.error}`);
    // a first graph carries diffs and replies only: a terminal's stream would be lost
    if (streamed.length) throw new Error(`the command ${command.type} streamed to a terminal`);
    return { command, diff: host.takeDiff(), reply, time: host.current.now() };
  });
  return { time, steps };
}

export function bakeFirstGraph(): FirstGraph {
  return bakeOpening(seedStartCommands);
}

/** A bare `init` on a new cluster, its diff left out (see firstGraphFront.ts). */
export function bakeBareInit(): FirstGraphStep {
  const { diff: _left, ...step } = bakeOpening([{ type: 'init' }]).steps[0];
  return { ...step, diffLeftOut: true };
}

/** The answer to opening the built-in scenario `name` at `step` after a bare `init`. */
export function bakeScenarioOpening(name: string, step: number): FirstGraphStep {
  return bakeOpening(scenarioOpeningCommands(name, step)).steps[1];
}

/** How many steps each built-in scenario has (what the build bakes an opening for). */
export function builtinScenarioSteps(): Array<{ name: string; steps: number }> {
  return builtinScenarios.map(({ name, text }) => {
    const parsed = parseScenario(text);
    // a built-in the parser refuses is a bug of the build (the scenario tests say which)
    if (!parsed.ok) throw new Error(`the built-in scenario ${name} does not parse: ${parsed.errors[0]?.message}`);
    return { name, steps: parsed.scenario.steps.length };
  });
}
