/**
 * Commands run inside a running container with `exec` (exec probes now, `kubectl exec` later). Only file
 * tests and a few utilities are modelled; error texts follow busybox or GNU coreutils depending on the image.
 */
import type { AppInstance, ExecResult } from './app';
import { commandName, shellWords, splitStatements } from './shellScript';

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
      const flag = args[0];
      const path = args[1];
      if ((flag === '-f' || flag === '-e' || flag === '-d') && path) return exists(instance, path) ? ok() : fail(1, '');
      return ok();
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
