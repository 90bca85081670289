/**
 * The pipelines people type at the user's shells (the browser terminal and `svcsim shell`): `kubectl get pods |
 * grep -i web`, `| head -n 3`, `| wc -l`, and kubectl reading the stdout before it, `kubectl create cm x
 * --dry-run=client -o yaml | kubectl apply -f -`. A line is split at unquoted `|` into stages, each with the
 * here-document it reads (hereDocuments.ts folded it into the line); pipeRun.ts runs them. Lists and loops around
 * pipelines are shellLists.ts's; a line reaches here one simple command at a time. Other shell syntax
 * (redirections, backquotes, a list inside `$(...)` or a scenario step) gets a plain "not supported" message
 * instead of reaching kubectl as arguments.
 */
import { closingParen } from '../shellWords';
import { applyFilters, type FilterResult } from '../../shared/textFilters/filters';
import { readHereDocumentToken, tokenStart } from './hereDocumentToken';
import { type PipeStage, pipeTargets, runPipe } from './pipeRun';

export type { FilterResult } from '../../shared/textFilters/filters';
export { applyFilters };
export { pipedWatchMessage, type PipeStage } from './pipeRun';

export type ParsedLine =
  | { kind: 'simple' }
  /** Stages joined by `|`, or one command that reads a here-document. */
  | { kind: 'pipeline'; stages: PipeStage[] }
  | { kind: 'unsupported'; message: string };

const supported = pipeTargets;

/** Splits a line at unquoted `|`; reports shell syntax this shell does not run. */
export function parseLine(line: string): ParsedLine {
  const stages: PipeStage[] = [];
  let current: PipeStage = { text: '' };
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"' && i + 1 < line.length) {
        current.text += c + line[++i];
        continue;
      }
      if (c === quote) quote = undefined;
      current.text += c;
      continue;
    }
    if (c === '\\' && i + 1 < line.length) {
      current.text += c + line[++i];
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      current.text += c;
      continue;
    }
    const token = c === tokenStart ? readHereDocumentToken(line, i) : undefined;
    if (token) {
      // the last redirection of stdin wins, as in bash
      current.hereDocument = token.doc;
      i = token.end - 1;
      continue;
    }
    const two = line.slice(i, i + 2);
    if (two === '$(') {
      // a command substitution is one word here: its inside is the assignment's business
      const end = closingParen(line, i + 2);
      current.text += line.slice(i, end + 1);
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
      current = { text: '' };
      continue;
    }
    current.text += c;
  }
  stages.push(current);
  const trimmed = stages.map((s) => ({ ...s, text: s.text.trim() }));
  if (trimmed.length === 1) return trimmed[0].hereDocument ? { kind: 'pipeline', stages: trimmed } : { kind: 'simple' };
  if (trimmed.some((s) => !s.text)) {
    // bash: syntax error near unexpected token `|'
    return { kind: 'unsupported', message: "svcsim: syntax error near unexpected token `|'\n" };
  }
  return { kind: 'pipeline', stages: trimmed };
}

function unsupported(what: string): ParsedLine {
  return {
    kind: 'unsupported',
    message: `svcsim: ${what} is not supported: this shell runs commands, lists (; && ||), loops and here-documents (<<EOF), optionally piped into ${supported}\n`,
  };
}

/**
 * `$(command | filter …)`, `$(… | kubectl …)`: runs the commands through `run` (with what the stage before wrote
 * as `stdin`) and the filters over their stdout. The value is the last stage's stdout; stderr collects every
 * stage's messages.
 */
export function capturePiped(command: string, run: (command: string, stdin?: string) => FilterResult): FilterResult {
  const parsed = parseLine(command);
  if (parsed.kind === 'unsupported') return { stdout: '', stderr: parsed.message, exitCode: 2 };
  if (parsed.kind === 'simple') return run(command);
  const stage = (c: string, stdin: string | undefined) => {
    const r = stdin === undefined ? run(c) : run(c, stdin);
    return {
      output: [
        { stream: 'stderr' as const, text: r.stderr },
        { stream: 'stdout' as const, text: r.stdout },
      ],
      exitCode: r.exitCode,
      watching: false,
    };
  };
  // the line around the `$(…)` was expanded before it ran: the words are final here
  const end = runPipe(parsed.stages, { run: stage, expand: (text) => text, stopWatch: () => {} });
  const last = end.kind === 'command' ? stage(end.command, end.stdin) : { output: [], exitCode: end.exitCode };
  const output = [...end.output, ...last.output];
  const of = (stream: 'stdout' | 'stderr') => output.filter((c) => c.stream === stream).map((c) => c.text).join('');
  return { stdout: of('stdout'), stderr: of('stderr'), exitCode: last.exitCode };
}
