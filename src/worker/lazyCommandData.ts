/**
 * Data some commands need that is a chunk of its own, loaded the first time a command may need it: the OpenAPI
 * schemas of `kubectl explain` (src/kubectl/explain/explainDocument.ts). kubectl runs synchronously (in a pipe,
 * in `$(...)`), so the command loop holds such a command until its data is in (src/worker/commandLoop.ts). The
 * loader itself is imported dynamically: it belongs to kubectl's chunk, not to the engine's.
 */
import type { Command } from '../protocol/messages';

/** The text a command runs as shell lines: what a terminal line or an opened scenario may run. */
function shellText(command: Command): string {
  if (command.type === 'terminal') return command.line;
  if (command.type === 'scenarioOpen' && 'text' in command.source) return command.source.text;
  return '';
}

/** Set once the schemas are in, or failed to load (the commands then run, and explain reports it). */
let settled = false;

/** A promise of the data `command` may need and does not have yet, or undefined when it can run now. */
export function dataFor(command: Command): Promise<unknown> | undefined {
  if (settled || !/\bexplain\b/.test(shellText(command))) return undefined;
  return import('../kubectl/explain/explainDocument')
    .then((m) => m.loadExplainDocument())
    .then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
}
