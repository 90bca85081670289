/**
 * The hook the browser terminal's session calls first with each line: a pipeline runs its command (through the
 * session's own `run`) and filters what it wrote to stdout; stderr passes through unfiltered, first, as it
 * reached the terminal while the command ran. Anything else returns undefined and runs as before.
 */
import type { OutputChunk as TerminalChunk } from '../cli/output';
import { applyFilters, parseLine, pipedWatchMessage } from './pipeline';

export interface PipedResult {
  output: TerminalChunk[];
  exitCode: number;
  watching: boolean;
}

export function pipedTerminal(line: string, run: (command: string) => PipedResult, stopWatch: () => void): PipedResult | undefined {
  const parsed = parseLine(line);
  if (parsed.kind === 'simple') return undefined;
  if (parsed.kind === 'unsupported') return { output: [{ stream: 'stderr', text: parsed.message }], exitCode: 2, watching: false };
  const r = run(parsed.command);
  const output: TerminalChunk[] = r.output.filter((c) => c.stream === 'stderr');
  if (r.watching) {
    stopWatch();
    output.push({ stream: 'stderr', text: pipedWatchMessage });
    return { output, exitCode: 1, watching: false };
  }
  const stdout = r.output.filter((c) => c.stream === 'stdout').map((c) => c.text).join('');
  const f = applyFilters(parsed.filters, stdout);
  if (f.stderr) output.push({ stream: 'stderr', text: f.stderr });
  if (f.stdout) output.push({ stream: 'stdout', text: f.stdout });
  return { output, exitCode: f.exitCode, watching: false };
}
