/**
 * Where `kubectl create configmap` and `create secret generic|docker-registry` take their keys from: literal
 * `key=value` pairs, files (`[key=]path`) and env files (kubernetes/kubectl v0.34.0 `pkg/util/util.go`
 * ParseLiteralSource / ParseFileSource, `pkg/cmd/util/env_file.go` AddFromEnvFile, and the os.Stat error wording
 * of `pkg/cmd/create/create_secret.go` and `create_configmap.go`).
 *
 * Files come through the host's `readFile`: the CLI reads the disk, and the browser terminal has no file system,
 * so there every path is missing and gets kubectl's own error for a missing path. readFile reads regular files
 * only and cannot tell a directory from a missing path, so the directory forms are not possible here:
 * `--from-file=DIR` (kubectl packs each regular file in DIR under its own name) and an env file that is a
 * directory (`env secret file cannot be a directory`) both fail as a missing path. readFile also hands over text
 * (the bytes decoded as UTF-8), so a file that is not UTF-8 does not arrive byte for byte, and an env file's
 * `contains invalid utf8 bytes at line N` error cannot arise.
 */
import { configKeyErrors } from '../../engine/api/validation/configMap';
import { regexError } from '../../engine/api/validation/names';
import { goQuote } from '../../shared/goQuote';
import type { CommandEnv } from '../cli/command';
import { fail } from '../cli/errors';

/** Go's `path.Base`: the last element of a slash-separated path (`.` for an empty one, `/` for only slashes). */
function pathBase(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** `util.ParseFileSource`: `path` (the key is the file's base name) or `key=path`; neither may hold another `=`. */
export function parseFileSource(source: string): { key: string; path: string } {
  const separators = source.split('=').length - 1;
  if (separators === 0) return { key: pathBase(source), path: source };
  if (separators === 1 && source.startsWith('=')) throw fail(`key name for file path ${source.slice(1)} missing`);
  if (separators === 1 && source.endsWith('=')) throw fail(`file path for key name ${source.slice(0, -1)} missing`);
  if (separators > 1) throw fail("key names or file paths cannot contain '='");
  const [key, path] = source.split('=');
  return { key, path };
}

/** `util.ParseLiteralSource`: `key=value`, split at the first `=` (the value may hold more of them). */
export function parseLiteralSource(source: string): { key: string; value: string } {
  const at = source.indexOf('=');
  if (at <= 0) throw fail(`invalid literal source ${source}, expected key=value`);
  return { key: source.slice(0, at), value: source.slice(at + 1) };
}

/** `validation.IsConfigMapKey` (apimachinery `pkg/util/validation/validation.go`): the keys of data maps. */
export const configMapKeyErrors = configKeyErrors;

/** `validation.IsEnvVarName` (apimachinery `pkg/util/validation/validation.go`): the keys of an env file. */
export function envVarNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) {
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        '[-._a-zA-Z][-._a-zA-Z0-9]*',
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    );
  }
  // hasChDirPrefix
  if (name === '.') errs.push("must not be '.'");
  else if (name === '..') errs.push("must not be '..'");
  else if (name.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/**
 * A `--from-file` / `--from-env-file` path's text. kubectl stats the path first and reports a failed stat as
 * `error reading PATH: <errno text>`; a path readFile cannot read is ENOENT's.
 */
export function readSourceFile(env: CommandEnv, path: string): string {
  const text = env.ctx.readFile?.(path);
  if (text === undefined) throw fail(`error reading ${path}: no such file or directory`);
  return text;
}

/** Go's `unicode.IsSpace` (JavaScript's `\s` differs: it has U+FEFF and lacks U+0085). */
const leadingSpace = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** bufio.Scanner's default token limit (`MaxScanTokenSize`): a longer line ends the scan. */
const maxScanTokenBytes = 64 * 1024;

/**
 * `cmdutil.AddFromEnvFile`: each line (bufio.ScanLines: split at `\n`, a trailing `\r` dropped) left-trimmed of
 * white space; blank lines and `#` comments skipped; `KEY=value` with the value kept as written (trailing spaces
 * and quotes included), `KEY` alone taking the value of kubectl's own environment variable KEY — which the
 * simulated kubectl has none of, so it is empty. A UTF-8 byte-order mark is dropped from the first line only.
 * A line of 64 KiB or more stops the scan silently, as AddFromEnvFile never looks at the scanner's error.
 */
export function addFromEnvFile(env: CommandEnv, path: string, addTo: (key: string, value: string) => void): void {
  const text = readSourceFile(env, path);
  const encoder = new TextEncoder();
  const lines = text.split('\n');
  // a final newline ends the last line; it does not start another
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    // the scanner's buffer holds the line and its newline; at the end of the file it fills up before EOF shows
    if (encoder.encode(lines[i]).length >= maxScanTokenBytes) return;
    let line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (i === 0) line = line.replace(/^\uFEFF/, '');
    line = line.replace(leadingSpace, '');
    if (line.length === 0 || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    const key = at < 0 ? line : line.slice(0, at);
    const errs = envVarNameErrors(key);
    if (errs.length > 0) throw fail(`${goQuote(key)} is not a valid key name: ${errs.join(';')}`);
    addTo(key, at < 0 ? '' : line.slice(at + 1));
  }
}

/** The data-source flags of `create configmap` and `create secret generic`, and the check both make first. */
export function dataSourceFlags(env: CommandEnv): { files: string[]; literals: string[]; envFiles: string[] } {
  const files = env.flags.strings('from-file');
  const literals = env.flags.strings('from-literal');
  const envFiles = env.flags.strings('from-env-file');
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) throw fail('from-env-file cannot be combined with from-file or from-literal');
  return { files, literals, envFiles };
}
