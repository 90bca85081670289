/**
 * Lists and compound commands at the user's shell (the browser terminal and `svcsim shell`), run as bash runs
 * them: `;` and newlines in sequence, `&&` and `||` by the last status, `! cmd`, `for NAME in WORDS; do LIST;
 * done`, `while`/`until`, `if` and `case`, and a loop's output piped on (`done | grep x`). The grammar is the one
 * the shells in simulated containers use (engine/kubelet/apps/shellSyntax.ts). Each simple command (kubectl, a
 * pipeline, an assignment, `sleep`, …) goes back to the shell that runs the list, which runs it as a line of its
 * own: {@link runList} yields it and is resumed with its exit status, so a shell may let time pass in between.
 */
import { caseArmFor, expandShell, type ScriptCommand, scriptCommands, shellWords } from '../../engine/kubelet/apps/shellSyntax';
import { braceRange, loopStopped, maxLoopRounds } from '../commands/containerScript';
import { splitCommandLine } from '../commandLine';
import { readHereDocuments } from './hereDocuments';
import { parseLine } from './pipeline';

/** What a line of the user's shell is. */
export type LineScript =
  /** One simple command: the shell runs `line` (the text, its here-documents folded in) as it always has. */
  | { kind: 'single'; line: string }
  | { kind: 'list'; commands: ScriptCommand[] }
  /** It ends inside a compound command (`for i in a b; do`) or a here-document: a shell that reads on prompts with PS2. */
  | { kind: 'open' }
  /** A syntax error, or syntax this shell does not run: nothing of the line runs, as bash runs nothing of it. */
  | { kind: 'refused'; message: string };

/**
 * Reads a line (or the lines of a compound command or a here-document) as the user's shell will run it. The
 * bodies of here-documents are read first (hereDocuments.ts), as bash reads them before it runs the line.
 */
export function scriptOf(text: string): LineScript {
  const read = readHereDocuments(text);
  if (read.kind === 'open') return { kind: 'open' };
  if (read.kind === 'error') return { kind: 'refused', message: read.message };
  const line = read.script.trim();
  const { commands, open } = scriptCommands(line);
  if (open) return { kind: 'open' };
  const message = listError(commands);
  if (message) return { kind: 'refused', message };
  const [first] = commands;
  const single = commands.length === 1 && first.type === 'simple' && first.text === line && !/^!\s/.test(first.text);
  if (commands.length === 0 || single) return { kind: 'single', line };
  return { kind: 'list', commands };
}

/** bash's words for a script that ends inside a compound command. */
export function unexpectedEnd(): string {
  return 'svcsim: syntax error: unexpected end of file (no done, fi or esac closes the compound command)\n';
}

/** What the shells print when an interactive session (`kubectl exec -it`, `run -it`, `attach`) starts inside a list. */
export const interactiveInList =
  'svcsim: an interactive session cannot read the terminal inside a list or a loop: its input was closed at once (run it on a line of its own)\n';

/** Words that only close or continue a compound command: one where a command should be is a syntax error. */
const reservedWords = ['do', 'done', 'then', 'else', 'elif', 'fi', 'esac', 'in', '}'];

/** The first syntax error of a list, looking into the lists its compound commands hold. */
function listError(commands: readonly ScriptCommand[]): string | undefined {
  for (const c of commands) {
    const message = commandError(c);
    if (message) return message;
  }
  return undefined;
}

function commandError(c: ScriptCommand): string | undefined {
  switch (c.type) {
    case 'simple': {
      const text = c.text.replace(/^!\s+/, '');
      const word = /^\S*/.exec(text)?.[0] ?? '';
      if (reservedWords.includes(word)) return `svcsim: syntax error near unexpected token \`${word}'\n`;
      // `( … )`, `{ …; }` and `name() { …; }` would need a shell of their own
      if (/^[({]/.test(text) || /^\S+\s*\(\)/.test(text)) {
        return 'svcsim: subshells, groups and functions are not supported: this shell runs commands, lists (; && ||), pipes, and for, while, until, if and case\n';
      }
      const parsed = parseLine(text);
      return parsed.kind === 'unsupported' ? parsed.message : undefined;
    }
    case 'compound':
      return `svcsim: syntax error: ${compoundFault(c.keyword)}\n`;
    case 'for': {
      // the words are words: a redirection, backquotes or a pipe there are not
      const words = c.list === undefined ? undefined : parseLine(c.list);
      if (words?.kind === 'unsupported') return words.message;
      if (words?.kind === 'pipeline') return `svcsim: syntax error near unexpected token \`${words.stages.length > 1 ? '|' : '<<'}'\n`;
      return scriptsError([c.body]);
    }
    case 'while':
      return scriptsError([c.condition, c.body]);
    case 'if':
      return scriptsError([...c.branches.flatMap((b) => [b.condition, b.body]), c.otherwise ?? '']);
    case 'case':
      return scriptsError(c.arms.map((a) => a.body));
  }
}

/** The first syntax error of the lists a compound command holds. */
function scriptsError(scripts: readonly string[]): string | undefined {
  for (const script of scripts) {
    const message = listError(scriptCommands(script).commands);
    if (message) return message;
  }
  return undefined;
}

/** What is missing from a compound command scriptCommands could not take apart. */
function compoundFault(keyword: string): string {
  if (keyword === 'if') return 'this if has a condition with no then';
  if (keyword === 'case') return 'this case has an arm with no ) or no in';
  if (keyword === 'for') return 'this for is not `for NAME in WORDS; do LIST; done`';
  return `this ${keyword} has no do`;
}

/** What a list needs of the shell running it, besides running its simple commands. */
export interface ListHost {
  /** The shell's variables: a `for` loop's variable is set here (and stays set after the loop, as in bash). */
  readonly vars: Map<string, string>;
  /** `$(command)` in a loop's words or a `case` word: what the command printed on stdout (its stderr is shown). */
  substitute(command: string): string;
  /** Prints svcsim's own message (a loop stopped) on stderr. */
  say(text: string): void;
  /** A loop's output is piped on (`done | grep x`): stdout is gathered from now on, until {@link filter}. */
  gather(): void;
  /** The stdout gathered since the matching {@link gather}, through `filters`, printed; the pipeline's status. */
  filter(filters: string[][]): number;
}

/** A simple command for the shell to run as a line of its own, `$?` being `status`. */
export interface ListStatement {
  command: string;
  status: number;
}

/**
 * A list being run: it yields each simple command and is resumed with that command's exit status; it returns
 * the list's status. A shell ends it early with `return()` (Ctrl+C, a watch that keeps the terminal).
 */
export type ListRun = Generator<ListStatement, number, number>;

/** Runs `commands` (from {@link scriptOf}), `$?` being `status` before the first. */
export function* runList(commands: readonly ScriptCommand[], host: ListHost, status: number): ListRun {
  let last = status;
  for (const c of commands) {
    if (c.after === '&&' && last !== 0) continue;
    if (c.after === '||' && last === 0) continue;
    last = yield* runCommand(c, host, last);
  }
  return last;
}

function* runScript(script: string, host: ListHost, status: number): ListRun {
  return yield* runList(scriptCommands(script).commands, host, status);
}

/** The shell's expansions of a loop's words or a case's word: `$NAME`, `${NAME}`, `$?`, `$((…))` and `$(command)`. */
function expand(text: string, host: ListHost, status: number): string {
  const lookup = (name: string) => host.vars.get(name);
  return expandShell(text, lookup, status, (inner) => host.substitute(expandShell(inner, lookup, status)));
}

function* runCommand(c: ScriptCommand, host: ListHost, status: number): ListRun {
  switch (c.type) {
    case 'simple': {
      const negated = /^!\s+/.exec(c.text);
      if (!negated) return yield { command: c.text, status };
      return (yield { command: c.text.slice(negated[0].length), status }) === 0 ? 1 : 0;
    }
    case 'compound':
      // refused by scriptOf before anything ran
      return 2;
  }
  if (c.pipeTo) host.gather();
  const result = yield* compound(c, host, status);
  if (!c.pipeTo) return result;
  return host.filter(c.pipeTo.map((stage) => splitCommandLine(expand(stage, host, result))));
}

type Compound = Extract<ScriptCommand, { type: 'for' | 'while' | 'if' | 'case' }>;

/** A compound command's status: its last command's, 0 when none of its lists ran a command. */
function* compound(c: Compound, host: ListHost, status: number): ListRun {
  let last = 0;
  switch (c.type) {
    case 'for': {
      // bash expands `{0..2}` before it splits
      const words = c.list === undefined ? [] : shellWords(expand(c.list, host, status)).flatMap(braceRange);
      for (const word of words) {
        host.vars.set(c.name, word);
        last = yield* runScript(c.body, host, last);
      }
      return last;
    }
    case 'while':
      for (let round = 0; ; round++) {
        const test = yield* runScript(c.condition, host, last);
        if ((test === 0) === c.until) return last;
        if (round >= maxLoopRounds) {
          host.say(loopStopped);
          return 1;
        }
        last = yield* runScript(c.body, host, test);
      }
    case 'if':
      last = status;
      for (const branch of c.branches) {
        last = yield* runScript(branch.condition, host, last);
        if (last === 0) return yield* runScript(branch.body, host, last);
      }
      return c.otherwise === undefined ? 0 : yield* runScript(c.otherwise, host, last);
    case 'case': {
      const arm = caseArmFor(c, (text) => expand(text, host, status));
      return arm ? yield* runScript(arm.body, host, status) : 0;
    }
  }
}
