/**
 * kubectl's error rendering (`checkErr`, `StandardErrorMessage`, `MultilineError`, `MultipleErrors` in
 * kubectl `pkg/cmd/util/helpers.go`). Commands throw a `CommandError` carrying one of these error values; the
 * entry point renders it to stderr with exit code 1 (or the code of an exec'd process).
 */
import type { ApiStatus } from '../../engine';

export type KubeError =
  | { type: 'status'; status: ApiStatus }
  | { type: 'message'; message: string }
  | { type: 'aggregate'; errors: KubeError[] }
  /** `cmdutil.ErrExit`: exit 1 and print nothing more (the command already explained itself). */
  | { type: 'exit'; code?: number }
  /** `utilexec.ExitError` (a command run by exec failed): printed as is, with its exit status. */
  | { type: 'exitStatus'; message: string; code: number };

/** An error a command stops with. */
export class CommandError extends Error {
  constructor(readonly error: KubeError) {
    super(errorText(error));
  }
}

/** `fmt.Errorf(...)`-style error: printed as `error: <message>`. */
export function fail(message: string): CommandError {
  return new CommandError({ type: 'message', message });
}

/** An apiserver status error. */
export function failStatus(status: ApiStatus): CommandError {
  return new CommandError({ type: 'status', status });
}

/** `cmdutil.UsageErrorf`: the message plus `See 'kubectl <cmd> -h' for help and examples`. */
export function usageError(commandPath: string, message: string): CommandError {
  return fail(`${message}\nSee '${commandPath} -h' for help and examples`);
}

/** Flag parsing errors go through kubectl's templater: `See 'kubectl <cmd> --help' for usage.` */
export function flagError(commandPath: string, message: string): CommandError {
  return fail(`${message}\nSee '${commandPath} --help' for usage.`);
}

/** Several errors collected with ContinueOnError (`utilerrors.NewAggregate`). */
export function aggregate(errors: KubeError[]): KubeError | undefined {
  if (errors.length === 0) return undefined;
  return errors.length === 1 ? errors[0] : { type: 'aggregate', errors };
}

/** Fails with the collected errors as one, if there are any (the end of a ContinueOnError visit). */
export function throwIfErrors(errors: KubeError[]): void {
  const err = aggregate(errors);
  if (err) throw new CommandError(err);
}

/** Runs `visit` for one object; a CommandError it throws is collected in `errors` and the visit goes on. */
export function continueOnError(errors: KubeError[], visit: () => void): void {
  try {
    visit();
  } catch (e) {
    if (!(e instanceof CommandError)) throw e;
    errors.push(e.error);
  }
}

/** err.Error() of each kind of error. */
export function errorText(e: KubeError): string {
  switch (e.type) {
    case 'status':
      return e.status.message;
    case 'message':
      return e.message;
    case 'aggregate':
      return e.errors.length === 1 ? errorText(e.errors[0]) : `[${e.errors.map(errorText).join(', ')}]`;
    case 'exit':
      return 'exit';
    case 'exitStatus':
      return e.message;
  }
}

/** `StandardErrorMessage`: `Error from server (Reason): message` for API errors. */
function standardErrorMessage(e: KubeError): string | undefined {
  if (e.type !== 'status') return undefined;
  const s = e.status;
  if (s.reason === ('Unauthorized' as ApiStatus['reason'])) return `error: You must be logged in to the server (${s.message})`;
  if (s.reason) return `Error from server (${s.reason}): ${s.message}`;
  return `Error from server: ${s.message}`;
}

const messageForError = (e: KubeError) => standardErrorMessage(e) ?? errorText(e);

/** Renders an error as `checkErr` prints it; returns the stderr text (with a final newline) and the exit code. */
export function renderError(err: KubeError): { text: string; exitCode: number } {
  let e = err;
  if (e.type === 'aggregate' && e.errors.length === 1) e = e.errors[0];
  if (e.type === 'exit') return { text: '', exitCode: e.code ?? 1 };
  if (e.type === 'exitStatus') return { text: `${e.message}\n`, exitCode: e.code };
  if (e.type === 'status' && e.status.reason === 'Invalid') return { text: invalidMessage(e.status), exitCode: 1 };
  if (e.type === 'aggregate') return { text: e.errors.map((x) => `${messageForError(x)}\n`).join(''), exitCode: 1 };
  let msg = standardErrorMessage(e);
  if (msg === undefined) {
    msg = errorText(e);
    if (!msg.startsWith('error: ')) msg = `error: ${msg}`;
  }
  return { text: msg.endsWith('\n') ? msg : `${msg}\n`, exitCode: 1 };
}

/** The Invalid branch of checkErr: `The Kind "name" is invalid: ` plus the causes (`* ` bullets when several). */
function invalidMessage(s: ApiStatus): string {
  const details = s.details;
  let prefix = 'The request is invalid';
  if (!details) return `${s.message ? `${prefix}: ${s.message}` : prefix}\n`;
  if (details.kind || details.name) prefix = `The ${details.kind ?? ''} "${details.name ?? ''}" is invalid`;
  else if (s.message && !(details.causes ?? []).length) prefix += `: ${s.message}`;
  const seen = new Set<string>();
  const causes: string[] = [];
  for (const c of details.causes ?? []) {
    const m = `${c.field ?? ''}: ${c.message}`;
    if (seen.has(m)) continue;
    seen.add(m);
    causes.push(m);
  }
  if (causes.length === 0) return `${prefix}\n`;
  if (causes.length === 1) return `${prefix}: ${causes[0]}\n`;
  return `${prefix}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}
