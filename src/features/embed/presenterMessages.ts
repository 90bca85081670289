/**
 * The postMessage API between a slide deck (the host page) and an embedded svcsim, as plain data.
 *
 * Host → frame: `{type:'svcsim:step', step}` (1-based, as the step bar counts), `{type:'svcsim:command', command}`
 * (a kubectl line, run as if typed), `{type:'svcsim:reset'}` (back to what the frame opened with: the scenario at its
 * `step=`, or the starting cluster).
 * Frame → host: `svcsim:ready`, `svcsim:step-changed`, `svcsim:check` (the step's checks), `svcsim:command-done`
 * (its exit code; `null` when it was typed into the frame's terminal, whose screen shows the result).
 *
 * The origin rule: the frame talks to one origin, its host's: the `origin=` parameter when the deck gives one,
 * else the parent's entry in `location.ancestorOrigins` (Chromium, Safari), else the origin of `document.referrer` (browsers
 * send it to a cross-origin frame by default). Events are posted to that origin only, never to `*`; a message is
 * obeyed only when it comes from the parent window and from that origin. Without a known origin the API is off.
 * Messages are validated field by field: an unknown type, a missing field or a wrong type is ignored. Nothing in
 * a message is evaluated or inserted as HTML; a command is a line for the simulated shell, nothing else.
 */

export type PresenterRequest =
  | { type: 'svcsim:step'; step: number }
  | { type: 'svcsim:command'; command: string }
  | { type: 'svcsim:reset' };

export interface CheckResult {
  expected: string;
  ok: boolean;
  actual: string;
}

export type PresenterEvent =
  | { type: 'svcsim:ready'; scenario: string | null; step: number; steps: number; view: string }
  | { type: 'svcsim:step-changed'; step: number; steps: number; title: string }
  | { type: 'svcsim:check'; step: number; checks: CheckResult[]; passed: boolean }
  | { type: 'svcsim:command-done'; command: string; exitCode: number | null };

/** The longest command line accepted from a host (a kubectl line, not a file). */
export const maxCommandLength = 2000;

/** A host's message as a request, or undefined when it is not one of ours or is malformed. */
export function parsePresenterRequest(data: unknown): PresenterRequest | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'svcsim:step':
      return typeof m.step === 'number' && Number.isInteger(m.step) && m.step >= 1 && m.step <= 1000 ? { type: 'svcsim:step', step: m.step } : undefined;
    case 'svcsim:command':
      // one line: a newline would smuggle a second command past whoever reads the deck's source
      return typeof m.command === 'string' && m.command.trim() !== '' && m.command.length <= maxCommandLength && !/[\r\n]/.test(m.command)
        ? { type: 'svcsim:command', command: m.command.trim() }
        : undefined;
    case 'svcsim:reset':
      return { type: 'svcsim:reset' };
    default:
      return undefined;
  }
}

/** Where the frame's host is, by the rule above; undefined when it cannot be known. */
export function hostOrigin(given: string | undefined, ancestorOrigins: readonly string[] | undefined, referrer: string): string | undefined {
  if (given) return given;
  const ancestor = ancestorOrigins?.[0];
  if (ancestor && ancestor !== 'null') return ancestor;
  if (!referrer) return undefined;
  try {
    const origin = new URL(referrer).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** Whether a received message may be obeyed: from the parent window, from the host's origin. */
export function acceptsMessage(host: string | undefined, from: { origin: string; fromParent: boolean }): boolean {
  return host !== undefined && from.fromParent && from.origin === host;
}
