/** An apiserver Status as kubectl prints it: `The Pod "x" is invalid: ...` with its causes, or `Error from server (Reason): message`. */
import type { ApiStatus } from '../engine';

export function statusText(s: ApiStatus): string {
  if (s.reason === 'Invalid' && s.details?.causes?.length) {
    const causes = s.details.causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
    // errors.NewInvalid with no kind and no name (a patch's strict decoding error) is "The request is invalid"
    const head = s.details.kind || s.details.name ? `The ${s.details.kind} "${s.details.name}" is invalid: ` : 'The request is invalid: ';
    return causes.length === 1 ? head + causes[0] : `${head}\n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  return `Error from server (${s.reason}): ${s.message}`;
}
