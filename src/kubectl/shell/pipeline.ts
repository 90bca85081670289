/**
 * The small pipelines people type after a command — `kubectl get pods | grep -i web`, `| head -n 3`, `| wc -l` —
 * shared by the browser terminal and `svcsim shell`. A line is split at unquoted `|` into the command and its
 * filters; each filter is a pure function of the text the previous stage wrote to stdout. Lists and loops around
 * pipelines are shellLists.ts's; a line reaches here one simple command at a time. Other shell syntax
 * (redirections, backquotes, a list inside `$(...)` or a scenario step) gets a plain "not supported" message instead of reaching
 * kubectl as arguments.
 */
import { splitCommandLine } from '../commandLine';
import { closingParen } from '../shellWords';
import { applyFilters, type FilterResult } from '../../shared/textFilters/filters';

export type { FilterResult } from '../../shared/textFilters/filters';
export { applyFilters };

export type ParsedLine =
  | { kind: 'simple' }
  | { kind: 'pipeline'; command: string; filters: string[][] }
  | { kind: 'unsupported'; message: string };

/** What a piped watch prints in both shells: a watch never ends, so the filters would never see the end of their input. */
export const pipedWatchMessage = 'svcsim: a watch cannot be piped (this shell pipes commands that finish)\n';

const supported = 'grep, head, tail, wc, sort and uniq';

/** Splits a line at unquoted `|`; reports shell syntax this shell does not run. */
export function parseLine(line: string): ParsedLine {
  const stages: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"' && i + 1 < line.length) {
        current += c + line[++i];
        continue;
      }
      if (c === quote) quote = undefined;
      current += c;
      continue;
    }
    if (c === '\\' && i + 1 < line.length) {
      current += c + line[++i];
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      current += c;
      continue;
    }
    const two = line.slice(i, i + 2);
    if (two === '$(') {
      // a command substitution is one word here: its inside is the assignment's business
      const end = closingParen(line, i + 2);
      current += line.slice(i, end + 1);
      i = end;
      continue;
    }
    // the terminals' lists are taken apart first (shellLists.ts): one reaches here inside `$(...)` or a scenario step
    if (two === '&&' || two === '||' || c === ';') {
      return { kind: 'unsupported', message: `svcsim: '${c === ';' ? c : two}' is not supported here: this runs one command, optionally piped into ${supported}\n` };
    }
    if (c === '>' || c === '<' || c === '`') return unsupported(c === '`' ? 'backquotes' : `'${c}'`);
    if (c === '|') {
      stages.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  stages.push(current);
  if (stages.length === 1) return { kind: 'simple' };
  const [command, ...rest] = stages;
  if (!command.trim() || rest.some((s) => !s.trim())) {
    // bash: syntax error near unexpected token `|'
    return { kind: 'unsupported', message: "svcsim: syntax error near unexpected token `|'\n" };
  }
  return { kind: 'pipeline', command: command.trim(), filters: rest.map((s) => splitCommandLine(s.trim())) };
}

function unsupported(what: string): ParsedLine {
  return {
    kind: 'unsupported',
    message: `svcsim: ${what} is not supported: this shell runs commands, lists (; && ||) and loops, optionally piped into ${supported}\n`,
  };
}

/**
 * `$(command | filter …)`: runs the command through `run` and the filters over its stdout. The value is the
 * filtered stdout; stderr collects the command's and the filters' messages.
 */
export function capturePiped(
  command: string,
  run: (command: string) => FilterResult,
): FilterResult {
  const parsed = parseLine(command);
  if (parsed.kind === 'unsupported') return { stdout: '', stderr: parsed.message, exitCode: 2 };
  if (parsed.kind === 'simple') return run(command);
  const r = run(parsed.command);
  const f = applyFilters(parsed.filters, r.stdout);
  return { stdout: f.stdout, stderr: r.stderr + f.stderr, exitCode: f.exitCode };
}
