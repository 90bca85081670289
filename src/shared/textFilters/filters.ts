/**
 * The text filters a pipeline may end in, each a pure function of its stdin text, with GNU coreutils / GNU grep
 * option spelling, output formats, messages and exit statuses (coreutils src/head.c, tail.c, wc.c, sort.c,
 * uniq.c; grep src/grep.c). Files are not supported: there is no file system behind this shell. The terminals'
 * pipelines (src/kubectl/shell) and the shell scripts in simulated containers (src/engine) both use them.
 */
import { grep } from './grep';

export interface FilterResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const ok = (stdout: string): FilterResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode: number): FilterResult => ({ stdout: '', stderr, exitCode });

/** The lines of a text; a last line without its newline still counts, and gets one back on output (as GNU tools do). */
export function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
export const joinLines = (lines: readonly string[]) => lines.map((l) => `${l}\n`).join('');

/** The commands {@link runFilter} runs. */
export const filterNames: readonly string[] = ['cat', 'grep', 'head', 'tail', 'wc', 'sort', 'uniq'];

export function runFilter(words: string[], stdin: string): FilterResult {
  const [name, ...args] = words;
  switch (name) {
    case 'grep':
      return grep(args, stdin);
    case 'head':
    case 'tail':
      return headTail(name, args, stdin);
    case 'wc':
      return wc(args, stdin);
    case 'sort':
      return sort(args, stdin);
    case 'uniq':
      return uniq(args, stdin);
    case 'cat':
      return args.length ? fileArgument('cat', args[0], 1) : ok(stdin);
    default:
      return fail(`svcsim: ${name}: not supported after a pipe (this shell pipes into grep, head, tail, wc, sort and uniq)\n`, 127);
  }
}

/** `tool: FILE: No such file or directory`: the only files this shell has are none. */
export function fileArgument(tool: string, file: string, exitCode: number): FilterResult {
  return fail(`${tool}: ${file}: No such file or directory\n`, exitCode);
}

function invalidOption(tool: string, option: string, exitCode: number): FilterResult {
  const text = option.startsWith('--') ? `unrecognized option '${option}'` : `invalid option -- '${option}'`;
  return fail(`${tool}: ${text}\nTry '${tool} --help' for more information.\n`, exitCode);
}

/** head and tail: `-n N`, `-nN`, `--lines=N`, `-N`; head `-n -N` (all but the last N), tail `-n +N` (from line N). */
function headTail(tool: 'head' | 'tail', args: string[], stdin: string): FilterResult {
  let count = '10';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '--lines') {
      if (i + 1 >= args.length) return fail(`${tool}: option requires an argument -- 'n'\nTry '${tool} --help' for more information.\n`, 1);
      count = args[++i];
    } else if (a.startsWith('--lines=')) count = a.slice(8);
    else if (/^-n./.test(a)) count = a.slice(2);
    else if (/^-\d+$/.test(a)) count = a.slice(1);
    else if (tool === 'tail' && /^\+\d+$/.test(a)) count = a;
    else if (a === '-q' || a === '-f' || a === '--') continue;
    else if (a.startsWith('-') && a !== '-') return invalidOption(tool, a.startsWith('--') ? a : a[1], 1);
    else if (a !== '-') return fileArgument(tool, a, 1);
  }
  const m = /^([+-]?)(\d+)$/.exec(count);
  if (!m) return fail(`${tool}: invalid number of lines: '${count}'\n`, 1);
  const n = Number(m[2]);
  const lines = linesOf(stdin);
  if (tool === 'head') return ok(joinLines(m[1] === '-' ? lines.slice(0, Math.max(0, lines.length - n)) : lines.slice(0, n)));
  if (m[1] === '+') return ok(joinLines(lines.slice(Math.max(0, n - 1))));
  return ok(joinLines(n === 0 ? [] : lines.slice(-n)));
}

/** wc: one count prints just the number (stdin has no size to align to); several are 7 wide, as `wc` on a pipe. */
function wc(args: string[], stdin: string): FilterResult {
  const picked = new Set<string>();
  for (const a of args) {
    if (a === '--lines') picked.add('l');
    else if (a === '--words') picked.add('w');
    else if (a === '--bytes') picked.add('c');
    else if (a === '--chars') picked.add('m');
    else if (/^-[lwcm]+$/.test(a)) for (const c of a.slice(1)) picked.add(c);
    else if (a.startsWith('-') && a !== '-') return invalidOption('wc', a.startsWith('--') ? a : (a.slice(1).split('').find((c) => !'lwcm'.includes(c)) ?? a), 1);
    else if (a !== '-') return fileArgument('wc', a, 1);
  }
  if (picked.size === 0) for (const c of 'lwc') picked.add(c);
  const counts: number[] = [];
  // the order is fixed (lines, words, chars, bytes) whatever the order of the options
  if (picked.has('l')) counts.push((stdin.match(/\n/g) ?? []).length);
  if (picked.has('w')) counts.push(stdin.split(/\s+/).filter(Boolean).length);
  if (picked.has('m')) counts.push([...stdin].length);
  if (picked.has('c')) counts.push(new TextEncoder().encode(stdin).length);
  if (counts.length === 1) return ok(`${counts[0]}\n`);
  return ok(`${counts.map((c) => String(c).padStart(7)).join(' ')}\n`);
}

/** The number a line starts with for `sort -n` (blanks, a sign, digits, a decimal point); none sorts as 0. */
function leadingNumber(line: string): number {
  const m = /^\s*(-?\d*(?:\.\d*)?)/.exec(line);
  const n = m ? Number.parseFloat(m[1]) : Number.NaN;
  return Number.isNaN(n) ? 0 : n;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** sort [-r] [-n] [-u]: lines compare byte by byte (the C locale); equal keys fall back to the whole line. */
function sort(args: string[], stdin: string): FilterResult {
  let reverse = false;
  let numeric = false;
  let unique = false;
  for (const a of args) {
    if (a === '--reverse') reverse = true;
    else if (a === '--numeric-sort') numeric = true;
    else if (a === '--unique') unique = true;
    else if (/^-[rnu]+$/.test(a)) {
      reverse ||= a.includes('r');
      numeric ||= a.includes('n');
      unique ||= a.includes('u');
    } else if (a.startsWith('-') && a !== '-') return invalidOption('sort', a.startsWith('--') ? a : (a.slice(1).split('').find((c) => !'rnu'.includes(c)) ?? a), 2);
    else if (a !== '-') return fail(`sort: cannot read: ${a}: No such file or directory\n`, 2);
  }
  const key = (a: string, b: string) => (numeric ? leadingNumber(a) - leadingNumber(b) : byteOrder(a, b));
  const sorted = linesOf(stdin).sort((a, b) => {
    const c = key(a, b) || (unique ? 0 : byteOrder(a, b));
    return reverse ? -c : c;
  });
  const out = unique ? sorted.filter((l, i) => i === 0 || key(sorted[i - 1], l) !== 0) : sorted;
  return ok(joinLines(out));
}

/** uniq [-c] [-d] [-u]: adjacent equal lines; `-c` prefixes the count as `%7d `. */
function uniq(args: string[], stdin: string): FilterResult {
  let count = false;
  let repeated = false;
  let single = false;
  for (const a of args) {
    if (a === '--count') count = true;
    else if (a === '--repeated') repeated = true;
    else if (a === '--unique') single = true;
    else if (/^-[cdu]+$/.test(a)) {
      count ||= a.includes('c');
      repeated ||= a.includes('d');
      single ||= a.includes('u');
    } else if (a.startsWith('-') && a !== '-') return invalidOption('uniq', a.startsWith('--') ? a : (a.slice(1).split('').find((c) => !'cdu'.includes(c)) ?? a), 1);
    else if (a !== '-') return fileArgument('uniq', a, 1);
  }
  const groups: { line: string; n: number }[] = [];
  for (const line of linesOf(stdin)) {
    const last = groups[groups.length - 1];
    if (last && last.line === line) last.n++;
    else groups.push({ line, n: 1 });
  }
  const kept = groups.filter((g) => (!repeated || g.n > 1) && (!single || g.n === 1));
  return ok(joinLines(kept.map((g) => (count ? `${String(g.n).padStart(7)} ${g.line}` : g.line))));
}

/** Runs each filter over the previous one's output; stderr of every stage is collected in order; the status is the last stage's, as in bash. */
export function applyFilters(filters: readonly string[][], stdout: string): FilterResult {
  let text = stdout;
  let stderr = '';
  let exitCode = 0;
  for (const words of filters) {
    const r = runFilter(words, text);
    text = r.stdout;
    stderr += r.stderr;
    exitCode = r.exitCode;
  }
  return { stdout: text, stderr, exitCode };
}

/**
 * A command's output through a pipeline's filters (`cmd | grep x | head`): its stdout goes through them, its
 * stderr and theirs come out unfiltered; the status is the last filter's, as in bash.
 */
export function pipeOutput(chunks: readonly { stream: 'stdout' | 'stderr'; text: string }[], filters: readonly string[][]): FilterResult {
  const of = (stream: 'stdout' | 'stderr') => chunks.filter((c) => c.stream === stream).map((c) => c.text).join('');
  const f = applyFilters(filters, of('stdout'));
  return { stdout: f.stdout, stderr: of('stderr') + f.stderr, exitCode: f.exitCode };
}

