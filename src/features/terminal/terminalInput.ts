/**
 * Typing into a terminal from outside it (a presenter's `svcsim:command` in an embedded frame): the terminal
 * registers its input handler here, so the line goes through the same path as keys (shown at the prompt,
 * queued behind a running command, kept in the history). A module of its own so callers need not load xterm.
 */
interface TerminalInput {
  onInput: (data: string) => void;
  focus: () => void;
}

const inputs = new Map<string, TerminalInput>();
/** The session of the terminal tab shown (the one a click elsewhere types into). */
let shown: string | undefined;

/** Registers (or with `undefined` removes) the input handler of a terminal session. */
export function registerTerminalInput(session: string, input: TerminalInput | undefined): void {
  if (input) inputs.set(session, input);
  else inputs.delete(session);
}

/** The terminal tab of `session` is the one shown. */
export function showTerminal(session: string): void {
  shown = session;
}

/** Types a line into the terminal tab shown and puts the caret there; false when no terminal is open. */
export function typeIntoShownTerminal(line: string): boolean {
  const input = shown === undefined ? undefined : inputs.get(shown);
  if (!input || shown === undefined) return false;
  typeIntoTerminal(shown, line);
  input.focus();
  return true;
}

/** Types a line and Enter into a session's terminal; false when no terminal of that session is open. */
export function typeIntoTerminal(session: string, line: string): boolean {
  const input = inputs.get(session);
  if (!input) return false;
  input.onInput(`${line}\r`);
  return true;
}
