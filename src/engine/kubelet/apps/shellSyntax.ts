/**
 * The shell language's syntax, shared by a container's main process (shellScript.ts) and an interactive shell
 * in a pod (src/kubectl/commands/containerScript.ts), which both run it: words, statements, pipelines, compound
 * commands and the expansions, as POSIX sh defines them (busybox ash, dash and bash agree on all of it here).
 */
import type { StreamChunk } from './app';
import { evaluateArithmetic } from './shellArithmetic';

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

/** What precedes a statement: `;` (or a newline), `&&`, `||`, or `;;`, which ends an arm of `case`. */
type Connector = ';' | '&&' | '||' | ';;';

/** Splits a script into statements with the connector that precedes each (quotes respected). */
export function splitStatements(script: string): Array<{ text: string; after: Connector }> {
  const out: Array<{ text: string; after: Connector }> = [];
  let cur = '';
  let quote: string | undefined;
  let pending: Connector = ';';
  // inside `$( … )`: a command substitution's own statements are its own
  let depth = 0;
  const flush = (next: Connector) => {
    // an empty statement (the newline after `&&` or `;;`) keeps the connector that came before it
    if (cur.trim()) {
      out.push({ text: cur.trim(), after: pending });
      pending = next;
    } else if (pending === ';') pending = next;
    cur = '';
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
    } else if (ch === ';' && script[i + 1] === ';') {
      flush(';;');
      i++;
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

/** How the shell finds a variable's value (undefined: unset). */
export type ShellLookup = (name: string) => string | undefined;

/** A lookup in the shell's own variables first (not exported, so not in the environment), then in `environ`. */
export function environLookup(environ: readonly string[], variables?: ReadonlyMap<string, string>): ShellLookup {
  return (name) => variables?.get(name) ?? environ.find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1);
}

/**
 * The shell's expansions outside single quotes, left to right in one pass: `$NAME`, `${NAME}` and `$?` through
 * `lookup` (`$1`…`$9` empty: `sh -c SCRIPT` is given no positional parameters) and, given `command`, command
 * substitution: `$(…)` and backquotes become what the inner script printed, trailing newlines removed, and
 * arithmetic, `$((…))` (shellArithmetic.ts); an expression the shell would refuse is left as it is.
 */
export function expandShell(text: string, lookup: ShellLookup, status = 0, command?: (script: string) => string): string {
  const value = (name: string) => (name === '?' ? String(status) : (lookup(name) ?? ''));
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
    if (ch === '$' && text.startsWith('((', i + 1)) {
      const end = arithmeticEnd(text, i + 3);
      if (end > 0) {
        const r = evaluateArithmetic(expandShell(text.slice(i + 3, end), lookup, status, command), value);
        if ('value' in r) {
          out += String(r.value);
          i = end + 1;
          continue;
        }
      }
    }
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
 * One command of a script: a simple statement, or a compound command (`for`, `while`/`until`, `if`, `case`)
 * gathered up to its closing word with its parts; one the shell would refuse is `compound`, and does not run.
 */
export type ScriptCommand =
  | { type: 'simple'; text: string; after: Connector }
  | { type: 'for'; name: string; list: string | undefined; body: string; after: Connector; pipeTo?: string[] }
  | { type: 'while'; until: boolean; condition: string; body: string; after: Connector; pipeTo?: string[] }
  /** `if LIST; then LIST; elif LIST; then LIST; else LIST; fi`: the first branch whose condition succeeds runs. */
  | { type: 'if'; branches: Array<{ condition: string; body: string }>; otherwise?: string; after: Connector; pipeTo?: string[] }
  /** `case WORD in PATTERN|PATTERN) LIST;; … esac`: the first arm with a pattern matching WORD runs. */
  | { type: 'case'; word: string; arms: CaseArm[]; after: Connector; pipeTo?: string[] }
  | { type: 'compound'; keyword: string; after: Connector };

/** One arm of a `case`: its patterns as written (quotes kept, expanded when matched) and its list. */
export interface CaseArm {
  patterns: string[];
  body: string;
}

const closers: Readonly<Record<string, string>> = { for: 'done', while: 'done', until: 'done', if: 'fi', case: 'esac' };
/** Reserved words that may start a statement inside a compound command before its first command word. */
const leading = new Set(['do', 'then', 'else', 'elif']);

/**
 * The statement's text without the reserved words that lead it (`do echo x` → `echo x`) and without the patterns
 * of a case arm (`web|db) case …` → `case …`), so a compound command opened there is counted.
 */
function withoutLeadingWords(text: string): string {
  let rest = text;
  for (;;) {
    const m = /^(\S+)(\s+|$)/.exec(rest);
    if (!m || !(leading.has(m[1]) || (m[1].endsWith(')') && !m[1].includes('$(')))) return rest;
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
    const tail = statements[end - 1].text.slice(closers[keyword].length).trim();
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
    } else if (keyword === 'if') {
      const branches = ifBranches(s.text.slice(2).trim(), inner);
      if (branches) commands.push({ type: 'if', ...branches, after: s.after, ...piped });
      else commands.push({ type: 'compound', keyword, after: s.after });
    } else if (keyword === 'case') {
      const parsed = caseArms(s.text, inner);
      if (parsed) commands.push({ type: 'case', ...parsed, after: s.after, ...piped });
      else commands.push({ type: 'compound', keyword, after: s.after });
    } else {
      commands.push({ type: 'compound', keyword, after: s.after });
    }
    i = end - 1;
  }
  return { commands, open: false };
}

/**
 * The branches of an `if`: its first condition's text (after `if`) and the statements up to its `fi`, split at the
 * `then`, `elif` and `else` of this `if` (those of compound commands inside it are theirs). Undefined when a
 * condition has no `then`: the shell's syntax error.
 */
function ifBranches(first: string, inner: ReadonlyArray<{ text: string; after: Connector }>): { branches: Array<{ condition: string; body: string }>; otherwise?: string } | undefined {
  type Part = { text: string; after: Connector }[];
  const branches: Array<{ condition: Part; body?: Part }> = [{ condition: first ? [{ text: first, after: ';' }] : [] }];
  let otherwise: Part | undefined;
  let current = branches[0].condition;
  const stack: string[] = [];
  const opens = (text: string) => {
    const word = firstWord(withoutLeadingWords(text));
    if (word === stack[stack.length - 1]) stack.pop();
    else if (word in closers) stack.push(closers[word]);
  };
  for (const st of inner) {
    const word = firstWord(st.text);
    if (stack.length === 0 && (word === 'then' || word === 'elif' || word === 'else')) {
      const last = branches[branches.length - 1];
      if (word === 'then') {
        if (last.body || otherwise) return undefined;
        last.body = [];
        current = last.body;
      } else if (word === 'elif') {
        if (!last.body || otherwise) return undefined;
        branches.push({ condition: [] });
        current = branches[branches.length - 1].condition;
      } else {
        if (!last.body || otherwise) return undefined;
        otherwise = [];
        current = otherwise;
      }
      const rest = st.text.slice(word.length).trim();
      if (rest) {
        current.push({ text: rest, after: ';' });
        opens(rest);
      }
      continue;
    }
    current.push(st);
    opens(st.text);
  }
  if (branches.some((b) => !b.body)) return undefined;
  return {
    branches: branches.map((b) => ({ condition: joinStatements(b.condition), body: joinStatements(b.body ?? []) })),
    ...(otherwise ? { otherwise: joinStatements(otherwise) } : {}),
  };
}

/** Where the first `)` or `|` outside quotes is in `text` (`)` ends a case pattern list, `|` separates patterns). */
function unquotedIndex(text: string, chars: string): number {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '\\') i++;
    else if (ch === "'" || ch === '"') quote = ch;
    else if (chars.includes(ch)) return i;
  }
  return -1;
}

/**
 * The word and arms of a `case` (POSIX 2.9.4.3): `header` is `case WORD in` with what follows `in` on its
 * statement, `inner` the statements up to `esac`. An arm starts the list after `in` and each list after a `;;`
 * of this `case` (those of a `case` nested in an arm are its own); its patterns end at the first unquoted `)`,
 * an opening `(` optional. Undefined for what the shell would refuse (no `in`, an arm with no `)`).
 */
function caseArms(header: string, inner: ReadonlyArray<{ text: string; after: Connector }>): { word: string; arms: CaseArm[] } | undefined {
  const m = /^case\s+(.+?)\s+in(?:\s+(.*))?$/s.exec(header);
  if (!m) return undefined;
  const statements = [...(m[2]?.trim() ? [{ text: m[2].trim(), after: ';' as Connector }] : []), ...inner];
  const arms: Array<{ head: string; body: Array<{ text: string; after: Connector }> }> = [];
  const stack: string[] = [];
  for (const st of statements) {
    if (stack.length === 0 && (arms.length === 0 || st.after === ';;')) {
      const text = st.text.replace(/^\(\s*/, '');
      const close = unquotedIndex(text, ')');
      if (close < 0) return undefined;
      const rest = text.slice(close + 1).trim();
      arms.push({ head: text.slice(0, close), body: rest ? [{ text: rest, after: ';' }] : [] });
      if (rest) trackNesting(stack, rest);
      continue;
    }
    arms[arms.length - 1]?.body.push(st);
    trackNesting(stack, st.text);
  }
  return {
    word: m[1],
    arms: arms.map((a) => {
      const patterns: string[] = [];
      let rest = a.head;
      for (let bar = unquotedIndex(rest, '|'); bar >= 0; bar = unquotedIndex(rest, '|')) {
        patterns.push(rest.slice(0, bar).trim());
        rest = rest.slice(bar + 1);
      }
      patterns.push(rest.trim());
      return { patterns, body: joinStatements(a.body) };
    }),
  };
}

/** Counts the compound commands a statement opens or closes (their closing words), for nesting. */
function trackNesting(stack: string[], text: string): void {
  const word = firstWord(withoutLeadingWords(text));
  if (word === stack[stack.length - 1]) stack.pop();
  else if (word in closers) stack.push(closers[word]);
}

/**
 * The arm a `case` runs: the first with a pattern matching its word, both expanded by `expand` (the word is not
 * split into fields); undefined when none matches (the `case` then has status 0).
 */
export function caseArmFor(s: { word: string; arms: readonly CaseArm[] }, expand: (text: string) => string): CaseArm | undefined {
  const word = shellWords(expand(s.word)).join(' ');
  return s.arms.find((a) => a.patterns.some((p) => matchesCasePattern(expand(p), word)));
}

/**
 * Whether `word` matches a case pattern (POSIX 2.13 pattern matching): outside quotes `*`, `?` and `[…]`
 * (`[!…]` negated) are special and a backslash makes the next character literal; inside quotes all is literal.
 * The pattern has had its expansions done; its quotes are still there.
 */
export function matchesCasePattern(pattern: string, word: string): boolean {
  let re = '';
  let quote: string | undefined;
  const literal = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else re += literal(ch);
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '\\' && i + 1 < pattern.length) re += literal(pattern[++i]);
    else if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = pattern.slice(i + 1, end);
        const negated = body.startsWith('!') || body.startsWith('^');
        const set = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&');
        re += negated ? `[^${set}]` : `[${set}]`;
        i = end;
      }
    } else re += literal(ch);
  }
  return new RegExp(`^${re}$`).test(word);
}

/** Where the `))` closing an arithmetic expansion whose text starts at `from` is (nested parentheses counted); -1: none. */
function arithmeticEnd(text: string, from: number): number {
  let depth = 0;
  for (let j = from; j < text.length; j++) {
    if (text[j] === '(') depth++;
    else if (text[j] === ')') {
      if (depth > 0) depth--;
      else return text[j + 1] === ')' ? j : -1;
    }
  }
  return -1;
}

/**
 * A command's redirections to /dev/null, `2>&1` and `>&2` (what loops and scripts write), taken out of its words:
 * `route` applies them to what it printed. A redirection to a file is not simulated: its message instead.
 */
export function redirected(words: readonly string[]): { words: string[]; redirects: boolean; route: (chunks: readonly StreamChunk[]) => StreamChunk[] } | string {
  // where file descriptors 1 and 2 point, applied left to right as the shell does: `>&2 2>/dev/null` still
  // prints on stderr (fd 1 took fd 2's target before fd 2 moved)
  const fds: Record<'stdout' | 'stderr', 'stdout' | 'stderr' | 'null'> = { stdout: 'stdout', stderr: 'stderr' };
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const m = /^(\d?|&)(>>?)(.*)$/.exec(words[i]);
    if (!m) {
      rest.push(words[i]);
      continue;
    }
    const [, fd, , inline] = m;
    const target = inline || words[++i];
    if (fd === '2' && target === '&1') fds.stderr = fds.stdout;
    else if ((fd === '' || fd === '1') && target === '&2') fds.stdout = fds.stderr;
    else if (target === '/dev/null') {
      if (fd === '' || fd === '1' || fd === '&') fds.stdout = 'null';
      if (fd === '2' || fd === '&') fds.stderr = 'null';
    } else return `svcsim: redirecting to ${target ?? 'nothing'} is not simulated; >/dev/null, 2>/dev/null, 2>&1 and >&2 are\n`;
  }
  const redirects = rest.length !== words.length;
  const route = (chunks: readonly StreamChunk[]) =>
    chunks.flatMap((c): StreamChunk[] => {
      const stream = fds[c.stream];
      return stream === 'null' ? [] : [{ ...c, stream }];
    });
  return { words: rest, redirects, route };
}
