/**
 * Running a pipeline's stages in turn, as the user's shells run them (the browser terminal and `svcsim shell`,
 * through terminalPipeline.ts, and `$(…)` through pipeline.ts). Bash runs the stages at once, each reading what
 * the one before it writes (bash manual, 3.2.3 Pipelines); here a command runs to its end and its stdout is the
 * next stage's stdin, which gives the same output for commands that finish. A stage reads a here-document when
 * it has one (the redirection wins over the pipe, as in bash). After the first stage a stage is a text filter
 * (src/shared/textFilters) or kubectl, which reads stdin for `-f -` and ignores it otherwise, as kubectl does.
 * The status is the last stage's (no `pipefail`); every stage's stderr reaches the terminal.
 */
import type { OutputChunk } from '../cli/output';
import { splitCommandLine } from '../commandLine';
import { filterNames, runFilter } from '../../shared/textFilters/filters';
import { hereDocumentInput } from './hereDocumentBody';
import type { HereDocument } from './hereDocumentToken';

/** One command of a pipeline. */
export interface PipeStage {
  /** The command as typed, its here-document taken out. */
  text: string;
  /** `<<EOF` on this stage: its stdin, instead of what the stage before it wrote. */
  hereDocument?: HereDocument;
}

/** What a shell's command left when it ran to its end. */
export interface StageResult {
  output: OutputChunk[];
  exitCode: number;
  /** It started a watch (`get -w`), whose output would never end. */
  watching: boolean;
}

/** What a pipeline needs of the shell running it. */
export interface PipeHost {
  /** Runs one of the shell's commands to its end, `stdin` its standard input (undefined: none was redirected). */
  run(command: string, stdin: string | undefined): StageResult;
  /** The shell's expansion of `$NAME`, `${NAME}`, `$?` and `$(command)` in a text. */
  expand(text: string): string;
  /** Stops the watch a stage left running. */
  stopWatch(): void;
}

/**
 * How a pipeline ended: `done` with what it printed and its status, or with the last stage handed back to the
 * shell (`command`), to run as it runs any command (a `kubectl delete -f -` that waits takes virtual time in the
 * browser), `output` shown first.
 */
export type PipeEnd =
  | { kind: 'done'; output: OutputChunk[]; exitCode: number }
  | { kind: 'command'; command: string; stdin: string | undefined; output: OutputChunk[] };

/** What both shells print when a watch's output is piped: a watch never ends, so what reads it would never see the end of its input. */
export const pipedWatchMessage = 'svcsim: a watch cannot be piped (this shell pipes commands that finish)\n';

/** What may follow a `|` at the user's shells, as their messages list it. */
export const pipeTargets = `kubectl, ${filterNames.slice(0, -1).join(', ')} and ${filterNames[filterNames.length - 1]}`;

/** What a shell says of a command it cannot run after a pipe (bash would run it; this shell only runs these). */
export const notAfterPipe = (name: string) => `svcsim: ${name}: not supported after a pipe (this shell pipes into ${pipeTargets})\n`;

const isKubectl = (name: string | undefined) => name === 'kubectl' || name === 'k';

/** Runs `stages` up to the last, which is handed back when it is the shell's own command. */
export function runPipe(stages: readonly PipeStage[], host: PipeHost): PipeEnd {
  const output: OutputChunk[] = [];
  const stderr = (text: string) => {
    if (text) output.push({ stream: 'stderr', text });
  };
  let piped: string | undefined;
  let status = 0;
  for (const [i, stage] of stages.entries()) {
    const stdin = stage.hereDocument ? hereDocumentInput(stage.hereDocument, (t) => host.expand(t)) : piped;
    const name = splitCommandLine(stage.text)[0];
    if (stdin !== undefined && name !== undefined && filterNames.includes(name)) {
      const f = runFilter(splitCommandLine(host.expand(stage.text)), stdin);
      stderr(f.stderr);
      piped = f.stdout;
      status = f.exitCode;
      continue;
    }
    if (i > 0 && !isKubectl(name)) {
      // bash would run it, reading an empty pipe; the next stage reads nothing from it either
      stderr(notAfterPipe(name ?? ''));
      piped = '';
      status = 127;
      continue;
    }
    if (i === stages.length - 1) return { kind: 'command', command: stage.text, stdin, output };
    const r = host.run(stage.text, stdin);
    for (const c of r.output) if (c.stream === 'stderr') stderr(c.text);
    if (r.watching) {
      host.stopWatch();
      stderr(pipedWatchMessage);
      return { kind: 'done', output, exitCode: 1 };
    }
    piped = r.output.filter((c) => c.stream === 'stdout').map((c) => c.text).join('');
    status = r.exitCode;
  }
  if (piped) output.push({ stream: 'stdout', text: piped });
  return { kind: 'done', output, exitCode: status };
}
