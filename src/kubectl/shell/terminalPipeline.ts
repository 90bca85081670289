/**
 * The hook both user shells (the browser terminal and `svcsim shell`) call first with each simple command: a
 * pipeline, or a command reading a here-document, runs through pipeRun.ts with the shell's own commands; its
 * last stage, when it is the shell's command, comes back for the shell to run as it runs any command. Anything
 * else returns undefined and runs as before.
 */
import { parseLine } from './pipeline';
import { type PipeEnd, type PipeHost, runPipe } from './pipeRun';

export type { PipeEnd, PipeHost, StageResult } from './pipeRun';

export function runPipedLine(line: string, host: PipeHost): PipeEnd | undefined {
  const parsed = parseLine(line);
  if (parsed.kind === 'simple') return undefined;
  if (parsed.kind === 'unsupported') return { kind: 'done', output: [{ stream: 'stderr', text: parsed.message }], exitCode: 2 };
  return runPipe(parsed.stages, host);
}
