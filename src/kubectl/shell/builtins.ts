/**
 * The bash builtins both user shells (the browser terminal and `svcsim shell`) run themselves: `echo`, `true`,
 * `false` and `:`, what loops and lists around kubectl use (`… || true`, `for p in a b; do echo $p; done`).
 */

export interface BuiltinResult {
  stdout: string;
  exitCode: number;
}

/** Runs `words` when they name a builtin of this shell; undefined for any other command. */
export function runBuiltin(words: readonly string[]): BuiltinResult | undefined {
  switch (words[0]) {
    case 'echo':
      return { stdout: echo(words.slice(1)), exitCode: 0 };
    case 'true':
    case ':':
      return { stdout: '', exitCode: 0 };
    case 'false':
      return { stdout: '', exitCode: 1 };
    default:
      return undefined;
  }
}

/**
 * bash's `echo`: its arguments joined by spaces and a newline. Leading words made only of the options `-n` (no
 * newline), `-e` (backslash escapes) and `-E` (none, the default) are options; any other word starts the text
 * (bash builtins/echo.def).
 */
function echo(args: readonly string[]): string {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    for (const flag of args[i].slice(1)) {
      if (flag === 'n') newline = false;
      else escapes = flag === 'e';
    }
  }
  const text = args.slice(i).join(' ');
  return (escapes ? echoEscapes(text) : text) + (newline ? '\n' : '');
}

/** `echo -e`'s common escapes: `\n`, `\t`, `\r` and `\\`; any other backslash stays as it is. */
function echoEscapes(text: string): string {
  return text.replace(/\\([ntr\\])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : '\\'));
}
