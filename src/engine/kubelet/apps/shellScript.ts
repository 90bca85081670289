/**
 * A tiny model of what a shell (or a single command) does as a container's main process, enough for the
 * usual teaching manifests: `sleep 3600`, `sh -c "exit 1"`, the liveness demo
 * `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600`, `while true; do ...; done`.
 * It turns the command into a timed plan. Given the container's runtime, the commands it runs before its first wait
 * run then (their output is the container's log, their status counts); later ones become timed steps.
 */
import type { ProcessPlan, ProcessRuntime } from './app';
import { expandShell, scriptCommands, shellWords, splitPipes, splitStatements } from './shellSyntax';

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

interface PlanState {
  t: number;
  last: number;
  plan: ProcessPlan;
  done: boolean;
  /** Runs the commands the process runs as it starts (before its first wait); later ones become timed steps. */
  runtime?: ProcessRuntime;
  /** The shell's own variables (`for` loop variables, `NAME=value`). */
  vars: Map<string, string>;
  /** Planning a loop's round: its commands are steps even before the first wait (they run each round, later). */
  deferred?: boolean;
}

/**
 * A command that is not a wait or a file change: run at once while the process has not waited yet (its output
 * goes to the log and its status counts), as a timed step after that (its status taken as 0).
 */
function runCommand(words: string[], st: PlanState, filters?: string[][]): number {
  if (!st.runtime) return 0;
  if (st.t > 0 || st.deferred) {
    st.plan.steps.push({ atMs: st.t, run: words, ...(filters ? { filters } : {}) });
    return 0;
  }
  const r = st.runtime.run(words, filters);
  if (!r) return 0;
  if (r.output) st.plan.output = [...(st.plan.output ?? []), r.output];
  return r.exitCode;
}

function runWords(words: string[], st: PlanState, stdin: boolean): void {
  while (words[0] === 'exec' || words[0] === 'nohup') words = words.slice(1);
  const name = commandName(words[0]);
  const args = words.slice(1);
  switch (name) {
    case '':
      return;
    case 'sleep': {
      const ms = sleepMs(args[0]);
      if (!Number.isFinite(ms)) {
        st.done = true;
        return;
      }
      st.t += ms;
      st.last = 0;
      return;
    }
    case 'touch':
      for (const a of args) if (!a.startsWith('-')) st.plan.steps.push({ atMs: st.t, touch: a });
      st.last = 0;
      return;
    case 'rm':
      for (const a of args) if (!a.startsWith('-')) st.plan.steps.push({ atMs: st.t, remove: a });
      st.last = 0;
      return;
    case 'exit':
      st.plan.exit = { atMs: st.t, code: args[0] !== undefined ? Number(args[0]) & 255 : st.last };
      st.done = true;
      return;
    case 'false':
      st.last = 1;
      return;
    case 'while':
    case 'until':
      // a loop in a container command is (nearly always) the keep-alive idiom
      st.done = true;
      return;
    case 'cat':
      if (args.length === 0 && stdin) {
        st.done = true;
        return;
      }
      st.last = runCommand(words, st);
      return;
    case 'ping':
      if (!args.includes('-c')) {
        st.done = true;
        return;
      }
      st.last = 0;
      return;
    case 'tail':
      if (args.includes('-f') || args.includes('-F')) {
        st.done = true;
        return;
      }
      st.last = 0;
      return;
    case 'python':
    case 'python3':
      if (args.includes('http.server')) {
        st.done = true;
        return;
      }
      st.last = 0;
      return;
    default:
      if (shells.has(name)) {
        const c = args.indexOf('-c');
        if (c >= 0) runScript(args[c + 1] ?? '', st, stdin);
        else if (args.length === 0 && stdin) st.done = true;
        else st.last = 0;
        return;
      }
      if (servers.has(name)) {
        st.done = true;
        return;
      }
      st.last = runCommand(words, st);
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

/** The environment with the shell's own variables in front (found first), for expansion only: they are not exported. */
export function withShellVariables(environ: readonly string[], variables: ReadonlyMap<string, string>): readonly string[] {
  return variables.size === 0 ? environ : [...[...variables].map(([k, v]) => `${k}=${v}`), ...environ];
}

/** `$NAME` and `$(command)` in `text`, as the process's shell expands them when the plan is made. */
function expandInPlan(text: string, st: PlanState): string {
  const runtime = st.runtime;
  if (!runtime) return text;
  const environ = withShellVariables(runtime.environ(), st.vars);
  // `$(seq 5)`: one command, run in the container as the plan is made
  return expandShell(text, environ, st.last, (inner) => runtime.run(shellWords(expandShell(inner, environ, st.last)))?.output ?? '');
}

function runScript(script: string, st: PlanState, stdin: boolean): void {
  const { commands, open } = scriptCommands(script);
  for (const s of commands) {
    if (st.done) return;
    if (s.after === '&&' && st.last !== 0) continue;
    if (s.after === '||' && st.last === 0) continue;
    if (s.type === 'while') {
      planEndlessLoop(s, st, stdin);
      return;
    }
    // `if` and `case` are not modelled
    if (s.type === 'compound') continue;
    if (s.type === 'for') {
      // a `for` loop runs its body once a word, the loop variable set: output and waits as if written out
      for (const w of s.list === undefined ? [] : shellWords(expandInPlan(s.list, st))) {
        if (st.done) return;
        st.vars.set(s.name, w);
        runScript(s.body, st, stdin);
      }
      continue;
    }
    if (/^trap\b/.test(s.text)) continue;
    const text = expandInPlan(s.text, st);
    const stages = splitPipes(text);
    const words = shellWords(text);
    const assignments = stages.length === 1 ? shellAssignments(words) : undefined;
    if (assignments) {
      for (const [name, value] of assignments) st.vars.set(name, value);
      st.last = 0;
      continue;
    }
    // `cmd | grep x`: the command runs, the filters take its output
    if (stages.length > 1) st.last = runCommand(shellWords(stages[0]), st, stages.slice(1).map(shellWords));
    else runWords(words, st, stdin);
  }
  // the script ends inside a loop or an `if`: the shell's syntax error, status 2
  if (open && !st.done) {
    st.plan.exit = { atMs: st.t, code: 2 };
    st.done = true;
  }
}

/**
 * The words before `do` of a loop that only its process's end stops: `while true`, `while :`, `until false`,
 * and `sleep N` among them (`while sleep 1; do`), which the rounds then begin with. Undefined for any other
 * condition: the loop waits for something svcsim does not follow (a file, a counter).
 */
function endlessLoopSleeps(condition: string, until: boolean): string[] | undefined {
  const statements = splitStatements(condition);
  const sleeps: string[] = [];
  for (const { text, after } of statements) {
    const words = shellWords(text);
    const ms = words[0] === 'sleep' && words.length === 2 ? sleepMs(words[1]) : 0;
    if (after !== ';') return undefined;
    if (until) {
      if (words.length !== 1 || words[0] !== 'false') return undefined;
    } else if (ms > 0 && Number.isFinite(ms)) sleeps.push(text);
    else if (words.length !== 1 || (words[0] !== 'true' && words[0] !== ':')) return undefined;
  }
  return statements.length > 0 ? sleeps : undefined;
}

/**
 * A `while`/`until` loop in a container's command. One that never ends by itself and sleeps in each round
 * (`while true; do wget -qO- web; echo; sleep 1; done`, the classic way to watch a Service spread requests) runs
 * round after round: its body is planned once as a round, its steps repeated by the kubelet. A loop with no
 * sleep would spin as fast as the CPU allows, and one that waits on a condition svcsim does not follow, or whose
 * output is piped, is the keep-alive idiom as before: the process runs on with no output.
 */
function planEndlessLoop(loop: { until: boolean; condition: string; body: string; pipeTo?: string[] }, st: PlanState, stdin: boolean): void {
  // nothing after the loop ever runs
  st.done = true;
  const sleeps = loop.pipeTo ? undefined : endlessLoopSleeps(loop.condition, loop.until);
  if (!sleeps) return;
  const round: PlanState = { t: 0, last: 0, plan: { steps: [] }, done: false, runtime: st.runtime, vars: new Map(st.vars), deferred: true };
  runScript([...sleeps, loop.body].join('; '), round, stdin);
  const at = <T extends { atMs: number }>(x: T): T => ({ ...x, atMs: st.t + x.atMs });
  if (round.done) {
    // the first round ends the process (`exit`) or waits for good (`sleep infinity`, an inner loop): it runs once
    st.plan.steps.push(...round.plan.steps.map(at));
    if (round.plan.exit) st.plan.exit = at(round.plan.exit);
    if (round.plan.loop) st.plan.loop = at(round.plan.loop);
    return;
  }
  if (round.plan.steps.length === 0 || round.t === 0) return;
  st.plan.loop = { atMs: st.t, periodMs: round.t, steps: round.plan.steps };
}

/**
 * The plan of a process started with `argv`. `stdin` says whether the container keeps stdin open
 * (`stdin: true`), which keeps an interactive shell alive.
 */
export function planFromArgv(argv: readonly string[], stdin: boolean, runtime?: ProcessRuntime): ProcessPlan {
  const st: PlanState = { t: 0, last: 0, plan: { steps: [] }, done: false, runtime, vars: new Map() };
  if (argv.length === 0) return { steps: [], exit: { atMs: 0, code: 0 } };
  runWords([...argv], st, stdin);
  if (!st.done) st.plan.exit = { atMs: st.t, code: st.last };
  return st.plan;
}
