/**
 * A tiny model of what a shell (or a single command) does as a container's main process, enough for the
 * usual teaching manifests: `sleep 3600`, `sh -c "exit 1"`, the liveness demo
 * `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600`, the Kubernetes docs' counter pod
 * `i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done`, a loop of wget to watch a Service.
 * It runs the command as a script in virtual time: a generator that stops at each `sleep` for the kubelet to
 * resume it when that time has passed, so each command runs (and each expansion happens) at its own time; what
 * the commands print is the container's log, their status the process's.
 */
import { pipeOutput } from '../../../shared/textFilters/filters';
import type { ProcessIo, ProcessScript, StreamChunk } from './app';
import { commandNotRun, type InShell, shellFor } from './commandNotRun';
import { type CaseArm, caseArmFor, expandShell, redirected, type ScriptCommand, scriptCommands, shellWords, splitPipes } from './shellSyntax';

const shells = new Set(['sh', 'bash', 'ash', 'zsh', 'dash']);
// commands that keep running until stopped
const servers = new Set(['nginx', 'httpd', 'kuard', 'coredns', 'node', 'redis-server', 'tail', 'nc', 'ping', 'top', 'watch']);

/** The command name without its directory (`/bin/sh` -> `sh`). */
export function commandName(arg0: string | undefined): string {
  if (!arg0) return '';
  const i = arg0.lastIndexOf('/');
  return i >= 0 ? arg0.slice(i + 1) : arg0;
}

/** Whether a container `command` replaces an image's server with a shell or a plain utility. */
export function isShellLikeCommand(argv: readonly string[] | undefined): boolean {
  if (!argv || argv.length === 0) return false;
  const name = commandName(argv[0]);
  return shells.has(name) || ['sleep', 'echo', 'true', 'false', 'env', 'cat', 'tail', 'printenv', 'date', 'ls'].includes(name);
}

/** `sleep` arguments: seconds with an optional s/m/h/d suffix; Infinity for `infinity`. */
function sleepMs(arg: string | undefined): number {
  if (!arg) return 0;
  if (/^inf(inity)?$/i.test(arg)) return Number.POSITIVE_INFINITY;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return 0;
  const mult = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * mult);
}

interface ScriptState {
  io: ProcessIo;
  /** The last command's exit status (`$?`, `&&`, `||`). */
  last: number;
  /** The process ended: `exit` (with its status), or it waits for good (`sleep infinity`, a server): undefined. */
  ended?: { status: number | undefined };
  /** The shell's own variables (`for` loop variables, `NAME=value`). */
  vars: Map<string, string>;
  /** The process environment by name, made at the first expansion. */
  environ?: Map<string, string>;
  /** Where output goes while a loop's output is piped (`done | sort`): gathered, then filtered when the loop ends. */
  captured?: string[];
  /** The shell running the script (`sh -c`), which words a command it cannot find. */
  shell?: InShell;
  /** `set -e`: a failing command ends the script, with its status. */
  errexit?: boolean;
  /** How deep in the condition of an `if`, `while` or `until` the script is, where `set -e` does not apply. */
  testing: number;
  /** The sleeps so far: a loop round that adds none spins. */
  sleeps: number;
}

/** The most rounds a loop goes without a `sleep` before svcsim stops following it (it would spin as fast as the CPU allows). */
export const maxSpinningRounds = 1000;

function write(st: ScriptState, text: string): void {
  if (!text) return;
  if (st.captured) st.captured.push(text);
  else st.io.write(text);
}

/**
 * A command that is not a wait or a file change: run in the container now, what it wrote sent where its
 * redirections say (`>/dev/null 2>&1`), through the filters of its pipeline (`| grep x`), to the log.
 */
function runCommand(words: string[], st: ScriptState, filters?: string[][], route: (chunks: readonly StreamChunk[]) => StreamChunk[] = (c) => [...c]): number {
  if (!st.io.run) return 0;
  const r = st.io.run(words) ?? notRun(words, st);
  if (!r) return 0;
  const chunks = route(r.chunks);
  if (!filters) {
    for (const c of chunks) write(st, c.text);
    return r.exitCode;
  }
  const f = pipeOutput(chunks, filters);
  write(st, f.stderr + f.stdout);
  return f.exitCode;
}

/** A command the container cannot run: the shell's words for it (not found, or not simulated), as stderr. */
function notRun(words: readonly string[], st: ScriptState): { chunks: StreamChunk[]; exitCode: number } | undefined {
  const refused = commandNotRun(st.io.coreutils, st.shell, words);
  return refused && { chunks: [{ stream: 'stderr', text: refused.text }], exitCode: refused.exitCode };
}

/** `set -e`, `set -eux`, `set -o errexit` (and `+e`): errexit is the option that changes what runs; the others are taken and have no effect here. */
function setOptions(args: readonly string[], st: ScriptState): void {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if ((a === '-o' || a === '+o') && args[i + 1] !== undefined) {
      if (args[++i] === 'errexit') st.errexit = a === '-o';
    } else if (/^[-+][a-z]+$/.test(a) && a.includes('e')) st.errexit = a[0] === '-';
  }
}

/** The process waits for good (a server, `sleep infinity`, `tail -f`): it runs until stopped. */
function waitForever(st: ScriptState): void {
  st.ended = { status: undefined };
}

function* runWords(words: string[], st: ScriptState, stdin: boolean, route?: (chunks: readonly StreamChunk[]) => StreamChunk[]): Generator<number, void, void> {
  while (words[0] === 'exec' || words[0] === 'nohup') words = words.slice(1);
  // `! cmd`: the pipeline's status inverted
  if (words[0] === '!' && words.length > 1) {
    yield* runWords(words.slice(1), st, stdin, route);
    st.last = st.last === 0 ? 1 : 0;
    return;
  }
  const name = commandName(words[0]);
  const args = words.slice(1);
  switch (name) {
    case '':
      return;
    case 'sleep': {
      const ms = sleepMs(args[0]);
      if (!Number.isFinite(ms)) return waitForever(st);
      if (ms > 0) {
        st.sleeps++;
        yield ms;
      }
      st.last = 0;
      return;
    }
    case 'touch':
      for (const a of args) if (!a.startsWith('-')) st.io.touch(a);
      st.last = 0;
      return;
    case 'rm':
      for (const a of args) if (!a.startsWith('-')) st.io.remove(a);
      st.last = 0;
      return;
    case 'exit':
      st.ended = { status: args[0] !== undefined ? Number(args[0]) & 255 : st.last };
      return;
    case 'false':
      st.last = 1;
      return;
    case 'true':
    case ':':
      st.last = 0;
      return;
    case 'set':
      setOptions(args, st);
      st.last = 0;
      return;
    case 'cat':
      if (args.length === 0 && stdin) return waitForever(st);
      st.last = runCommand(words, st, undefined, route);
      return;
    case 'ping':
      if (!args.includes('-c')) return waitForever(st);
      st.last = 0;
      return;
    case 'tail':
      if (args.includes('-f') || args.includes('-F')) return waitForever(st);
      st.last = 0;
      return;
    case 'python':
    case 'python3':
      if (args.includes('http.server')) return waitForever(st);
      st.last = 0;
      return;
    default:
      if (shells.has(name)) {
        const c = args.indexOf('-c');
        if (c >= 0) {
          const shell = shellFor(words[0], st.io.coreutils);
          const outer = st.shell;
          if (shell) st.shell = { shell, argv0: words[0], interactive: false, line: 1 };
          yield* runScript(args[c + 1] ?? '', st, stdin);
          st.shell = outer;
        }
        else if (args.length === 0 && stdin) waitForever(st);
        else st.last = 0;
        return;
      }
      if (servers.has(name)) return waitForever(st);
      st.last = runCommand(words, st, undefined, route);
  }
}

/**
 * A statement that only assigns shell variables (`n=5`, `a=1 b=2`): the assignments; undefined for anything
 * else (assignments before a command are that command's environment).
 */
export function shellAssignments(words: readonly string[]): Array<[name: string, value: string]> | undefined {
  if (words.length === 0) return undefined;
  const out: Array<[string, string]> = [];
  for (const w of words) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w);
    if (!m) return undefined;
    out.push([m[1], m[2]]);
  }
  return out;
}

/** The environment by name; the first of two entries with one name wins, as `getenv` finds it. */
function environMap(environ: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of environ) {
    const at = e.indexOf('=');
    const name = e.slice(0, at);
    if (at > 0 && !out.has(name)) out.set(name, e.slice(at + 1));
  }
  return out;
}

/** `$NAME`, `$((…))` and `$(command)` in `text`, as the process's shell expands them when it reaches the command. */
function expand(text: string, st: ScriptState): string {
  // the environment is fixed when the container starts: indexed once, not searched at each `$NAME`
  st.environ ??= environMap(st.io.environ());
  const environ = st.environ;
  const lookup = (name: string) => st.vars.get(name) ?? environ.get(name);
  const run = st.io.run;
  // `$(seq 5)`, `$(date)`: one command, run in the container now; its stdout is the word, its stderr goes to the log
  const substitute = (inner: string) => {
    let stdout = '';
    for (const c of run?.(shellWords(expandShell(inner, lookup, st.last)))?.chunks ?? []) {
      if (c.stream === 'stdout') stdout += c.text;
      else write(st, c.text);
    }
    return stdout;
  };
  return expandShell(text, lookup, st.last, run && substitute);
}

/** Runs `script`'s commands in order; a loop's output piped on (`done | sort`) goes through the filters once it ends. */
function* runScript(script: string, st: ScriptState, stdin: boolean): Generator<number, void, void> {
  const { commands, open } = scriptCommands(script);
  for (const [i, s] of commands.entries()) {
    if (st.ended) return;
    const ran = yield* runCommandOf(s, st, stdin);
    // set -e: a simple command that failed ends the script, unless a condition or an && / || list tests it
    const tested = st.testing > 0 || commands[i + 1]?.after === '&&' || commands[i + 1]?.after === '||';
    if (ran && st.errexit && !st.ended && st.last !== 0 && s.type === 'simple' && !tested && !/^!\s/.test(s.text)) st.ended = { status: st.last };
  }
  // the script ends inside a loop or an `if`: the shell's syntax error, status 2
  if (open && !st.ended) st.ended = { status: 2 };
}

/** One command of a script, as its connector lets it run (`&&` after a success, `||` after a failure): whether it ran. */
function* runCommandOf(s: ScriptCommand, st: ScriptState, stdin: boolean): Generator<number, boolean, void> {
  if (s.after === '&&' && st.last !== 0) return false;
  if (s.after === '||' && st.last === 0) return false;
  // what the shell refuses (an `if` with no `then`, a `case` arm with no `)`) runs nothing
  if (s.type === 'compound') return true;
  if (s.type === 'for' || s.type === 'while' || s.type === 'if' || s.type === 'case') {
    const outer = st.captured;
    if (s.pipeTo) st.captured = [];
    if (s.type === 'for') yield* forLoop(s, st, stdin);
    else if (s.type === 'while') yield* whileLoop(s, st, stdin);
    else if (s.type === 'if') yield* ifCommand(s, st, stdin);
    else yield* caseCommand(s, st, stdin);
    const gathered = st.captured;
    st.captured = outer;
    if (s.pipeTo && gathered && !st.ended) {
      const f = pipeOutput([{ stream: 'stdout', text: gathered.join('') }], s.pipeTo.map(shellWords));
      write(st, f.stderr + f.stdout);
      st.last = f.exitCode;
    }
    return true;
  }
  if (/^trap\b/.test(s.text)) return true;
  const text = expand(s.text, st);
  const stages = splitPipes(text);
  const assignments = stages.length === 1 ? shellAssignments(shellWords(text)) : undefined;
  if (assignments) {
    for (const [name, value] of assignments) st.vars.set(name, value);
    st.last = 0;
    return true;
  }
  // `>/dev/null`, `2>&1`, `>&2` taken out of the (first) command's words; a file target is not simulated
  const command = redirected(shellWords(stages[0]));
  if (typeof command === 'string') {
    write(st, command);
    st.last = 2;
    return true;
  }
  // `cmd | grep x`: the command runs, the filters take its output
  if (stages.length > 1) st.last = runCommand(command.words, st, stages.slice(1).map(shellWords), command.route);
  else yield* runWords(command.words, st, stdin, command.route);
  return true;
}

/** `for NAME in WORDS; do BODY; done`: the body once a word, the loop variable set. */
function* forLoop(s: { name: string; list: string | undefined; body: string }, st: ScriptState, stdin: boolean): Generator<number, void, void> {
  for (const w of s.list === undefined ? [] : shellWords(expand(s.list, st))) {
    if (st.ended) return;
    st.vars.set(s.name, w);
    yield* runScript(s.body, st, stdin);
  }
}

/** The condition of an `if`: run where `set -e` does not apply, its status deciding. */
function* condition(script: string, st: ScriptState, stdin: boolean): Generator<number, void, void> {
  st.testing++;
  yield* runScript(script, st, stdin);
  st.testing--;
}

/** `if`: the body of the first branch whose condition succeeds, else the `else` part; status 0 when none ran. */
function* ifCommand(s: { branches: ReadonlyArray<{ condition: string; body: string }>; otherwise?: string }, st: ScriptState, stdin: boolean): Generator<number, void, void> {
  for (const branch of s.branches) {
    yield* condition(branch.condition, st, stdin);
    if (st.ended) return;
    if (st.last === 0) {
      yield* runScript(branch.body, st, stdin);
      return;
    }
  }
  if (s.otherwise !== undefined) yield* runScript(s.otherwise, st, stdin);
  else st.last = 0;
}

/** `case WORD in …`: the list of the first arm with a pattern matching the expanded word; status 0 when none. */
function* caseCommand(s: { word: string; arms: readonly CaseArm[] }, st: ScriptState, stdin: boolean): Generator<number, void, void> {
  const arm = caseArmFor(s, (text) => expand(text, st));
  st.last = 0;
  if (arm) yield* runScript(arm.body, st, stdin);
}

/**
 * `while LIST; do BODY; done` (`until`: while it fails), the condition run each round. A loop that goes
 * {@link maxSpinningRounds} rounds without a sleep would spin as fast as the CPU allows: svcsim stops following
 * it there, and the process runs on with no more output.
 */
function* whileLoop(s: { until: boolean; condition: string; body: string }, st: ScriptState, stdin: boolean): Generator<number, void, void> {
  let spinning = 0;
  // the loop's status: its body's last command's, 0 when the body never ran
  let status = 0;
  for (;;) {
    const sleptBefore = st.sleeps;
    yield* condition(s.condition, st, stdin);
    if (st.ended) return;
    if ((st.last === 0) === s.until) {
      st.last = status;
      return;
    }
    yield* runScript(s.body, st, stdin);
    if (st.ended) return;
    status = st.last;
    spinning = st.sleeps > sleptBefore ? 0 : spinning + 1;
    if (spinning >= maxSpinningRounds) return waitForever(st);
  }
}

/**
 * The main process started with `argv`, run as a script in virtual time. `stdin` says whether the container
 * keeps stdin open (`stdin: true`), which keeps an interactive shell alive. It yields each wait in ms and returns
 * the exit status, or undefined when the process runs until it is stopped.
 */
export function* runProcess(argv: readonly string[], stdin: boolean, io: ProcessIo): ProcessScript {
  const st: ScriptState = { io, last: 0, vars: new Map(), testing: 0, sleeps: 0 };
  if (argv.length === 0) return 0;
  yield* runWords([...argv], st, stdin);
  return st.ended ? st.ended.status : st.last;
}
