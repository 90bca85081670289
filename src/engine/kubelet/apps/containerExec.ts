/**
 * Commands run inside a running container with `exec` (exec probes now, `kubectl exec` later). Only file
 * tests and a few utilities are modelled; error texts follow busybox or GNU coreutils depending on the image.
 */
import type { AppInstance, ExecResult } from './app';
import { commandName } from './shellScript';
import { shellWords, splitStatements } from './shellSyntax';

// paths every Linux image has
const imageFiles = new Set(['/', '/etc', '/etc/hosts', '/etc/hostname', '/etc/resolv.conf', '/etc/passwd', '/tmp', '/dev/null', '/proc', '/bin', '/bin/sh']);

function exists(instance: AppInstance, path: string): boolean {
  if (instance.files.has(path)) return true;
  if (instance.app.coreutils === 'none' && path === '/bin/sh') return false;
  return imageFiles.has(path);
}

function ok(stdout = ''): ExecResult {
  return { exitCode: 0, stdout, stderr: '' };
}

function fail(exitCode: number, stderr: string): ExecResult {
  return { exitCode, stdout: '', stderr };
}

/** The error a runtime gives for a binary the image does not have. */
export function executableNotFound(name: string): ExecResult {
  return fail(
    126,
    `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown`,
  );
}

function runOne(instance: AppInstance, words: string[], inShell: boolean): ExecResult {
  const name = commandName(words[0]);
  const args = words.slice(1);
  const gnu = instance.app.coreutils === 'gnu';
  if (instance.app.coreutils === 'none') return executableNotFound(words[0] ?? '');
  switch (name) {
    case 'true':
    case 'sleep':
      return ok();
    case 'false':
      return fail(1, '');
    case 'echo':
      return ok(`${args.join(' ')}\n`);
    case 'cat': {
      for (const p of args) {
        if (!exists(instance, p)) {
          return fail(1, gnu ? `cat: ${p}: No such file or directory\n` : `cat: can't open '${p}': No such file or directory\n`);
        }
      }
      return ok();
    }
    case 'ls': {
      for (const p of args.filter((a) => !a.startsWith('-'))) {
        if (!exists(instance, p)) {
          return gnu ? fail(2, `ls: cannot access '${p}': No such file or directory\n`) : fail(1, `ls: ${p}: No such file or directory\n`);
        }
      }
      return ok();
    }
    case 'test':
    case '[': {
      const operands = name === '[' && args.at(-1) === ']' ? args.slice(0, -1) : args;
      const truth = testExpression(instance, operands);
      return truth === false ? fail(1, '') : ok();
    }
    case 'sh':
    case 'bash':
    case 'ash': {
      const c = args.indexOf('-c');
      return c >= 0 ? runScript(instance, args[c + 1] ?? '') : ok();
    }
    default:
      // an unknown tool: inside a shell it succeeds (it is probably there); exec'd directly as well
      return inShell || name ? ok() : fail(127, '');
  }
}

function runScript(instance: AppInstance, script: string): ExecResult {
  let last: ExecResult = ok();
  let stdout = '';
  let stderr = '';
  for (const s of splitStatements(script)) {
    if (s.after === '&&' && last.exitCode !== 0) continue;
    if (s.after === '||' && last.exitCode === 0) continue;
    last = runOne(instance, shellWords(s.text), true);
    stdout += last.stdout;
    stderr += last.stderr;
  }
  return { exitCode: last.exitCode, stdout, stderr };
}

/** Runs `argv` in the container. */
export function execInContainer(instance: AppInstance, argv: readonly string[]): ExecResult {
  if (argv.length === 0) return fail(1, 'no command');
  return runOne(instance, [...argv], false);
}

const integerTests: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  '-eq': (a, b) => a === b,
  '-ne': (a, b) => a !== b,
  '-lt': (a, b) => a < b,
  '-le': (a, b) => a <= b,
  '-gt': (a, b) => a > b,
  '-ge': (a, b) => a >= b,
};

/**
 * POSIX `test` of one to four operands: files (`-f`, `-e`, `-d`), strings (`-z`, `-n`, `=`, `!=`, busybox's and
 * bash's `==`), integers (`-eq` … `-ge`) and `!`. Undefined for what is not modelled (taken as true, as before).
 */
function testExpression(instance: AppInstance, args: readonly string[]): boolean | undefined {
  if (args[0] === '!' && args.length > 1) {
    const inner = testExpression(instance, args.slice(1));
    return inner === undefined ? undefined : !inner;
  }
  if (args.length === 0) return false;
  if (args.length === 1) return args[0] !== '';
  if (args.length === 2) {
    const [op, operand] = args;
    if (op === '-f' || op === '-e' || op === '-d') return exists(instance, operand);
    if (op === '-z') return operand === '';
    if (op === '-n') return operand !== '';
    return undefined;
  }
  if (args.length === 3) {
    const [a, op, b] = args;
    if (op === '=' || op === '==') return a === b;
    if (op === '!=') return a !== b;
    const compare = integerTests[op];
    if (compare && /^-?\d+$/.test(a) && /^-?\d+$/.test(b)) return compare(Number(a), Number(b));
  }
  return undefined;
}

