/**
 * Which commands have an answer computed at build time (see firstGraphFront.ts), and where its data is: the
 * seed's commands in their order (one chunk), a bare `init` on a new cluster (its reply, in the worker's own
 * script), then `scenarioOpen` of a built-in scenario at a step (one chunk per scenario and step, fetched only
 * by the page that opens it).
 */
import type { Command } from '../protocol/messages';
import type { BakedAnswer, FirstGraph, FirstGraphStep, Openings } from './firstGraphFront';

export interface BakedData {
  startTime: number;
  /** The seed's commands, in order (the chunk holds their answers). */
  seedCommands: readonly Command[];
  seed: () => Promise<FirstGraph>;
  /** A bare `init` on a new cluster: its reply and time; its diff is left out. */
  bareInit: FirstGraphStep;
  /** `name/step` → the answer to `scenarioOpen` of that built-in scenario at that step, after a bare `init`. */
  scenarios: Readonly<Record<string, () => Promise<FirstGraphStep>>>;
}

/** Commands compare by their JSON: the page sends them built from the same literals. */
const same = (a: Command, b: Command) => JSON.stringify(a) === JSON.stringify(b);

export function bakedOpenings(data: BakedData): Openings {
  let seed: Promise<FirstGraph> | undefined;
  return {
    startTime: data.startTime,
    next(answered: readonly Command[], command: Command): BakedAnswer {
      const k = answered.length;
      if (k < data.seedCommands.length && same(command, data.seedCommands[k]) && answered.every((c, i) => same(c, data.seedCommands[i]))) {
        seed ??= data.seed();
        return seed.then((g) => g.steps[k]);
      }
      if (k === 0) return same(command, data.bareInit.command) ? data.bareInit : undefined;
      if (k === 1 && same(answered[0], data.bareInit.command) && command.type === 'scenarioOpen' && 'name' in command.source) {
        const key = `${command.source.name}/${command.step}`;
        return Object.hasOwn(data.scenarios, key) ? data.scenarios[key]() : undefined;
      }
      return undefined;
    },
  };
}
