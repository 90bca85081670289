/**
 * A tiny model of what a shell (or a single command) does as a container's main process, enough for the
 * usual teaching manifests: `sleep 3600`, `sh -c "exit 1"`, the liveness demo
 * `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600`, `while true; do ...; done`.
 * It turns the command into a timed plan. Given the container's runtime, the commands it runs before its first wait
 * run then (their output is the container's log, their status counts); later ones become timed steps.
 */
import type { ProcessPlan, ProcessRuntime } from './app';

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

/** Splits shell words, honouring single and double quotes. */
export function shellWords(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  let has = false;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has || cur) out.push(cur);
  return out;
}

type Connector = ';' | '&&' | '||';

/** Splits a script into statements with the connector that precedes each (quotes respected). */
export function splitStatements(script: string): Array<{ text: string; after: Connector }> {
  const out: Array<{ text: string; after: Connector }> = [];
  let cur = '';
  let quote: string | undefined;
  let pending: Connector = ';';
  // inside `$( … )`: a command substitution's own statements are its own
  let depth = 0;
  const flush = (next: Connector) => {
    if (cur.trim()) out.push({ text: cur.trim(), after: pending });
    cur = '';
    pending = next;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      cur += ch;
      continue;
    }
    if (ch === '$' && script[i + 1] === '(') {
      cur += '$(';
      depth++;
      i++;
      continue;
    }
    if (depth > 0) {
      if (ch === '(') depth++;
      else if (ch === ')') depth--;
      cur += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      cur += ch;
    } else if (ch === ';' || ch === '\n') flush(';');
    else if (ch === '&' && script[i + 1] === '&') {
      flush('&&');
      i++;
    } else if (ch === '|' && script[i + 1] === '|') {
      flush('||');
      i++;
    } else cur += ch;
  }
  flush(';');
  return out;
}

/** The stages of a pipeline: `a | b | c`, split at each `|` outside quotes (`||` is a statement connector). */
export function splitPipes(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(' && (depth > 0 || text[i - 1] === '$')) depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (ch === '|' && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur.trim());
  return out;
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
}

/**
 * A command that is not a wait or a file change: run at once while the process has not waited yet (its output
 * goes to the log and its status counts), as a timed step after that (its status taken as 0).
 */
function runCommand(words: string[], st: PlanState, filters?: string[][]): number {
  if (!st.runtime) return 0;
  if (st.t > 0) {
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
    // a `while`/`until` loop in a container command is (nearly always) the keep-alive idiom
    if (s.type === 'while') {
      st.done = true;
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

/** `$NAME`, `${NAME}` and `$?` from the process environment (`$1`…`$9` empty), as the shell expands them outside single quotes. */
export function expandShellVariables(text: string, environ: readonly string[], status = 0): string {
  return expandShell(text, environ, status);
}

/**
 * The shell's expansions outside single quotes, left to right in one pass: `$NAME`, `${NAME}` and `$?` from
 * `environ` (`$1`…`$9` empty: `sh -c SCRIPT` is given no positional parameters) and, given `command`, command
 * substitution: `$(…)` and backquotes become what the inner script printed, trailing newlines removed.
 * `$((…))`, arithmetic, is left as it is.
 */
export function expandShell(text: string, environ: readonly string[], status = 0, command?: (script: string) => string): string {
  const value = (name: string) => (name === '?' ? String(status) : (environ.find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1) ?? ''));
  const substituted = (script: string) => (command?.(script) ?? '').replace(/\n+$/, '');
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      out += ch;
      continue;
    }
    if (ch === "'" && !quote) quote = "'";
    else if (ch === '"') quote = quote === '"' ? undefined : '"';
    if (command && ch === '$' && text[i + 1] === '(' && text[i + 2] !== '(') {
      let depth = 1;
      let j = i + 2;
      for (; j < text.length && depth > 0; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')') depth--;
      }
      out += substituted(text.slice(i + 2, j - 1));
      i = j - 1;
      continue;
    }
    if (command && ch === '`' && text.indexOf('`', i + 1) > i) {
      const end = text.indexOf('`', i + 1);
      out += substituted(text.slice(i + 1, end));
      i = end;
      continue;
    }
    if (ch === '$') {
      const braced = /^\{([A-Za-z_][A-Za-z0-9_]*|\?)\}/.exec(text.slice(i + 1));
      const bare = braced ? undefined : /^([A-Za-z_][A-Za-z0-9_]*|[1-9]|\?)/.exec(text.slice(i + 1));
      if (braced || bare) {
        const name = braced ? braced[1] : (bare?.[0] ?? '');
        out += value(name);
        i += braced ? braced[0].length : name.length;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

/**
 * One command of a script: a simple statement, a `for` loop gathered with its body, or another compound command
 * (`while`, `until`, `if`, `case`) gathered whole, which svcsim does not run.
 */
export type ScriptCommand =
  | { type: 'simple'; text: string; after: Connector }
  | { type: 'for'; name: string; list: string | undefined; body: string; after: Connector; pipeTo?: string[] }
  | { type: 'while'; until: boolean; condition: string; body: string; after: Connector; pipeTo?: string[] }
  | { type: 'compound'; keyword: string; after: Connector };

const closers: Readonly<Record<string, string>> = { for: 'done', while: 'done', until: 'done', if: 'fi', case: 'esac' };
/** Reserved words that may start a statement inside a compound command before its first command word. */
const leading = new Set(['do', 'then', 'else', 'elif']);

/** The statement's text without the reserved words that lead it (`do echo x` → `echo x`). */
function withoutLeadingWords(text: string): string {
  let rest = text;
  for (;;) {
    const m = /^(\S+)(\s+|$)/.exec(rest);
    if (!m || !leading.has(m[1])) return rest;
    rest = rest.slice(m[0].length);
  }
}

const firstWord = (text: string) => /^\S*/.exec(text)?.[0] ?? '';

/** Rebuilds script text from statements, each after its connector. */
function joinStatements(statements: ReadonlyArray<{ text: string; after: Connector }>): string {
  return statements.map((s, i) => (i === 0 ? s.text : `${s.after === ';' ? ';' : ` ${s.after}`} ${s.text}`)).join('');
}

/**
 * The commands of `script` in order, compound commands gathered up to their closing word (`done`, `fi`, `esac`,
 * nesting counted). `open` when the script ends inside one: an interactive shell then prompts with PS2 (`> `)
 * and reads on.
 */
export function scriptCommands(script: string): { commands: ScriptCommand[]; open: boolean } {
  const statements = splitStatements(script);
  const commands: ScriptCommand[] = [];
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i];
    const keyword = firstWord(s.text);
    if (!(keyword in closers)) {
      commands.push({ type: 'simple', text: s.text, after: s.after });
      continue;
    }
    const stack = [closers[keyword]];
    let end = i + 1;
    for (; end < statements.length && stack.length > 0; end++) {
      const word = firstWord(withoutLeadingWords(statements[end].text));
      if (word === stack[stack.length - 1]) stack.pop();
      else if (word in closers) stack.push(closers[word]);
    }
    if (stack.length > 0) return { commands, open: true };
    const inner = statements.slice(i + 1, end - 1);
    // `done | sort | uniq -c`: the whole loop's output goes through the pipeline
    const tail = statements[end - 1].text.slice('done'.length).trim();
    const piped = tail.startsWith('|') ? { pipeTo: splitPipes(tail).slice(1) } : {};
    // the loop's body: from the statement that starts with `do`, without it
    const doAt = inner.findIndex((t) => firstWord(t.text) === 'do');
    const body = doAt < 0 ? '' : joinStatements([{ text: inner[doAt].text.slice(2).trim(), after: inner[doAt].after }, ...inner.slice(doAt + 1)].filter((b) => b.text));
    const header = keyword === 'for' ? /^for\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s+in(?:\s+(.*))?)?$/s.exec(s.text) : null;
    if (header && doAt === 0) {
      commands.push({ type: 'for', name: header[1], list: header[2], body, after: s.after, ...piped });
    } else if ((keyword === 'while' || keyword === 'until') && doAt >= 0) {
      // the condition is the list before `do` (`while sleep 1; true; do`): its last command's status decides
      const condition = joinStatements([{ text: s.text.slice(keyword.length).trim(), after: ';' as Connector }, ...inner.slice(0, doAt)].filter((b) => b.text));
      commands.push({ type: 'while', until: keyword === 'until', condition, body, after: s.after, ...piped });
    } else {
      commands.push({ type: 'compound', keyword, after: s.after });
    }
    i = end - 1;
  }
  return { commands, open: false };
}
