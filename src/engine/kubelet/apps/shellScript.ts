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
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '|') {
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
    case 'for':
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

function runScript(script: string, st: PlanState, stdin: boolean): void {
  for (const s of splitStatements(script)) {
    if (st.done) return;
    if (s.after === '&&' && st.last !== 0) continue;
    if (s.after === '||' && st.last === 0) continue;
    if (/^(while|until|for)\b/.test(s.text)) {
      st.done = true;
      return;
    }
    if (/^(do|done|then|fi|trap)\b/.test(s.text)) continue;
    const text = st.runtime ? expandShellVariables(s.text, st.runtime.environ(), st.last) : s.text;
    const stages = splitPipes(text);
    // `cmd | grep x`: the command runs, the filters take its output
    if (stages.length > 1) st.last = runCommand(shellWords(stages[0]), st, stages.slice(1).map(shellWords));
    else runWords(shellWords(text), st, stdin);
  }
}

/**
 * The plan of a process started with `argv`. `stdin` says whether the container keeps stdin open
 * (`stdin: true`), which keeps an interactive shell alive.
 */
export function planFromArgv(argv: readonly string[], stdin: boolean, runtime?: ProcessRuntime): ProcessPlan {
  const st: PlanState = { t: 0, last: 0, plan: { steps: [] }, done: false, runtime };
  if (argv.length === 0) return { steps: [], exit: { atMs: 0, code: 0 } };
  runWords([...argv], st, stdin);
  if (!st.done) st.plan.exit = { atMs: st.t, code: st.last };
  return st.plan;
}

/** `$NAME`, `${NAME}` and `$?` from the process environment (`$1`…`$9` empty), as the shell expands them outside single quotes. */
export function expandShellVariables(text: string, environ: readonly string[], status = 0): string {
  const value = (name: string) => (name === '?' ? String(status) : (environ.find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1) ?? ''));
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
    if (ch === '$') {
      const braced = /^\{([A-Za-z_][A-Za-z0-9_]*|\?)\}/.exec(text.slice(i + 1));
      // positional parameters: `sh -c SCRIPT` is given none
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
