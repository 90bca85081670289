/**
 * `grep` over a pipe: -i -v -E -F -c -w -n -o -x -q, context lines (-A -B -C NUM, -NUM) with `--` between
 * groups and `N-` numbers on context lines, GNU grep's spelling, basic (default) and extended regular
 * expressions, and its exit statuses: 0 a line was selected, 1 none was, 2 an error (GNU grep src/grep.c).
 */
import { type FilterResult, fileArgument, joinLines, linesOf } from './filters';

const usage = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";
const longFlags: Record<string, string> = {
  '--ignore-case': 'i',
  '--invert-match': 'v',
  '--extended-regexp': 'E',
  '--basic-regexp': 'G',
  '--fixed-strings': 'F',
  '--count': 'c',
  '--word-regexp': 'w',
  '--line-regexp': 'x',
  '--line-number': 'n',
  '--only-matching': 'o',
  '--quiet': 'q',
  '--silent': 'q',
};
const contextFlags: Record<string, 'A' | 'B' | 'C'> = { '--after-context': 'A', '--before-context': 'B', '--context': 'C' };

/** Context lengths as GNU grep reads them (src/grep.c `context_length_arg`): a non-negative decimal. */
function contextLength(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

export function grep(args: string[], stdin: string): FilterResult {
  const flags = new Set<string>();
  const patterns: string[] = [];
  const operands: string[] = [];
  const context: Partial<Record<'A' | 'B' | 'C', number>> = {};
  const badContext = (v: string): FilterResult => ({ stdout: '', stderr: `grep: ${v}: invalid context length argument\n`, exitCode: 2 });
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a in longFlags) flags.add(longFlags[a]);
    else if (a.startsWith('--regexp=')) patterns.push(a.slice(9));
    else if (a.split('=')[0] in contextFlags) {
      const [name, inline] = a.split(/=(.*)/s);
      const value = inline ?? args[++i];
      if (value === undefined) return { stdout: '', stderr: `grep: option '${name}' requires an argument\n${usage}`, exitCode: 2 };
      const n = contextLength(value);
      if (n === undefined) return badContext(value);
      context[contextFlags[name]] = n;
    }
    else if (a.startsWith('--')) return { stdout: '', stderr: `grep: unrecognized option '${a}'\n${usage}`, exitCode: 2 };
    else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        // -NUM is -C NUM (digits run together: -12)
        if (/\d/.test(c)) {
          const digits = /^\d+/.exec(a.slice(j))?.[0] ?? c;
          context.C = Number(digits);
          j += digits.length - 1;
          continue;
        }
        if (c === 'A' || c === 'B' || c === 'C') {
          const value = a.slice(j + 1) || args[++i];
          if (value === undefined) return { stdout: '', stderr: `grep: option requires an argument -- '${c}'\n${usage}`, exitCode: 2 };
          const n = contextLength(value);
          if (n === undefined) return badContext(value);
          context[c] = n;
          break;
        }
        if (c === 'e') {
          const value = a.slice(j + 1) || args[++i];
          if (value === undefined) return { stdout: '', stderr: `grep: option requires an argument -- 'e'\n${usage}`, exitCode: 2 };
          patterns.push(value);
          break;
        }
        if (!'ivEGFcwxnoq'.includes(c)) return { stdout: '', stderr: `grep: invalid option -- '${c}'\n${usage}`, exitCode: 2 };
        flags.add(c);
      }
    } else operands.push(a);
  }
  if (patterns.length === 0) {
    if (operands.length === 0) return { stdout: '', stderr: usage, exitCode: 2 };
    patterns.push(...operands.shift()!.split('\n'));
  }
  const file = operands.find((o) => o !== '-');
  if (file !== undefined) return fileArgument('grep', file, 2);
  let re: RegExp;
  try {
    re = compile(patterns, flags);
  } catch {
    return { stdout: '', stderr: `grep: ${regexError(patterns.join('\n'), flags.has('E'))}\n`, exitCode: 2 };
  }
  const invert = flags.has('v');
  const lines = linesOf(stdin);
  const after = context.A ?? context.C ?? 0;
  const before = context.B ?? context.C ?? 0;
  const only = flags.has('o') && !invert;
  // any context option, even 0, turns on the separator (GNU grep's out_before/out_after start at -1)
  const separated = context.A !== undefined || context.B !== undefined || context.C !== undefined;
  const selected: string[] = [];
  // GNU grep: context lines carry `N-`, selected ones `N:`; a `--` line parts groups that do not touch
  let lastPrinted = -1;
  let afterLeft = 0;
  // with -o the context lines are passed over silently, but they still join groups (no `--` across them)
  const emit = (i: number, texts: string[], sep: ':' | '-') => {
    if (separated && lastPrinted >= 0 && i > lastPrinted + 1) selected.push('--');
    for (const text of texts) selected.push((flags.has('n') ? `${i + 1}${sep}` : '') + text);
    lastPrinted = i;
  };
  let lineCount = 0;
  lines.forEach((line, i) => {
    if (re.test(line) === invert) {
      if (afterLeft > 0) {
        afterLeft--;
        emit(i, flags.has('o') ? [] : [line], '-');
      }
      return;
    }
    for (let b = Math.max(lastPrinted + 1, i - before); b < i; b++) emit(b, flags.has('o') ? [] : [lines[b]], '-');
    afterLeft = after;
    lineCount++;
    if (only) emit(i, [...line.matchAll(new RegExp(re.source, `${re.flags}g`))].map((m) => m[0]).filter(Boolean), ':');
    else if (flags.has('o')) emit(i, [], ':');
    else emit(i, [line], ':');
  });
  // -c counts selected lines (-o does not change the count)
  const exitCode = lineCount > 0 ? 0 : 1;
  if (flags.has('q')) return { stdout: '', stderr: '', exitCode };
  if (flags.has('c')) return { stdout: `${lineCount}\n`, stderr: '', exitCode };
  return { stdout: joinLines(selected), stderr: '', exitCode };
}

function compile(patterns: string[], flags: ReadonlySet<string>): RegExp {
  const sources = patterns.map((p) => (flags.has('F') ? p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : translate(p, flags.has('E'))));
  let source = sources.map((s) => `(?:${s})`).join('|');
  // -w: the match must have no word character on either side; -x: it must be the whole line
  if (flags.has('x')) source = `^(?:${source})$`;
  else if (flags.has('w')) source = `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`;
  return new RegExp(source, flags.has('i') ? 'iu' : 'u');
}

const classes: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  xdigit: '0-9A-Fa-f',
  punct: '!-\\/:-@\\[-`{-~',
};

/** POSIX basic or extended regular expression (GNU flavour) to a JavaScript one. */
function translate(p: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '[') {
      const end = bracketEnd(p, i);
      if (end < 0) throw new Error('unmatched [');
      let body = p.slice(i + 1, end);
      const negate = body.startsWith('^');
      if (negate) body = body.slice(1);
      body = body.replace(/\[:([a-z]+):\]|[\\[\]]/g, (m, name?: string) => {
        if (name === undefined) return `\\${m}`;
        if (!(name in classes)) throw new Error('invalid class');
        return classes[name];
      });
      out += `[${negate ? '^' : ''}${body}]`;
      i = end;
    } else if (c === '\\' && i + 1 < p.length) {
      const n = p[++i];
      if (!extended && '(){}|+?'.includes(n)) out += n;
      else if (n === '<' || n === '>') out += '\\b';
      else if ('wWsSb'.includes(n)) out += `\\${n}`;
      else out += /[A-Za-z0-9]/.test(n) ? n : `\\${n}`;
    } else if (!extended && '(){}|+?'.includes(c)) out += `\\${c}`;
    else if (c === '/' || (c === '{' && !/^\{\d*(,\d*)?\}/.test(p.slice(i)))) out += `\\${c}`;
    else out += c;
  }
  return out;
}

/** Where a bracket expression that opens at `start` closes: `]` first (or after `^`) is a member. */
function bracketEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '^') i++;
  if (p[i] === ']') i++;
  for (; i < p.length; i++) {
    if (p[i] === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      if (close < 0) return -1;
      i = close + 1;
    } else if (p[i] === ']') return i;
  }
  return -1;
}

/** GNU grep's messages for a pattern it cannot compile (gnulib regcomp.c). */
function regexError(pattern: string, extended: boolean): string {
  if (/\[/.test(pattern) && !/\[[^\]]*\]/.test(pattern)) return 'Unmatched [, [^, [:, [., or [=';
  const open = extended ? /(?<!\\)\(/g : /\\\(/g;
  const close = extended ? /(?<!\\)\)/g : /\\\)/g;
  if ((pattern.match(open) ?? []).length > (pattern.match(close) ?? []).length) return 'Unmatched ( or \\(';
  if ((pattern.match(close) ?? []).length > (pattern.match(open) ?? []).length) return 'Unmatched ) or \\)';
  return 'Invalid regular expression';
}
