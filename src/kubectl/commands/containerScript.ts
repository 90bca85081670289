/**
 * The shell language of a simulated container: what `sh -c SCRIPT`, or a line typed at a pod's shell, does with
 * its text. Statements with `;`, `&&` and `||`, `for` and `while`/`until` loops, `$VAR` and `$(…)`, shell
 * variables, pipes into grep/head/wc, redirections to /dev/null, and the shell's own words for a command it
 * cannot find. The commands themselves are the container's (engine/kubelet/apps/containerCommands.ts: env, cat,
 * nslookup, wget, …). A command the image has but svcsim does not model (`ls`, `ps`, …) says so instead of
 * pretending it is missing. A script stops at each `sleep` (it runs as a generator) for whoever runs it to let
 * virtual time pass, or not.
 */
import type { Pod } from '../../engine/api/types';
import type { CommandEnv } from '../cli/command';
import { Output } from '../cli/output';
import { runContainerCommand } from '../../engine/kubelet/apps/containerCommands';
import { shellAssignments } from '../../engine/kubelet/apps/shellScript';
import { type CaseArm, caseArmFor, environLookup, expandShell, redirected, scriptCommands, shellWords, splitPipes } from '../../engine/kubelet/apps/shellSyntax';
import { commandNotRun, type InShell } from '../../engine/kubelet/apps/commandNotRun';
import { pipeOutput } from '../../shared/textFilters/filters';
import { parseSleepDuration } from '../shellWords';
import { fail } from '../cli/errors';

/** What a command in a container needs of kubectl's environment: the cluster, and where it prints. */
export type ContainerIo = Pick<CommandEnv, 'cluster' | 'out'>;

/** What a shell keeps between commands: its own variables (`for` loop variables, `NAME=value`), not exported. */
export interface ShellState {
  variables: Map<string, string>;
}

export const newShellState = (): ShellState => ({ variables: new Map() });

/** A `sleep` in a script: whoever runs the script lets that much virtual time pass, or none, before it carries on. */
interface ScriptWait {
  sleepMs: number;
}
/** A script being run: it stops at each `sleep`, and ends with its status and whether `exit` ended the shell. */
export type ScriptRun = Generator<ScriptWait, { status: number; exited: boolean }, void>;

/**
 * How many rounds a `while` loop may go before svcsim stops it: a round without a sleep takes no time, and the
 * sleeps run at simulation speed, so a loop that never ends would hang the terminal or run away with the clock.
 */
export const maxLoopRounds = 1000;

/** What svcsim prints when it stops a loop at {@link maxLoopRounds} (the loop's status is then 1). */
export const loopStopped = `svcsim: stopped the loop after ${maxLoopRounds} rounds (its sleeps run at simulation speed: an endless loop would run away with the clock)\n`;

/** What svcsim says of a `case` the shell would refuse (an arm with no `)`, no `in`). */
function compoundNotSimulated(keyword: string): string {
  return `svcsim: syntax error: this ${keyword} has an arm with no ) or no in\n`;
}

/** Runs a script to its end at this instant: its `sleep`s return at once (`kubectl exec POD -- sh -c …`, command substitution). */
export function runAtOnce(run: ScriptRun): { status: number; exited: boolean } {
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

/**
 * The commands of `script` in order (`;`, `&&`, `||`; `for` and `while`/`until` loops), starting from exit status
 * `last`, stopping at each `sleep` for whoever runs it to let the time pass. Returns the status of the last one
 * run, and `exited` when the `exit` builtin ended the shell.
 */
export function* runScript(io: ContainerIo, pod: Pod, container: string, environ: readonly string[], inShell: InShell, script: string, last: number, state: ShellState): ScriptRun {
  let status = last;
  const { variables } = state;
  const { commands, open } = scriptCommands(script);
  if (open) {
    // a script (`sh -c`) that ends inside a loop; an interactive shell reads on instead (AttachedShell)
    io.out.err('svcsim: the script ends inside a compound command (no done, fi or esac)\n');
    return { status: 2, exited: false };
  }
  for (const s of commands) {
    if (s.after === '&&' && status !== 0) continue;
    if (s.after === '||' && status === 0) continue;
    if (s.type === 'compound') {
      // an `if` gathered this way has a condition with no `then`: the shell's syntax error
      io.out.err(s.keyword === 'if' ? 'svcsim: syntax error: this if has a condition with no then\n' : compoundNotSimulated(s.keyword));
      status = 2;
      continue;
    }
    const expand = (text: string) => expandShell(text, environLookup(environ, variables), status, (script) => substitution(io, pod, container, environ, inShell, script, status, state));
    if (s.type === 'for' || s.type === 'while' || s.type === 'if' || s.type === 'case') {
      // `done | grep x`: the loop's output goes through the pipeline once it has ended
      const piped = s.pipeTo ? new Output() : undefined;
      const loopIo = piped ? { cluster: io.cluster, out: piped } : io;
      const r =
        s.type === 'for'
          ? yield* forLoop(loopIo, pod, container, environ, inShell, s, expand, state)
          : s.type === 'while'
            ? yield* whileLoop(loopIo, pod, container, environ, inShell, s, state)
            : s.type === 'if'
              ? yield* ifCommand(loopIo, pod, container, environ, inShell, s, status, state)
              : yield* caseCommand(loopIo, pod, container, environ, inShell, s, expand, state);
      status = r.status;
      // `exit` in a piped loop ends the subshell the pipeline runs it in, not this shell
      if (r.exited && !piped) return r;
      if (piped && s.pipeTo) {
        const f = pipeOutput(piped.chunks, s.pipeTo.map(shellWords));
        io.out.err(f.stderr);
        io.out.out(f.stdout);
        status = f.exitCode;
      }
      continue;
    }
    const text = expand(s.text);
    const stages = splitPipes(text);
    if (stages.length > 1) {
      // `cmd | grep x` in the container: the command's stdout goes through the filters, its stderr straight out
      const first = redirected(shellWords(stages[0]));
      if (typeof first === 'string') {
        io.out.err(first);
        status = 2;
        continue;
      }
      const captured = new Output();
      runOne({ cluster: io.cluster, out: captured }, pod, container, first.words, environ, inShell);
      const f = pipeOutput(first.route(captured.chunks), stages.slice(1).map(shellWords));
      io.out.err(f.stderr);
      io.out.out(f.stdout);
      status = f.exitCode;
      continue;
    }
    const words = shellWords(text);
    if (words.length === 0) continue;
    // `NAME=value …` alone: shell variables (assignments before a command are its environment: not simulated)
    const assignments = shellAssignments(words);
    if (assignments) {
      for (const [name, value] of assignments) variables.set(name, value);
      status = 0;
      continue;
    }
    // the `exit` builtin ends the shell with its status (the last command's when none is given)
    if (words[0] === 'exit') return { status: words[1] === undefined ? status : Number(words[1]) & 255, exited: true };
    // `sleep N`: the shell waits while virtual time passes (for whoever runs the script to decide)
    const sleepMs = words.length === 2 && words[0] === 'sleep' ? parseSleepDuration(words[1]) : undefined;
    if (sleepMs !== undefined) {
      yield { sleepMs };
      status = 0;
      continue;
    }
    const command = redirected(words);
    if (typeof command === 'string') {
      io.out.err(command);
      status = 2;
      continue;
    }
    if (!command.redirects) {
      status = runOne(io, pod, container, words, environ, inShell);
      continue;
    }
    const captured = new Output();
    status = runOne({ cluster: io.cluster, out: captured }, pod, container, command.words, environ, inShell);
    for (const c of command.route(captured.chunks)) io.out.write(c.stream, c.text);
  }
  return { status, exited: false };
}

/** `for NAME in WORDS; do BODY; done`: the body once a word (bash also expands `{1..5}`); no list: no positional parameters here. */
function* forLoop(
  io: ContainerIo,
  pod: Pod,
  container: string,
  environ: readonly string[],
  inShell: InShell,
  s: { name: string; list: string | undefined; body: string },
  expand: (text: string) => string,
  state: ShellState,
): ScriptRun {
  const words = s.list === undefined ? [] : shellWords(expand(s.list)).flatMap((w) => (inShell.shell === 'bash' ? braceRange(w) : [w]));
  let status = 0;
  for (const w of words) {
    state.variables.set(s.name, w);
    const r = yield* runScript(io, pod, container, environ, inShell, s.body, status, state);
    status = r.status;
    if (r.exited) return r;
  }
  return { status, exited: false };
}

/** `if`: the body of the first branch whose condition succeeds, else the `else` part; status 0 when none ran. */
function* ifCommand(
  io: ContainerIo,
  pod: Pod,
  container: string,
  environ: readonly string[],
  inShell: InShell,
  s: { branches: ReadonlyArray<{ condition: string; body: string }>; otherwise?: string },
  last: number,
  state: ShellState,
): ScriptRun {
  let status = last;
  for (const branch of s.branches) {
    const c = yield* runScript(io, pod, container, environ, inShell, branch.condition, status, state);
    if (c.exited) return c;
    status = c.status;
    if (c.status === 0) return yield* runScript(io, pod, container, environ, inShell, branch.body, c.status, state);
  }
  if (s.otherwise !== undefined) return yield* runScript(io, pod, container, environ, inShell, s.otherwise, status, state);
  return { status: 0, exited: false };
}

/** `case WORD in …`: the list of the first arm with a pattern matching the expanded word; status 0 when none. */
function* caseCommand(
  io: ContainerIo,
  pod: Pod,
  container: string,
  environ: readonly string[],
  inShell: InShell,
  s: { word: string; arms: readonly CaseArm[] },
  expand: (text: string) => string,
  state: ShellState,
): ScriptRun {
  const arm = caseArmFor(s, expand);
  if (!arm) return { status: 0, exited: false };
  return yield* runScript(io, pod, container, environ, inShell, arm.body, 0, state);
}

/**
 * `while LIST; do BODY; done` (`until`: while it fails): the body as long as the list's last status says so
 * (`until nslookup web; do sleep 2; done` waits for a Service). svcsim stops a loop after {@link maxLoopRounds}.
 */
function* whileLoop(io: ContainerIo, pod: Pod, container: string, environ: readonly string[], inShell: InShell, s: { until: boolean; condition: string; body: string }, state: ShellState): ScriptRun {
  let status = 0;
  for (let round = 0; ; round++) {
    const c = yield* runScript(io, pod, container, environ, inShell, s.condition, status, state);
    if (c.exited) return c;
    if ((c.status === 0) === s.until) return { status, exited: false };
    if (round >= maxLoopRounds) {
      io.out.err(loopStopped);
      return { status: 1, exited: false };
    }
    const r = yield* runScript(io, pod, container, environ, inShell, s.body, c.status, state);
    status = r.status;
    if (r.exited) return r;
  }
}

/** bash's brace expansion of a sequence expression, `{1..5}` or `{5..1}`; any other word is itself. */
export function braceRange(word: string): string[] {
  const m = /^\{(-?\d+)\.\.(-?\d+)\}$/.exec(word);
  if (!m) return [word];
  const [a, b] = [Number(m[1]), Number(m[2])];
  const step = a <= b ? 1 : -1;
  return Array.from({ length: Math.abs(b - a) + 1 }, (_, i) => String(a + i * step));
}

/** Command substitution: what `script` prints to stdout when run in the container, at once; its errors go to the terminal. */
function substitution(io: ContainerIo, pod: Pod, container: string, environ: readonly string[], inShell: InShell, script: string, status: number, state: ShellState): string {
  const captured = new Output();
  runAtOnce(runScript({ cluster: io.cluster, out: captured }, pod, container, environ, inShell, script, status, state));
  let stdout = '';
  for (const c of captured.chunks) {
    if (c.stream === 'stdout') stdout += c.text;
    else io.out.err(c.text);
  }
  return stdout;
}

/** One command: writes what it prints and returns its exit status; `inShell` is the shell running it, if any. */
export function runOne(io: ContainerIo, pod: Pod, container: string, command: string[], environ: readonly string[], inShell: InShell | undefined): number {
  const ns = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  const sim = io.cluster.simulation;
  const [bin] = command;
  const r = runContainerCommand(io.cluster, pod, container, command, environ);
  if (r) {
    for (const c of r.chunks) io.out.write(c.stream, c.text);
    return r.exitCode;
  }
  const refused = commandNotRun(sim.containerCoreutils?.(ns, name, container), inShell, command);
  if (refused) {
    io.out.err(refused.text);
    return refused.exitCode;
  }
  throw fail(
    `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${bin}": executable file not found in $PATH: unknown`,
  );
}
