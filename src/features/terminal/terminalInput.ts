/**
 * Typing into a terminal from outside it (a presenter's `svcsim:command` in an embedded frame): the terminal
 * registers its input handler here, so the line goes through the same path as keys (shown at the prompt,
 * queued behind a running command, kept in the history). A module of its own so callers need not load xterm.
 */
const inputs = new Map<string, (data: string) => void>();

/** Registers (or with `undefined` removes) the input handler of a terminal session. */
export function registerTerminalInput(session: string, onInput: ((data: string) => void) | undefined): void {
  if (onInput) inputs.set(session, onInput);
  else inputs.delete(session);
}

/** Types a line and Enter into a session's terminal; false when no terminal of that session is open. */
export function typeIntoTerminal(session: string, line: string): boolean {
  const onInput = inputs.get(session);
  if (!onInput) return false;
  onInput(`${line}\r`);
  return true;
}
